-- The organisations Loa serves and their hierarchy. Seeded from calendar/organisations.yaml
-- (and the provinces it names from the shipped list of administrative units), imported
-- from that list's CSV, changed at the desk and over the API. A node notices another
-- node's change by comparing the row count and the sum of the versions with what it read.
CREATE TABLE organisation (
    id          VARCHAR(120)  NOT NULL PRIMARY KEY,
    name        VARCHAR(300)  NOT NULL,
    kind        VARCHAR(40)   NOT NULL,
    parent_id   VARCHAR(120)  REFERENCES organisation (id),
    code        VARCHAR(40)   UNIQUE,
    enabled     BOOLEAN       NOT NULL,
    source      VARCHAR(20)   NOT NULL,
    version     BIGINT        NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX organisation_parent ON organisation (parent_id);
