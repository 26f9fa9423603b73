package com.javadoor.shop.messaging;

import com.javadoor.shop.events.ShopEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Which method handles which event type, for a listener that receives a whole poll of records at once
 * (see {@link EventInbox#handleEachOnce}). Events of a type without a handler are of no interest to
 * the service: they are skipped and not remembered as processed.
 */
public final class EventHandlers {

    private final Map<Class<?>, BiConsumer<ShopEvent, EventMetadata>> byType = new HashMap<>();

    private EventHandlers() {
    }

    public static EventHandlers create() {
        return new EventHandlers();
    }

    /** Handles events of exactly this type (event types are records, so there are no subtypes). */
    public <E extends ShopEvent> EventHandlers on(Class<E> type, BiConsumer<? super E, EventMetadata> handler) {
        byType.put(type, (event, metadata) -> handler.accept(type.cast(event), metadata));
        return this;
    }

    boolean handles(ShopEvent event) {
        return byType.containsKey(event.getClass());
    }

    void handle(ShopEvent event, EventMetadata metadata) {
        byType.get(event.getClass()).accept(event, metadata);
    }
}
