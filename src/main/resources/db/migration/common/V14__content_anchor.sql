-- What an item's schedule is written against, so the desk can list a plan's items in SQL:
-- 'plan' (a phase of the plan named in anchor_ref, lower-cased as written), 'anniversary' or
-- 'event' (their id), or 'none' (an absolute time). Rows stored before this column are
-- filled in at start-up (ContentAnchors).
ALTER TABLE content_item ADD COLUMN anchor_kind VARCHAR(16);
ALTER TABLE content_item ADD COLUMN anchor_ref VARCHAR(200);
CREATE INDEX content_item_anchor ON content_item (anchor_kind, anchor_ref);
