-- One payment per order: a cache of 1000 ids spares H2 a commit of its own every 32 payments to store
-- the sequence (see kafka-messaging's R__outbox_sequence_cache.sql).
ALTER TABLE payment ALTER COLUMN id SET CACHE 1000;
