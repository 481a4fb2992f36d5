-- The language a person chose at the desk (vi or en), remembered with their account so that
-- it follows them to another browser; NULL until they choose one (Vietnamese).
ALTER TABLE account ADD COLUMN language VARCHAR(5);
