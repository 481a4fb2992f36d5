-- H2 hands out identity values from a cache and writes the new high-water mark to the file
-- (a commit of its own, under a database-wide lock) each time the cache runs out: 32
-- values by default, so queueing a national item's thousands of feed entries, radio
-- entries and bulletins stopped every 32 rows, and every other transaction waited. A
-- larger cache keeps the values in order across sessions; after a crash the ids skip
-- what was cached, which nothing here minds (ids are never shown as counts).
ALTER TABLE feed_entry ALTER COLUMN id SET CACHE 1000;
ALTER TABLE radio_entry ALTER COLUMN id SET CACHE 1000;
ALTER TABLE bulletin_delivery ALTER COLUMN id SET CACHE 1000;
