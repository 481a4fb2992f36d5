-- Which version of an item's text this is: raised by every change to what the item says
-- (files, the API, the desk), not by status changes. The desk's forms carry it, so an
-- approval or an edit lands only on the version the person read.
ALTER TABLE content_item ADD COLUMN revision INTEGER DEFAULT 1 NOT NULL;
