-- The quarter-hour rollup is no longer kept row by row in the ingest transaction (V2 did: an upsert
-- per stored minute, which halved the meter ingest rate). Instead the MeterRepository marks each
-- quarter hour it writes minutes into, in the same transaction as the minutes, and rolls a marked
-- quarter up from its minute rows once: when the MeterWriter has closed the quarter, or when
-- settlement or the accuracy report reads it. So meter_quarter_hours equals the minute rows for every
-- quarter without a row here; a marked quarter is recomputed before it is read.
-- writes: how many transactions marked it since it was last rolled up. Writers update the row, so
-- that they hold its lock until they commit, and a roll-up (which deletes the row first) waits for
-- them and then sees their minutes.
CREATE TABLE meter_dirty_quarters (
    quarter_utc BIGINT NOT NULL,
    writes      BIGINT NOT NULL,
    PRIMARY KEY (quarter_utc)
);
