package com.javadoor.shop.insightsservice.activity;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaAdmin;

/** Puts the {@link FailingOnceActivityFeed} in place of the feed; inert until a test arms it. */
@TestConfiguration(proxyBeanMethods = false)
public class ActivityFaultInjection {

    @Bean
    @Primary
    FailingOnceActivityFeed failingOnceActivityFeed(KafkaAdmin admin) {
        return new FailingOnceActivityFeed(admin.getConfigurationProperties());
    }
}
