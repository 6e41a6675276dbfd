package io.gridshift.aggregator.ven.report;

import io.gridshift.openadr.message.OadrResponseCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openadr.oadr20b.OadrReportRequestType;
import org.openadr.oadr20b.OadrReportType;

/**
 * The report requests the VEN is carrying out, and the fleet samples each collects until it is due.
 * A periodic request sends, every back duration from its start, the intervals (of its granularity,
 * aligned on its start) that have ended since its last report, each with the mean of the samples
 * taken in it; intervals without a sample are left out. A one-shot request (zero back duration)
 * sends the latest sample once. A request with a report interval stops at its end.
 *
 * <p>Driven by the VEN's clock: {@link #record} a sample, then ask what is {@link #due}.
 */
public final class ReportSchedule {

    /**
     * What an {@code oadrCreateReport} (or the requests in an {@code oadrRegisteredReport}) came
     * to.
     *
     * @param code OK, or the first refusal's code
     * @param description what was refused and why (null when all were accepted)
     * @param accepted the requests now carried out
     * @param metadataRequested whether the VTN asked for the METADATA reports again
     */
    public record Accepted(
            OadrResponseCode code,
            String description,
            List<String> accepted,
            boolean metadataRequested) {}

    private static final class Running {
        final ReportRequest request;
        final List<FleetSample> samples = new ArrayList<>();
        Instant windowStart;
        Instant nextSend;

        Running(ReportRequest request) {
            this.request = request;
            this.windowStart = request.start();
            this.nextSend =
                    request.oneShot()
                            ? request.start()
                            : request.start().plus(request.backDuration());
        }
    }

    private final Map<String, Running> running = new LinkedHashMap<>();

    /**
     * Standing requests for event settlements ({@link SettlementReport}): answered once per settled
     * event, not from fleet samples, so kept apart from {@link #running}.
     */
    private final Map<String, ReportRequest> settlements = new LinkedHashMap<>();

    /** Takes the requests; a request with the id of a running one replaces it. */
    public synchronized Accepted accept(List<OadrReportRequestType> requests, Instant now) {
        OadrResponseCode code = OadrResponseCode.OK;
        List<String> refusals = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        boolean metadata = false;
        for (OadrReportRequestType r : requests) {
            if (r.getReportSpecifier() != null
                    && FleetReportCatalog.METADATA.equals(
                            r.getReportSpecifier().getReportSpecifierID())) {
                metadata = true;
                continue;
            }
            try {
                ReportRequest request = ReportRequest.of(r, now);
                if (SettlementReport.SPECIFIER.equals(request.specifierId())) {
                    settlements.put(request.requestId(), request);
                    accepted.add(request.requestId());
                    continue;
                }
                running.put(request.requestId(), new Running(request));
                accepted.add(request.requestId());
            } catch (ReportRefusal e) {
                if (code == OadrResponseCode.OK) {
                    code = e.code();
                }
                refusals.add(e.getMessage());
            }
        }
        return new Accepted(
                code, refusals.isEmpty() ? null : String.join("; ", refusals), accepted, metadata);
    }

    /** The ids of the requests still carried out, oldest first. */
    public synchronized List<String> pending() {
        List<String> ids = new ArrayList<>(running.keySet());
        ids.addAll(settlements.keySet());
        return List.copyOf(ids);
    }

    /** The ids of the standing settlement requests, oldest first. */
    public synchronized List<String> settlementRequests() {
        return List.copyOf(settlements.keySet());
    }

    /** Whether any request is carried out (the VEN samples the fleet only then). */
    public synchronized boolean isEmpty() {
        return running.isEmpty();
    }

