package com.javadoor.shop.insightsservice.activity;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/activity")
class ActivityController {

    private final ActivityFeed feed;

    ActivityController(ActivityFeed feed) {
        this.feed = feed;
    }

    /** The last {@value ActivityFeed#CAPACITY} events, newest first. */
    @GetMapping
    List<ActivityEntry> newestFirst() {
        return feed.newestFirst();
    }
}
