package com.javadoor.shop.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedUuidTests {

    @Test
    void isAVersion7IdWithTheCurrentTimeInItsFirst48Bits() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedUuid.next();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void anIdMadeInALaterMillisecondSortsAfter() {
        UUID earlier = TimeOrderedUuid.next();
        for (int i = 0; i < 5; i++) {
            UUID later;
            do {
                later = TimeOrderedUuid.next();
            }
            while (millis(later) == millis(earlier));
            // As a database compares them: the first 64 bits as an unsigned number, whatever the random bits.
            assertThat(Long.compareUnsigned(earlier.getMostSignificantBits(), later.getMostSignificantBits()))
                    .isNegative();
            earlier = later;
        }
    }

    @Test
    void idsMadeInTheSameMillisecondDifferInTheirRandomBits() {
        HashSet<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedUuid.next());
        }
        assertThat(ids).hasSize(10_000);
    }

    private static long millis(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }
}
