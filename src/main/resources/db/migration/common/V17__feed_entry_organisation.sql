-- Each organisation has its own feeds: a feed entry names the organisation whose feeds carry
-- it. Entries recorded before were all in the one feed of their item's organisation.
ALTER TABLE feed_entry ADD COLUMN organisation VARCHAR(120);

UPDATE feed_entry SET organisation = COALESCE(
    (SELECT c.organisation FROM content_item c WHERE c.id = feed_entry.item_id), 'default');

ALTER TABLE feed_entry ALTER COLUMN organisation SET NOT NULL;

CREATE INDEX feed_entry_by_organisation ON feed_entry (organisation, published_at);
