package com.javadoor.shop.messaging;

import java.util.Map;
import java.util.function.Predicate;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/consumerlag}: the lag of the consumer groups of the cluster, asked from the broker
 * on each request; {@code /actuator/consumerlag/{group}} for one group, 404 when there is no such group.
 */
@Endpoint(id = "consumerlag")
class ConsumerLagEndpoint {

    private final ConsumerGroups groups;
    private final Predicate<String> selected;

    ConsumerLagEndpoint(ConsumerGroups groups, Predicate<String> selected) {
        this.groups = groups;
        this.selected = selected;
    }

    @ReadOperation
    public ConsumerLagReport lag() {
        return new ConsumerLagReport(groups.lag(selected));
    }

    @ReadOperation
    public ConsumerGroupLag lagOf(@Selector String group) {
        return groups.lag(group::equals).get(group);
    }

    record ConsumerLagReport(Map<String, ConsumerGroupLag> groups) {
    }
}
