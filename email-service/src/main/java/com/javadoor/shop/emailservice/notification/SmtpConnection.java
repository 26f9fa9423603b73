package com.javadoor.shop.emailservice.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMailMessage;
import org.springframework.stereotype.Component;

/**
 * One SMTP connection, kept open from one mail to the next. Spring's {@code JavaMailSender} opens and
 * closes a connection for every {@code send}: TCP handshake, greeting, EHLO, QUIT, and with a real
 * server TLS too. Against GreenMail here that is about 45 ms a mail, against 1.3 ms for a mail on an
 * open connection, and it made mail the slowest step of the shop (docs/BENCHMARKS.md).
 *
 * <p>A connection that has been idle for a second is checked (SMTP {@code NOOP}) before the next mail,
 * and opened again if the server closed it (idle timeout, restart); mails that follow each other go out
 * without that extra round trip. A send that fails closes it, so the retry starts afresh. Session
 * settings (host, port, timeouts) are Spring Boot's {@code spring.mail.*}.
 */
@Component
class SmtpConnection implements DisposableBean {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final long CHECK_AFTER_IDLE_NANOS = Duration.ofSeconds(1).toNanos();

    private final JavaMailSenderImpl mailer;
    private Transport transport;
    private long lastUsedNanos;

    SmtpConnection(JavaMailSenderImpl mailer) {
        this.mailer = mailer;
        // Jakarta Mail looks its stream provider up for every mail it writes, through a ServiceLoader scan
        // of the whole class path unless this property names it: a fifth of the service's CPU under load.
        System.getProperties().putIfAbsent(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    synchronized void send(SimpleMailMessage mail) {
        try {
            MimeMessage message = mailer.createMimeMessage();
            mail.copyTo(new MimeMailMessage(message));
            message.setSentDate(new Date());
            message.saveChanges();
            connected().sendMessage(message, message.getAllRecipients());
            lastUsedNanos = System.nanoTime();
        }
        catch (MessagingException ex) {
            close();
            throw new MailSendException("Mail to " + String.join(", ", mail.getTo()) + " not sent", ex);
        }
    }

    private Transport connected() throws MessagingException {
        boolean idle = System.nanoTime() - lastUsedNanos > CHECK_AFTER_IDLE_NANOS;
        if (transport == null || (idle && !transport.isConnected())) {
            close();
            transport = mailer.getSession().getTransport(mailer.getProtocol());
            transport.connect(mailer.getHost(), mailer.getPort(), mailer.getUsername(), mailer.getPassword());
        }
        return transport;
    }

    private void close() {
        if (transport != null) {
            try {
                transport.close();
            }
            catch (MessagingException ignored) {
                // Already broken; the next mail opens a new connection.
            }
            transport = null;
        }
    }

    @Override
    public synchronized void destroy() {
        close();
    }
}
