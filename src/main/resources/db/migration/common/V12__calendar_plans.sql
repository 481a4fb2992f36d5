-- Plans confirmed at run time (imported plan documents). Every node reads them with the
-- calendar/ files, a stored plan taking the place of a file plan with the same id. A node
-- notices another node's change by comparing (plan_id, version) with what it loaded.
CREATE TABLE calendar_plan (
    plan_id    VARCHAR(200)  NOT NULL PRIMARY KEY,
    file_name  VARCHAR(250)  NOT NULL,
    yaml       TEXT          NOT NULL,
    stored_by  VARCHAR(200)  NOT NULL,
    stored_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT        NOT NULL
);
