-- Corrections (đính chính) of items that went out. Each is numbered within its item from 1,
-- proposed with its new text and a note saying what changed, then applied (at once when it
-- comes from the API, after an approver's review when it comes from the desk) or refused.
-- The text before is kept, so the item's page can show its history.
CREATE TABLE content_correction (
    item_id            VARCHAR(120) NOT NULL,
    seq                INTEGER      NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    note               TEXT         NOT NULL,
    title              TEXT         NOT NULL,
    summary            TEXT         NOT NULL,
    body               TEXT         NOT NULL,
    radio_script       TEXT,
    before_title       TEXT         NOT NULL,
    before_summary     TEXT         NOT NULL,
    before_body        TEXT         NOT NULL,
    before_radio_script TEXT,
    notify_email       BOOLEAN      NOT NULL,
    email_item_id      VARCHAR(120),
    proposed_by        VARCHAR(100) NOT NULL,
    proposed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by         VARCHAR(100),
    decided_at         TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (item_id, seq)
);

-- A station that already read an item reads its correction as an entry of its own: an
-- entry is for one item and one correction of it (0 for the item itself).
ALTER TABLE radio_entry ADD COLUMN correction INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE radio_entry DROP CONSTRAINT radio_entry_station_item;
ALTER TABLE radio_entry ADD CONSTRAINT radio_entry_station_item UNIQUE (station_id, item_id, correction);

-- When a feed entry's item was last corrected: the feeds give it as the entry's update.
ALTER TABLE feed_entry ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
