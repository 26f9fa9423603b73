package com.javadoor.shop.insightsservice;

import com.javadoor.shop.insightsservice.activity.ActivityFaultInjection;
import com.javadoor.shop.testsupport.WithSharedKafkaBroker;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one application context of the broker-backed tests, shared through Spring's context cache: a
 * second context would join the same consumer group and Streams application and take partitions away.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@WithSharedKafkaBroker
@Import({ UpstreamTopics.class, ActivityFaultInjection.class })
public @interface InsightsIntegrationTest {
}
