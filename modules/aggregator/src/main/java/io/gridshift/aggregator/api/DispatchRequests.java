package io.gridshift.aggregator.api;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An operator's manual order, from the body of {@code POST /api/v1/dispatches} (already checked
 * against the OpenAPI schema) to a {@link DispatchOrder}, which checks the domain's rules (an
 * {@code end} after {@code start}, a window of at most 48 h, ...).
 */
final class DispatchRequests {
    /** Manual orders without an id get {@code op-} and twelve random hex digits. */
    static final String ID_PREFIX = "op-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private DispatchRequests() {}

    static DispatchOrder order(JsonObject body, Clock clock) {
        Instant now = clock.instant();
        String id = body.getString("id");
        Instant start =
                body.containsKey("start")
                        ? Requests.instant("start", body.getString("start"))
                        : now;
        Instant end = Requests.instant("end", body.getString("end"));
        return new DispatchOrder(
                DispatchId.of(id == null ? newId() : id),
                body.getInteger("revision", 1),
                null,
                SiteId.of(body.getString("site")),
                now,
                start,
                end,
                actions(body.getJsonArray("actions")));
    }

    private static List<DispatchAction> actions(JsonArray array) {
        List<DispatchAction> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            try {
                out.add(action(array.getJsonObject(i)));
            } catch (InvalidFieldException e) {
                throw e.under("actions[" + i + "]");
            }
        }
        return out;
    }

    private static DispatchAction action(JsonObject a) {
        String kind = a.getString("kind");
        return switch (DispatchAction.Kind.valueOf(kind)) {
            case REDUCE -> new DispatchAction.Reduce(a.getString("resource"), kw(a, "reductionKw"));
            case MIGRATE_OUT ->
                    new DispatchAction.MigrateOut(
                            a.getString("job"), SiteId.of(a.getString("toSite")), kw(a, "jobKw"));
            case MIGRATE_IN ->
                    new DispatchAction.MigrateIn(
                            a.getString("job"), SiteId.of(a.getString("fromSite")), kw(a, "jobKw"));
            case LIMIT_REBOUND -> limitRebound(a);
        };
    }

    private static DispatchAction limitRebound(JsonObject a) {
        JsonArray steps = a.getJsonArray("maxAddedKw");
        List<Double> kw = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            kw.add(((Number) steps.getValue(i)).doubleValue());
        }
        return new DispatchAction.LimitRebound(
                a.getString("resource"), Duration.ofSeconds(a.getLong("stepS")), kw);
    }

    private static double kw(JsonObject a, String field) {
        Number n = a.getNumber(field);
        if (n == null) {
            throw new InvalidFieldException(field, "required", null, "is required");
        }
        return n.doubleValue();
    }

    static String newId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return ID_PREFIX + HexFormat.of().formatHex(bytes);
    }
}
