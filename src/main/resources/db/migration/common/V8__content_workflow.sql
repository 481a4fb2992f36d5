-- Who wrote, submitted and approved an item: an approver may not approve their own work.
-- Items from content/ files and the API leave them empty (files and the API are trusted).
ALTER TABLE content_item ADD COLUMN created_by VARCHAR(120);
ALTER TABLE content_item ADD COLUMN submitted_by VARCHAR(120);
ALTER TABLE content_item ADD COLUMN approved_by VARCHAR(120);
