package com.javadoor.shop.events;

/**
 * Kafka header names of the event metadata, after the CloudEvents Kafka protocol binding in binary
 * content mode: the record value is the event itself, and the attributes ride in {@code ce_} headers.
 * Consumers route on the type without parsing the body, and any CloudEvents-aware tool reads them.
 */
public final class EventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    /** Extension attribute: the version of the type's schema, incremented on incompatible changes. */
    public static final String SCHEMA_VERSION = "ce_schemaversion";
    /** Extension attribute: the id shared by every event of one order's chain. */
    public static final String CORRELATION_ID = "ce_correlationid";
    /** Extension attribute: the id of the event that caused this one. */
    public static final String CAUSATION_ID = "ce_causationid";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private EventHeaders() {
    }
}
