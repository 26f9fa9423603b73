package com.javadoor.shop.insightsservice.activity;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The newest entries, in memory only: a restart starts an empty feed, which fills from where the
 * consumer group left off. An event a producer sent twice (same id) shows once while it is in the feed.
 */
@Component
class ActivityFeed {

    static final int CAPACITY = 100;

    private final Deque<ActivityEntry> newestFirst = new ArrayDeque<>();
    private final Set<UUID> ids = new HashSet<>();

    synchronized void add(ActivityEntry entry) {
        if (!ids.add(entry.id())) {
            return;
        }
        newestFirst.addFirst(entry);
        if (newestFirst.size() > CAPACITY) {
            ids.remove(newestFirst.removeLast().id());
        }
    }

    synchronized List<ActivityEntry> newestFirst() {
        return List.copyOf(newestFirst);
    }
}
