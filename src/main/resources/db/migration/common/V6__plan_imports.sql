-- Plans read from uploaded documents, kept as drafts until an editor confirms them.
CREATE TABLE plan_import (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    file_name     VARCHAR(500)  NOT NULL,
    plan_id       VARCHAR(200)  NOT NULL,
    draft_yaml    TEXT          NOT NULL,
    report        TEXT          NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at  TIMESTAMP WITH TIME ZONE
);
