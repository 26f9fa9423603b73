package com.javadoor.shop.events;

/**
 * One topic per producing service: a consumer subscribes to the services it cares about, and each
 * topic has one writer that owns its schema. The owning service declares the topic's partitions and
 * retention in its own configuration.
 */
public final class Topics {

    public static final String ORDERS = "orders";
    public static final String PAYMENTS = "payments";
    public static final String INVENTORY = "inventory";
    public static final String NOTIFICATIONS = "notifications";

    /** Records that could not be read or handled go to {@code <topic>.DLT}, spring-kafka's default. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }
}
