package io.gridshift.agent;

import static io.gridshift.agent.AgentHarness.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.agent.buffer.BufferOptions;
import io.gridshift.agent.dispatch.DispatchOptions;
import io.gridshift.agent.dispatch.OrderRecord;
import io.gridshift.agent.sim.SimulatedDataCenter;
import io.gridshift.agent.sim.SimulatedResources;
import io.gridshift.agent.sim.SimulatedSiteOptions;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.edge.codec.EdgeCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 over the agent's real intake (bytes from the transport, decoded, checked, executed): a
 * replayed order (the same bytes again, or an older revision) changes nothing, an expired order is
 * refused, and a tampered payload (a field broken beyond the schema or limits, or another site's
 * order on this site's topic) is rejected with its reason and never applied.
 */
class OrderReplayAndTamperingTest {
    @TempDir Path data;
    final ManualClock clock = new ManualClock(AgentHarness.T0);
    final FakeTransport link = new FakeTransport();
    EdgeAgent agent;

    @BeforeEach
    void start() {
        agent =
                new EdgeAgent(
                        SITE,
                        new SimulatedDataCenter(
                                SimulatedSiteOptions.typical(SITE, AgentHarness.ZONE, 7),
                                clock.instant()),
                        link,
                        clock,
                        new AgentFolders(data, BufferOptions.defaults()),
                        AgentHarness.REPORTING,
                        DispatchOptions.defaults());
        agent.start();
        link.connect();
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void aReplayedOrderIsAppliedOnceAndAnOlderRevisionIsRefusedAsStale() {
        // GIVEN revision 2 of an order, received and held
        byte[] rev2 = EdgeCodec.json().encode(order("d-rp", 2, SITE, 30, 60));
        link.receiveDispatch(rev2, false);
        List<OrderRecord> held = agent.orders();
        assertThat(held).hasSize(1);

        // WHEN the very same bytes arrive again, in CBOR too, and then revision 1
        link.receiveDispatch(rev2, false);
        link.receiveDispatch(EdgeCodec.cbor().encode(order("d-rp", 2, SITE, 30, 60)), true);
        link.receiveDispatch(EdgeCodec.json().encode(order("d-rp", 1, SITE, 30, 60)), false);

        // THEN the held order is still revision 2 in the same state, the copies are acked with
        // its status (copies may be coalesced), and revision 1 is rejected as stale
        assertThat(agent.orders()).isEqualTo(held);
        assertThat(agent.orders().get(0).order().revision()).isEqualTo(2);
        assertThat(agent.stats().rejectedOrders()).isEqualTo(Map.of("stale_revision", 1L));
        Ack stale = lastAck();
        assertThat(stale.revision()).isEqualTo(1);
        assertThat(stale.status()).isEqualTo(AckStatus.REJECTED);
        assertThat(stale.reason()).startsWith("stale_revision");
        assertThat(link.acks.stream().filter(a -> a.revision() == 2).map(Ack::status))
                .isNotEmpty()
                .doesNotContain(AckStatus.REJECTED);
    }

    @Test
    void anExpiredOrderIsRefused() {
        // GIVEN an order whose window ended a minute ago
        link.receiveDispatch(EdgeCodec.json().encode(order("d-old", 1, SITE, -61, -1)), false);

        // THEN it is rejected, nothing is held or applied
        assertThat(agent.orders()).isEmpty();
        assertThat(agent.stats().rejectedOrders()).isEqualTo(Map.of("window_over", 1L));
        assertThat(lastAck().status()).isEqualTo(AckStatus.REJECTED);
        assertThat(lastAck().reason()).startsWith("window_over");
    }

    @Test
    void anOrderForAnotherSiteOnThisSitesTopicIsRejectedAsSiteMismatch() {
        link.receiveDispatch(
                EdgeCodec.json().encode(order("d-x", 1, SiteId.of("dc-other-9"), 30, 60)), false);

        assertThat(agent.orders()).isEmpty();
        assertThat(agent.stats().rejectedOrders()).isEqualTo(Map.of("site_mismatch", 1L));
        assertThat(lastAck().reason()).startsWith("site_mismatch");
    }

    @Test
    void tamperedPayloadsAreRejectedWithTheirReasonAndNeverApplied() {
        String valid =
                new String(
                        EdgeCodec.json().encode(order("d-t", 1, SITE, 30, 60)),
                        StandardCharsets.UTF_8);
        assertThat(valid).contains("\"revision\":1", "\"reductionKw\":500.0");

        // WHEN copies arrive with a field changed beyond the schema or the limits, or cut short
        List<String> tampered =
                List.of(
                        valid.replace("\"revision\":1", "\"revision\":-1"),
                        valid.replace("\"revision\":1", "\"revision\":\"1\""),
                        valid.replace("\"reductionKw\":500.0", "\"reductionKw\":1e999"),
                        valid.replace("\"reductionKw\":500.0", "\"reductionKw\":-500"),
                        valid.replace("\"site\":\"" + SITE.value() + "\"", "\"site\":\"DC 1\""),
                        valid.substring(0, valid.length() / 2));
        for (String payload : tampered) {
            link.receiveDispatch(payload.getBytes(StandardCharsets.UTF_8), false);
        }
        link.receiveDispatch(new byte[] {(byte) 0xbf, 0x61, 0x76}, true);

        // THEN none is held or acked, and each refusal is counted by its reason
        assertThat(agent.orders()).isEmpty();
        Map<String, Long> refused = agent.stats().rejectedPayloads();
        assertThat(refused.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(7);
        assertThat(refused).containsKeys("range", "type", "syntax");
        assertThat(link.acks).isEmpty();
    }

    private Ack lastAck() {
        agent.stats(); // the ack goes out on the agent's loop: wait for it
        return link.acks.get(link.acks.size() - 1);
    }

    /** A 500 kW cut of the batch queue from {@code startMin} to {@code endMin} after now. */
    private DispatchOrder order(String id, int revision, SiteId site, int startMin, int endMin) {
        Instant now = clock.instant();
        Instant start = now.plus(Duration.ofMinutes(startMin));
        return new DispatchOrder(
                DispatchId.of(id),
                revision,
                EventId.of("ev-20260701-1"),
                site,
                start.minus(Duration.ofMinutes(30)),
                start,
                now.plus(Duration.ofMinutes(endMin)),
                List.of(new DispatchAction.Reduce(SimulatedResources.BATCH, 500)));
    }
}
