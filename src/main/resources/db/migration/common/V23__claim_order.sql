-- A sender claims the due rows of one status earliest first, ties by id. With the id in the
-- index, and the query ordered as the index is, the database walks it and stops after a
-- batch; (status, next_attempt_at) alone made H2 read and sort every row due at the same
-- instant (a bulletin's 20,000 rows) for each batch of 100.
CREATE INDEX bulletin_delivery_claim ON bulletin_delivery (status, next_attempt_at, id);
DROP INDEX bulletin_delivery_due;
CREATE INDEX confirmation_mail_claim ON confirmation_mail (status, next_attempt_at, id);
DROP INDEX confirmation_mail_due;
