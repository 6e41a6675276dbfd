package io.gridshift.vtn.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What VENs told the VTN about their reports: the reports they offer, the requests the VTN made,
 * and the data they sent (the latest {@link #MAX_POINTS_PER_VEN} points per VEN). In memory;
 * thread-safe (one lock: each call is a few map operations).
 */
public final class ReportStore {
    public static final int MAX_POINTS_PER_VEN = 10_000;

    private final Map<String, List<RegisteredReport>> registered = new LinkedHashMap<>();
    private final Map<String, ReportRequest> requests = new LinkedHashMap<>();
    private final Map<String, Deque<ReportPoint>> points = new LinkedHashMap<>();

    /** Replaces what the VEN offers (a new oadrRegisterReport replaces the last one). */
    public synchronized void register(String venId, List<RegisteredReport> reports) {
        registered.put(key(venId), List.copyOf(reports));
    }

    public synchronized List<RegisteredReport> registered(String venId) {
        return registered.getOrDefault(key(venId), List.of());
    }

    public synchronized void request(ReportRequest request) {
        requests.put(request.reportRequestId(), request);
    }

    public synchronized Optional<ReportRequest> findRequest(String reportRequestId) {
        return Optional.ofNullable(requests.get(reportRequestId));
    }

    /** Marks the VEN's requests with these ids (the others are left alone); how many it marked. */
    public synchronized int mark(
            String venId, Collection<String> reportRequestIds, ReportRequest.Status status) {
        int n = 0;
        for (String id : reportRequestIds) {
            ReportRequest r = requests.get(id);
            if (r != null && r.venId().equalsIgnoreCase(venId)) {
                requests.put(id, r.with(status));
                n++;
            }
        }
        return n;
    }

    /** The VEN's requests, oldest first; every VEN's if {@code venId} is null. */
    public synchronized List<ReportRequest> requests(String venId) {
        return requests.values().stream()
                .filter(r -> venId == null || r.venId().equalsIgnoreCase(venId))
                .toList();
    }

    public synchronized void add(String venId, List<ReportPoint> received) {
        Deque<ReportPoint> q = points.computeIfAbsent(key(venId), k -> new ArrayDeque<>());
        for (ReportPoint p : received) {
            q.addLast(p);
            if (q.size() > MAX_POINTS_PER_VEN) {
                q.removeFirst();
            }
        }
    }

    /** The VEN's data, oldest first. */
    public synchronized List<ReportPoint> points(String venId) {
        Deque<ReportPoint> q = points.get(key(venId));
        return q == null ? List.of() : new ArrayList<>(q);
    }

    private static String key(String venId) {
        return venId.toLowerCase(Locale.ROOT);
    }
}
