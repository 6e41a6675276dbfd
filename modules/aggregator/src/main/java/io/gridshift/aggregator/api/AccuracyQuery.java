package io.gridshift.aggregator.api;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The query of {@code GET /api/v1/baselines/accuracy}, already validated by the OpenAPI router
 * (types, patterns, enums); parsed here into dates and times, with the error naming the parameter
 * where a value passes the pattern but is no date (2026-02-30).
 *
 * @param program the program (market context) whose event days are left out
 * @param from the first local day tested
 * @param to the last local day tested
 * @param windowStart the pretend event's local start (default 14:00)
 * @param windowEnd its local end (default 18:00)
 * @param methods the baselines replayed; empty: all
 * @param site one site; null: all
 */
record AccuracyQuery(
        String program,
        LocalDate from,
        LocalDate to,
        LocalTime windowStart,
        LocalTime windowEnd,
        List<String> methods,
        SiteId site) {
    static final LocalTime DEFAULT_START = LocalTime.of(14, 0);
    static final LocalTime DEFAULT_END = LocalTime.of(18, 0);

    static AccuracyQuery of(RoutingContext ctx) {
        String method = Requests.query(ctx, "method");
        String site = Requests.query(ctx, "site");
        return new AccuracyQuery(
                Requests.query(ctx, "program"),
                date("from", Requests.query(ctx, "from")),
                date("to", Requests.query(ctx, "to")),
                time("windowStart", Requests.query(ctx, "windowStart"), DEFAULT_START),
                time("windowEnd", Requests.query(ctx, "windowEnd"), DEFAULT_END),
                method == null ? List.of() : List.of(method),
                site == null ? null : SiteId.of(site));
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    field, "format", text, "must be a date (YYYY-MM-DD)", e);
        }
    }

    private static LocalTime time(String field, String text, LocalTime fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "format", text, "must be a time (HH:MM)", e);
        }
    }
}
