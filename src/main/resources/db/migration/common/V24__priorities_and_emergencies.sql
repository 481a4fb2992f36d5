-- Circular 39/2020/TT-BTTTT's three levels: NORMAL (thông thường), PRIORITY (ưu tiên),
-- EMERGENCY (khẩn cấp). An item's priority is copied to its radio entries.
ALTER TABLE content_item ADD COLUMN priority VARCHAR(16) DEFAULT 'NORMAL' NOT NULL;

-- A radio entry's priority orders it within its slot; an ordinary entry that did not fit
-- the slot it was due in keeps that slot's day and time in moved_from. An emergency entry
-- is outside the daily slots: it is read at once and again every repeat_minutes until
-- valid_until; airings and last_aired_at count the readings.
ALTER TABLE radio_entry ADD COLUMN priority VARCHAR(16) DEFAULT 'NORMAL' NOT NULL;
ALTER TABLE radio_entry ADD COLUMN moved_from TIMESTAMP;
ALTER TABLE radio_entry ADD COLUMN repeat_minutes INTEGER;
ALTER TABLE radio_entry ADD COLUMN valid_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE radio_entry ADD COLUMN airings INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE radio_entry ADD COLUMN last_aired_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX radio_entry_valid ON radio_entry (station_id, valid_until);

-- Emergency bulletins as issued at the desk: AWAITING a second person's approval (where
-- configured), ISSUED (its content item went out), REFUSED, or WITHDRAWN.
CREATE TABLE emergency_bulletin (
    id              VARCHAR(120)  NOT NULL PRIMARY KEY,
    organisation    VARCHAR(120)  NOT NULL,
    audience        VARCHAR(4000) NOT NULL,
    title           VARCHAR(500)  NOT NULL,
    body            TEXT          NOT NULL,
    outlets         VARCHAR(60)   NOT NULL,
    repeat_minutes  INTEGER,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    requested_by    VARCHAR(120)  NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by      VARCHAR(120),
    decided_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX emergency_bulletin_status ON emergency_bulletin (status, requested_at);
