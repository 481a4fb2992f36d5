-- Who an organisation's mail comes from: its own From (display name and address) and
-- Reply-To, set at the desk or over the API. An organisation without a row sends as the
-- configured sender, under its own name.
CREATE TABLE email_identity (
    organisation  VARCHAR(120) NOT NULL PRIMARY KEY,
    from_address  VARCHAR(400) NOT NULL,
    reply_to      VARCHAR(400),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
