-- The id of the order's OrderPlaced event: the correlation id of its whole chain, and the cause of a
-- cancellation the order service decides on its own (the deadline).
ALTER TABLE orders ADD COLUMN placed_event_id UUID;

-- The saga deadline looks for pending orders by age.
CREATE INDEX orders_status_placed_at ON orders (status, placed_at);

-- A client retrying POST /api/orders with the same Idempotency-Key gets the order of its first try.
CREATE TABLE idempotency_key (
    idempotency_key VARCHAR(255)             PRIMARY KEY,
    request_hash    VARCHAR(64)              NOT NULL,
    order_id        UUID                     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
