-- Radio stations live in the database, each belonging to an organisation, and are changed
-- at the desk or over the API without a restart; loa.radio.stations only seeds the ones
-- missing. Slots are written "06:00/30,17:00/30" (start and minutes).
CREATE TABLE radio_station (
    id                    VARCHAR(120) NOT NULL PRIMARY KEY,
    organisation          VARCHAR(120) NOT NULL,
    name                  VARCHAR(200) NOT NULL,
    slots                 VARCHAR(1000) NOT NULL,
    syllables_per_minute  INTEGER      NOT NULL,
    enabled               BOOLEAN      NOT NULL,
    version               BIGINT       NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX radio_station_by_organisation ON radio_station (organisation);

-- Why an entry was skipped: a commune declining a province's item on its own station says so.
ALTER TABLE radio_entry ADD COLUMN reason VARCHAR(500);
