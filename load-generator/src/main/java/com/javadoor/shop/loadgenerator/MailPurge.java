package com.javadoor.shop.loadgenerator;

import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Empties the demo mail server before a round and every few seconds during it. GreenMail keeps every
 * mail in its heap: a long warm-up at several hundred orders a second (two mails each) filled it within
 * minutes, and a mail server busy collecting garbage slowed email-service down behind it.
 */
final class MailPurge {

    private static final long EVERY_SECONDS = 5;

    private final ScheduledExecutorService timer;

    private MailPurge(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Purges now and then periodically; does nothing without a mail server ({@code --mail-api=none}). */
    static MailPurge start(OrderPlacer placer, URI mailServer) {
        if (mailServer == null) {
            return new MailPurge(null);
        }
        placer.purgeMails(mailServer);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mail-purge");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> placer.purgeMails(mailServer), EVERY_SECONDS, EVERY_SECONDS,
                TimeUnit.SECONDS);
        return new MailPurge(timer);
    }

    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
