package com.javadoor.shop.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the {@link SharedKafkaBroker}. Contexts that use it share the key
 * of Spring's context cache, so one broker and one context serve many test classes.
 */
public class SharedKafkaBrokerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sharedKafkaBroker",
                Map.of("spring.kafka.bootstrap-servers", SharedKafkaBroker.bootstrapServers())));
    }
}
