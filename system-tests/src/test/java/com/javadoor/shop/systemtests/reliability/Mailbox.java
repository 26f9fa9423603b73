package com.javadoor.shop.systemtests.reliability;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mails the SMTP catcher received, counted per order and per state of the order they tell of. */
record Mailbox(int total, Map<String, Map<MailKind, Integer>> byOrder) {

    enum MailKind {
        RECEIVED, CONFIRMED, CANCELLED, OTHER
    }

    private static final Pattern ORDER_ID = Pattern
            .compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static Mailbox of(GreenMail mail) {
        MimeMessage[] messages = mail.getReceivedMessages();
        Map<String, Map<MailKind, Integer>> byOrder = new HashMap<>();
        for (MimeMessage message : messages) {
            String subject = subject(message);
            Matcher id = ORDER_ID.matcher(subject);
            String orderId = id.find() ? id.group() : "none";
            byOrder.computeIfAbsent(orderId, key -> new EnumMap<>(MailKind.class)).merge(kind(subject), 1, Integer::sum);
        }
        return new Mailbox(messages.length, byOrder);
    }

    int count(String orderId, MailKind kind) {
        return byOrder.getOrDefault(orderId, Map.of()).getOrDefault(kind, 0);
    }

    private static MailKind kind(String subject) {
        String lower = subject.toLowerCase();
        if (lower.startsWith("we received your order")) {
            return MailKind.RECEIVED;
        }
        if (lower.endsWith("is confirmed")) {
            return MailKind.CONFIRMED;
        }
        if (lower.endsWith("was cancelled")) {
            return MailKind.CANCELLED;
        }
        return MailKind.OTHER;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
