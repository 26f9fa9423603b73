package com.javadoor.shop.emailservice.notification;

import com.javadoor.shop.events.EventType;
import com.javadoor.shop.events.OrderId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands mails to the SMTP server at the last moment of the current transaction: after every write of
 * the handling, the processed-event records included, and before the commit. A send that fails throws
 * from there, and the transaction rolls back instead of committing.
 *
 * <p>A poll's mails share one transaction, so a mail can be accepted by the server and its transaction
 * still roll back: a later mail of the same poll failed, or the commit did. The inbox then handles the
 * poll's events again one at a time. This class remembers the mails the server accepted whose records
 * have not committed yet, and does not send those again: the customer gets each mail once, unless the
 * process dies between the server's acceptance and the commit.
 */
@Component
class CustomerMailer {

    private static final Logger log = LoggerFactory.getLogger(CustomerMailer.class);

    private record Sent(OrderId orderId, EventType about) {
    }

    private final SmtpConnection smtp;
    private final EmailProperties properties;
    private final Set<Sent> acceptedNotRecorded = ConcurrentHashMap.newKeySet();

    CustomerMailer(SmtpConnection smtp, EmailProperties properties) {
        this.smtp = smtp;
        this.properties = properties;
    }

    void sendBeforeCommit(OrderMail mail) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(mail.recipient());
        message.setSubject(mail.subject());
        message.setText(mail.body());
        Sent sent = new Sent(mail.orderId(), mail.about());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (!acceptedNotRecorded.add(sent)) {
                    log.info("Not mailing {} about {} of order {} again: the server accepted it before",
                            mail.recipient(), mail.about().typeName(), mail.orderId());
                    return;
                }
                try {
                    smtp.send(message);
                }
                catch (RuntimeException ex) {
                    acceptedNotRecorded.remove(sent);
                    throw ex;
                }
                log.info("Mailed {} about {} of order {}", mail.recipient(), mail.about().typeName(), mail.orderId());
            }

            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    acceptedNotRecorded.remove(sent);
                }
            }
        });
    }
}
