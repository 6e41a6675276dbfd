package io.gridshift.agent;

import java.util.Map;

/**
 * What the agent has done since it started, for its log line, its tests and the benchmarks.
 *
 * @param telemetrySent readings the transport confirmed
 * @param telemetryBuffered readings written to the offline buffer
 * @param telemetryDropped readings the full buffer dropped (oldest first)
 * @param bufferedNow readings waiting in the buffer
 * @param envelopesSent envelopes the transport confirmed
 * @param acksSent acknowledgements the transport confirmed
 * @param acksPending acknowledgements waiting for the link
 * @param rejectedPayloads dispatch payloads that could not be decoded, by reason
 * @param rejectedOrders orders refused by the executor, by reason
 */
public record AgentStats(
        long telemetrySent,
        long telemetryBuffered,
        long telemetryDropped,
        long bufferedNow,
        long envelopesSent,
        long acksSent,
        int acksPending,
        Map<String, Long> rejectedPayloads,
        Map<String, Long> rejectedOrders) {}
