-- H2 stores a sequence's next value with a commit of its own whenever its cache of values runs out (32
-- by default); with one insert per event, that was a commit for every 32 events next to the poll's own.
-- A crash skips the cached values it did not use: seq only orders the events, gaps do no harm.
-- Repeatable (R__), so databases created before this setting get it too.
ALTER TABLE outbox_event ALTER COLUMN seq SET CACHE 1000;
