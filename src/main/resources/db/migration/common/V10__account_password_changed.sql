-- When the password was last set by someone other than at creation: a desk session opened
-- before it ends (an administrator resets a password because it may be known to others).
ALTER TABLE account ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;
