package com.javadoor.shop.emailservice;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real SMTP server (GreenMail) inside the test JVM, on a free port, and the service's
 * {@code spring.mail.*} pointed at it. Imported by every broker-backed test class alike, so they share
 * one cached context and one server; each test looks only at the mails of its own recipients.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailServer {

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        // A fixed port for the server's lifetime, not GreenMail's dynamic one, so a test can stop the
        // server and start it again where the mail sender already points.
        GreenMail greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    @Bean
    DynamicPropertyRegistrar mailServerProperties(GreenMail greenMail) {
        return properties -> {
            properties.add("spring.mail.host", () -> "127.0.0.1");
            properties.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
        };
    }

    /** Every mail the server received for {@code recipient}, in the order they came. */
    public static List<MimeMessage> mailsTo(GreenMail greenMail, String recipient) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(mail -> isFor(mail, recipient)).toList();
    }

    /** The subjects of the mails {@code recipient} received, in the order they came. */
    public static List<String> subjectsOfMailsTo(GreenMail greenMail, String recipient) {
        return mailsTo(greenMail, recipient).stream().map(TestMailServer::subject).toList();
    }

    private static boolean isFor(MimeMessage mail, String recipient) {
        try {
            Address[] to = mail.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(address -> address.toString().equals(recipient));
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
