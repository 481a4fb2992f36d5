-- What the desk's review page shows of a draft in the reader's language: each value read
-- and each warning, with its line, as a message code and its arguments (each followed by
-- a line feed), with the English text of a warning for when a language lacks the code.
CREATE TABLE plan_import_note (
    import_id    VARCHAR(36)   NOT NULL REFERENCES plan_import (id),
    kind         VARCHAR(10)   NOT NULL,
    seq          INTEGER       NOT NULL,
    line_number  INTEGER       NOT NULL,
    code         VARCHAR(100)  NOT NULL,
    arguments    TEXT          NOT NULL,
    message      TEXT          NOT NULL,
    PRIMARY KEY (import_id, kind, seq)
);
