package com.javadoor.shop.insightsservice.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The events of one order. Kafka orders them only within a partition: the order's events on one topic
 * (one key, so one partition) keep the order they were written in, but nothing orders {@code orders}
 * against {@code payments}. So each topic's sequence is kept as read, and the sequences are merged by
 * event time without ever reordering one of them.
 */
final class OrderTimeline {

    private final Map<String, List<HistoryEntry>> byTopic = new LinkedHashMap<>();
    private final Set<UUID> ids = new HashSet<>();

    /** An event already seen (a producer's retry, same id) is not added again: replay is idempotent. */
    void add(HistoryEntry entry) {
        if (ids.add(entry.id())) {
            byTopic.computeIfAbsent(entry.topic(), topic -> new ArrayList<>()).add(entry);
        }
    }

    List<HistoryEntry> entries() {
        List<Deque<HistoryEntry>> sequences = byTopic.values().stream()
                .map(entries -> (Deque<HistoryEntry>) new ArrayDeque<>(entries))
                .toList();
        List<HistoryEntry> merged = new ArrayList<>();
        Comparator<Deque<HistoryEntry>> byNextTime = Comparator.comparing(sequence -> sequence.peekFirst().time());
        while (merged.size() < ids.size()) {
            sequences.stream().filter(sequence -> !sequence.isEmpty()).min(byNextTime)
                    .ifPresent(earliest -> merged.add(earliest.pollFirst()));
        }
        return merged;
    }
}
