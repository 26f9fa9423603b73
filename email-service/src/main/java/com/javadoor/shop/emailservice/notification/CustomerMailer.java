package com.javadoor.shop.emailservice.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands mails to the SMTP server at the last moment of the current transaction: after every write of
 * the handling, the processed-event record included, and before the commit. A send that fails throws
 * from there, and the transaction rolls back instead of committing.
 */
@Component
class CustomerMailer {

    private static final Logger log = LoggerFactory.getLogger(CustomerMailer.class);

    private final SmtpConnection smtp;
    private final EmailProperties properties;

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
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                smtp.send(message);
                log.info("Mailed {} about {} of order {}", mail.recipient(), mail.about().typeName(), mail.orderId());
            }
        });
    }
}
