CREATE TABLE orders (
    id                  UUID                     PRIMARY KEY,
    customer_id         VARCHAR(64)              NOT NULL,
    customer_email      VARCHAR(254)             NOT NULL,
    currency            VARCHAR(3)                NOT NULL,
    total               NUMERIC(19, 2)           NOT NULL,
    status              VARCHAR(16)              NOT NULL,
    payment             VARCHAR(16)              NOT NULL,
    inventory           VARCHAR(16)              NOT NULL,
    cancellation_reason VARCHAR(500),
    placed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT                   NOT NULL
);

-- GET /api/orders lists newest first.
CREATE INDEX orders_placed_at ON orders (placed_at DESC);

CREATE TABLE order_line (
    order_id   UUID           NOT NULL REFERENCES orders (id),
    position   INT            NOT NULL,
    product_id VARCHAR(64)    NOT NULL,
    quantity   INT            NOT NULL,
    unit_price NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (order_id, position)
);

-- What moved the order, in the order it happened.
CREATE TABLE order_history (
    order_id    UUID                     NOT NULL REFERENCES orders (id),
    position    INT                      NOT NULL,
    event_type  VARCHAR(100)             NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    detail      VARCHAR(500),
    PRIMARY KEY (order_id, position)
);
