package com.javadoor.shop.events;

import java.util.UUID;

/**
 * New ids for orders and events: UUID version 7 (RFC 9562), the time in milliseconds in the first 48 bits
 * and random bits after it. Ids made one after the other sort one after the other, so every index they
 * are written to (the processed-event record, the outbox, the orders) grows at its end instead of at
 * random places. On the services' embedded database that made a commit of twenty inserts three to four
 * times cheaper, and the file four times smaller, than random (version 4) ids did (docs/BENCHMARKS.md).
 */
public final class TimeOrderedUuid {

    private TimeOrderedUuid() {
    }

    public static UUID next() {
        // The random bits, and the variant, of a version 4 id; the time and the version replace its first 52 bits.
        UUID random = UUID.randomUUID();
        long mostSignificant = (System.currentTimeMillis() << 16) | 0x7000L
                | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(mostSignificant, random.getLeastSignificantBits());
    }
}
