package com.javadoor.shop.systemtests.reliability;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one line each fault-injection test prints when it passed, with a fixed prefix, so the figures of
 * a run can be read from its log: {@code grep RELIABILITY:}.
 */
final class Summary {

    private static final Logger log = LoggerFactory.getLogger("RELIABILITY");

    private Summary() {
    }

    static void print(String scenario, ShopAudit.Tally tally, String faults, long startedNanos) {
        log.info("RELIABILITY: {} | orders placed={} confirmed={} cancelled={} | {} | lost={} doubled={} | "
                + "orders in shop={} mails={} | {} s", scenario, tally.placed(), tally.confirmed(), tally.cancelled(),
                faults, tally.lost(), tally.doubled(), tally.ordersInShop(), tally.mails(),
                Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds());
    }
}