    /**
     * Stops the requests {@code ids} (unknown ones are ignored).
     *
     * @param reportToFollow whether the VTN wants the data collected so far
     * @return the last reports, when {@code reportToFollow}
     */
    public synchronized List<OadrReportType> cancel(
            Collection<String> ids, boolean reportToFollow, Instant now) {
        List<OadrReportType> last = new ArrayList<>();
        for (String id : ids) {
            settlements.remove(id);
            Running r = running.remove(id);
            if (r != null && reportToFollow) {
                List<ReportWriter.Interval> intervals = intervals(r, now, true);
                if (!intervals.isEmpty()) {
                    last.add(ReportWriter.report(r.request, intervals, now));
                }
            }
        }
        return last;
    }

    /** Adds a sample to every request whose current window it falls in. */
    public synchronized void record(FleetSample sample) {
        for (Running r : running.values()) {
            boolean afterEnd = r.request.end() != null && !sample.at().isBefore(r.request.end());
            if (!sample.at().isBefore(r.windowStart) && !afterEnd) {
                r.samples.add(sample);
            }
        }
    }

    /** The reports due at {@code now}; requests that are over are dropped. */
    public synchronized List<OadrReportType> due(Instant now) {
        List<OadrReportType> reports = new ArrayList<>();
        var it = running.values().iterator();
        while (it.hasNext()) {
            Running r = it.next();
            if (now.isBefore(r.nextSend)) {
                continue;
            }
            if (r.request.oneShot()) {
                if (r.samples.isEmpty()) {
                    continue; // not a sample yet: sent with the first one
                }
                FleetSample s = r.samples.get(r.samples.size() - 1);
                reports.add(
                        ReportWriter.report(
                                r.request,
                                List.of(
                                        new ReportWriter.Interval(
                                                s.at(),
                                                r.request.granularity(),
                                                s.loadKw(),
                                                s.reductionKw(),
                                                s)),
                                now));
                it.remove();
                continue;
            }
            Duration back = r.request.backDuration();
            long periods = Duration.between(r.nextSend, now).toMillis() / back.toMillis();
            Instant sendAt = r.nextSend.plus(back.multipliedBy(periods));
            Instant bound =
                    r.request.end() != null && r.request.end().isBefore(sendAt)
                            ? r.request.end()
                            : sendAt;
            List<ReportWriter.Interval> intervals = intervals(r, bound, false);
            if (!intervals.isEmpty()) {
                reports.add(ReportWriter.report(r.request, intervals, now));
            }
            r.windowStart = bound;
            r.samples.removeIf(s -> s.at().isBefore(bound));
            r.nextSend = sendAt.plus(back);
            if (r.request.end() != null && !now.isBefore(r.request.end())) {
                it.remove();
            }
        }
        return reports;
    }

    /**
     * The intervals of {@code r} from its window's start up to {@code bound}, one per granularity
     * step with at least one sample; with {@code partial}, also the interval under way.
     */
    private static List<ReportWriter.Interval> intervals(
            Running r, Instant bound, boolean partial) {
        Duration g = r.request.granularity();
        long gMs = Math.max(1, g.toMillis());
        TreeMap<Long, List<FleetSample>> buckets = new TreeMap<>();
        for (FleetSample s : r.samples) {
            long index = Duration.between(r.request.start(), s.at()).toMillis() / gMs;
            Instant end = r.request.start().plus(g.multipliedBy(index + 1));
            boolean complete = !end.isAfter(bound);
            boolean inWindow = s.at().isBefore(bound);
            if (complete || (partial && inWindow)) {
                buckets.computeIfAbsent(index, k -> new ArrayList<>()).add(s);
            }
        }
        List<ReportWriter.Interval> intervals = new ArrayList<>();
        buckets.forEach(
                (index, samples) -> {
                    double mean =
                            samples.stream().mapToDouble(FleetSample::loadKw).average().orElse(0);
                    double reduction =
                            samples.stream()
                                    .mapToDouble(FleetSample::reductionKw)
                                    .average()
                                    .orElse(0);
                    intervals.add(
                            new ReportWriter.Interval(
                                    r.request.start().plus(g.multipliedBy(index)),
                                    g,
                                    mean,
                                    reduction,
                                    samples.get(samples.size() - 1)));
                });
        return intervals;
    }
}
