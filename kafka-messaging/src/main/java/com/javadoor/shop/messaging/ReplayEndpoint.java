package com.javadoor.shop.messaging;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * {@code POST /actuator/replay/{topic}}: this service reads the topic again from its beginning, or, with
 * {@code /actuator/replay/{topic}/{time}}, from a time on. Its listeners on the topic stop, which takes their
 * consumers out of the group; the group's offsets on the topic are moved back; the listeners start
 * again. The broker moves offsets only of a group without members, so with several instances running
 * the answer is 409 and nothing changes: stop the others, or use {@code kafka-consumer-groups.sh}.
 *
 * <p>Replaying changes nothing in a service of this shop: every event it handled is in its inbox and
 * is skipped. That is the point of showing it; a new consumer that builds a view from the history is
 * where a replay does work.
 */
@WebEndpoint(id = "replay")
class ReplayEndpoint {

    static final int CONFLICT = 409;

    private final ConsumerGroups groups;
    private final KafkaListenerEndpointRegistry listeners;

    ReplayEndpoint(ConsumerGroups groups, KafkaListenerEndpointRegistry listeners) {
        this.groups = groups;
        this.listeners = listeners;
    }

    /** {@code POST /actuator/replay/{topic}}: everything the topic still keeps. */
    @WriteOperation
    public WebEndpointResponse<Object> replay(@Selector String topic) {
        return replay(topic, OffsetSpec.earliest(), "earliest");
    }

    /** {@code POST /actuator/replay/{topic}/2025-06-01T10:00:00Z}: the records written from then on. */
    @WriteOperation
    public WebEndpointResponse<Object> replayFrom(@Selector String topic, @Selector OffsetDateTime from) {
        return replay(topic, OffsetSpec.forTimestamp(from.toInstant().toEpochMilli()), from.toString());
    }

    private WebEndpointResponse<Object> replay(String topic, OffsetSpec to, String from) {
        List<MessageListenerContainer> readers = listeners.getListenerContainers().stream()
                .filter(container -> reads(container, topic)).toList();
        if (readers.isEmpty()) {
            return new WebEndpointResponse<>(Map.of("error", "No listener of this service reads " + topic),
                    WebEndpointResponse.STATUS_NOT_FOUND);
        }
        List<MessageListenerContainer> running = readers.stream().filter(MessageListenerContainer::isRunning)
                .toList();
        running.forEach(MessageListenerContainer::stop);
        try {
            Map<String, Map<Integer, Long>> offsets = new TreeMap<>();
            for (String group : readers.stream().map(MessageListenerContainer::getGroupId).distinct().toList()) {
                Map<Integer, Long> byPartition = new TreeMap<>();
                groups.rewind(group, topic, to).forEach((partition, offset) ->
                        byPartition.put(partition.partition(), offset));
                offsets.put(group, byPartition);
            }
            return new WebEndpointResponse<>(new Replay(topic, from, offsets));
        }
        catch (GroupNotEmptyException ex) {
            return new WebEndpointResponse<>(Map.of("error", ex.getMessage()), CONFLICT);
        }
        finally {
            running.forEach(MessageListenerContainer::start);
        }
    }

    private static boolean reads(MessageListenerContainer container, String topic) {
        String[] topics = container.getContainerProperties().getTopics();
        return topics != null && Arrays.asList(topics).contains(topic);
    }

    /** @param offsets by consumer group, the offset per partition its consumers start from again */
    record Replay(String topic, String from, Map<String, Map<Integer, Long>> offsets) {
    }
}
