-- Whom an item is for: 'own' (its organisation alone), 'all' (with every organisation below
-- it) or the chosen organisations' ids separated by commas.
ALTER TABLE content_item ADD COLUMN audience TEXT DEFAULT 'own' NOT NULL;

-- The audience of each publication, decided once when the item went out: which
-- organisations' feeds, stations and subscribers it reached, whatever the hierarchy
-- became later.
CREATE TABLE publication_audience (
    item_id       VARCHAR(120) NOT NULL,
    organisation  VARCHAR(120) NOT NULL,
    PRIMARY KEY (item_id, organisation)
);
CREATE INDEX publication_audience_by_organisation ON publication_audience (organisation, item_id);

-- An item is in the feeds of every organisation of its audience, once in each.
ALTER TABLE feed_entry DROP CONSTRAINT feed_entry_item;
ALTER TABLE feed_entry ADD CONSTRAINT feed_entry_item_organisation UNIQUE (item_id, organisation);

-- A mailbox gets one bulletin of an item, however many organisations of its audience it
-- follows. Loa always names the mailbox; the column stays nullable only so that rows
-- written by hand (a repair, a test) need not.
ALTER TABLE bulletin_delivery ADD COLUMN email_key VARCHAR(254);
UPDATE bulletin_delivery SET email_key = (SELECT s.email_key FROM subscriber s WHERE s.id = bulletin_delivery.subscriber_id);
ALTER TABLE bulletin_delivery ADD CONSTRAINT bulletin_delivery_mailbox_once UNIQUE (item_id, email_key);
