-- One row per e-mail sent to a customer about a state of their order.
CREATE TABLE notification (
    id        UUID                     PRIMARY KEY,
    order_id  UUID                     NOT NULL,
    about     VARCHAR(100)             NOT NULL,
    recipient VARCHAR(254)             NOT NULL,
    subject   VARCHAR(500)             NOT NULL,
    sent_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- One mail per order state. The processed-event record already drops a redelivered event; this
    -- also stops a second event about the same state that arrives under a new id.
    CONSTRAINT notification_once_per_order_state UNIQUE (order_id, about)
);

-- GET /api/notifications lists newest first.
CREATE INDEX notification_sent_at ON notification (sent_at DESC);
