-- Prepared content: loaded from content/ files (upserted by id) or created through the API.
CREATE TABLE content_item (
    id              VARCHAR(120)  NOT NULL PRIMARY KEY,
    organisation    VARCHAR(120)  NOT NULL,
    title           VARCHAR(500)  NOT NULL,
    summary         VARCHAR(4000) NOT NULL,
    body            TEXT          NOT NULL,
    radio_script    TEXT,
    outlets         VARCHAR(60)   NOT NULL,
    when_spec       VARCHAR(500)  NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE,
    stale_after     VARCHAR(200)  NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    source          VARCHAR(500)  NOT NULL,
    checksum        VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX content_item_due ON content_item (status, due_at);

-- One row per item and outlet once its time has come: the guard against publishing twice.
CREATE TABLE publication (
    item_id       VARCHAR(120) NOT NULL,
    outlet        VARCHAR(10)  NOT NULL,
    due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome       VARCHAR(10)  NOT NULL,
    PRIMARY KEY (item_id, outlet)
);
CREATE INDEX publication_outcome ON publication (outcome, decided_at);
