-- Whether an event's settlement was reported to the VTN, per event and modification: a settlement
-- (automatic or through the REST API) adds or re-opens its row, and the VEN's node marks it reported
-- once the VTN accepted the report. A row without reported_at is owed: it is sent again once the
-- clock reaches next_attempt_at, the wait growing after each failure. Only a row for the event's
-- latest modification is sent; an older one was superseded by the modification that followed it.
-- settled_at: when the settlement that opened the row was computed.
-- attempts: failed sends since the row was (re)opened; last_error: the last one's cause.
CREATE TABLE settlement_reports (
    event_id            VARCHAR(128) NOT NULL REFERENCES events (event_id),
    modification_number BIGINT       NOT NULL,
    settled_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts            INT          NOT NULL,
    next_attempt_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error          VARCHAR(512),
    reported_at         TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (event_id, modification_number)
);
CREATE INDEX settlement_reports_owed ON settlement_reports (next_attempt_at);
