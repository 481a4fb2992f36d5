-- Where an account's roles are held: an organisation, whose descendants they reach too.
-- NULL is the whole installation (every account before organisations had accounts).
ALTER TABLE account ADD COLUMN organisation VARCHAR(120);

-- API tokens issued at the desk, each for one organisation (NULL: the whole
-- installation). Only a SHA-256 hash of the secret is kept; the secret is shown once.
CREATE TABLE api_token (
    id            VARCHAR(40)  NOT NULL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    organisation  VARCHAR(120),
    secret_hash   VARCHAR(64)  NOT NULL UNIQUE,
    created_by    VARCHAR(60)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE
);

-- The organisation a plan draft will belong to, so only its people review and confirm it.
ALTER TABLE plan_import ADD COLUMN organisation VARCHAR(120);
