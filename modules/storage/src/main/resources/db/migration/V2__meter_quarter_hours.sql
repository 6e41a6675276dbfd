-- Quarter-hour rollup of meter_intervals, so that settlement reads one row per site and 15 minutes
-- instead of fifteen: the sum of the minutes' mean facility kW and how many minutes there were.
-- The MeterRepository keeps it in the same transaction as the minute rows it adds (a minute that
-- was already stored adds nothing), so sum / minutes is always the mean of the stored minutes.
-- quarter_utc = minute_utc / 15 (minutes since the epoch are positive, so / is floor division).
CREATE TABLE meter_quarter_hours (
    quarter_utc     BIGINT           NOT NULL,
    site_id         VARCHAR(64)      NOT NULL,
    facility_kw_sum DOUBLE PRECISION NOT NULL,
    minutes         INT              NOT NULL,
    PRIMARY KEY (quarter_utc, site_id)
);

INSERT INTO meter_quarter_hours (quarter_utc, site_id, facility_kw_sum, minutes)
SELECT minute_utc / 15, site_id, SUM(facility_kw), COUNT(*)
FROM meter_intervals
GROUP BY minute_utc / 15, site_id;
