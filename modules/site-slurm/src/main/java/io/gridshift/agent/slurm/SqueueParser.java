package io.gridshift.agent.slurm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code squeue --json}. Slurm 22.05 (OpenAPI v0.0.38) writes plain numbers and a state
 * string; 23.02 and later write numbers as {@code {"set":..,"infinite":..,"number":..}} and states
 * as lists; both are read. Anything else (not JSON, no job list, a job without an id or a state,
 * errors reported by Slurm) is refused with a {@link GridshiftException} saying what was wrong, so
 * that no decision is ever taken on a half-read queue.
 */
final class SqueueParser {
    static final String REASON = "slurm_garbage";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SqueueParser() {}

    static List<SlurmJob> parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw garbage("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw garbage("not a JSON object");
        }
        JsonNode errors = root.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw garbage("Slurm reported errors: " + errors);
        }
        JsonNode jobs = root.get("jobs");
        if (jobs == null || !jobs.isArray()) {
            throw garbage("no \"jobs\" list");
        }
        List<SlurmJob> out = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            out.add(job(jobs.get(i), "jobs[" + i + "]"));
        }
        return out;
    }

    private static SlurmJob job(JsonNode j, String where) {
        if (!j.isObject()) {
            throw garbage(where + " is not an object");
        }
        Long id = number(j.get("job_id"));
        if (id == null || id <= 0) {
            throw garbage(where + ".job_id must be a positive number, got " + j.get("job_id"));
        }
        String state = state(j.get("job_state"));
        if (state == null) {
            throw garbage(where + ".job_state must be a state name, got " + j.get("job_state"));
        }
        Long priority = number(j.get("priority"));
        Long cpus = number(j.get("cpus"));
        Long deadline = number(j.get("deadline"));
        return new SlurmJob(
                Long.toString(id),
                text(j.get("partition")),
                state,
                text(j.get("state_reason")),
                priority == null ? 1 : priority,
                cpus == null ? 1 : (int) Math.max(1, Math.min(cpus, Integer.MAX_VALUE)),
                text(j.get("nodes")),
                j.path("requeue").asBoolean(false),
                text(j.get("comment")),
                text(j.get("admin_comment")),
                deadline == null || deadline <= 0 ? null : Instant.ofEpochSecond(deadline),
                number(j.get("time_limit")));
    }

    /** A number, plain or as {@code {"set":true,"infinite":false,"number":n}}; else null. */
    private static Long number(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isObject()) {
            if (!n.path("set").asBoolean(true) || n.path("infinite").asBoolean(false)) {
                return null;
            }
            JsonNode v = n.get("number");
            return v != null && v.isIntegralNumber() ? v.asLong() : null;
        }
        return null;
    }

    /** A state, as a string or the first of a list; null when neither. */
    private static String state(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isTextual() && !n.asText().isBlank()) {
            return n.asText();
        }
        if (n.isArray() && !n.isEmpty() && n.get(0).isTextual()) {
            return n.get(0).asText();
        }
        return null;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asText("");
    }

    private static GridshiftException garbage(String what) {
        return new GridshiftException(
                ErrorKind.UNAVAILABLE, REASON, "cannot read squeue --json: " + what);
    }
}
