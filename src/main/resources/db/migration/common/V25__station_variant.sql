-- The regional variant a station's scripts are said and voiced in (NORTH, CENTRAL, SOUTH);
-- NULL follows the installation's loa.radio.speech.variant.
ALTER TABLE radio_station ADD COLUMN variant VARCHAR(16);
