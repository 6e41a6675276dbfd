package io.gridshift.aggregator.dispatch;

import static io.gridshift.aggregator.dispatch.DispatchState.ACCEPTED;
import static io.gridshift.aggregator.dispatch.DispatchState.ACTIVE;
import static io.gridshift.aggregator.dispatch.DispatchState.COMPLETED;
import static io.gridshift.aggregator.dispatch.DispatchState.FAILED;
import static io.gridshift.aggregator.dispatch.DispatchState.PENDING;
import static io.gridshift.aggregator.dispatch.DispatchState.REJECTED;
import static io.gridshift.aggregator.dispatch.DispatchState.SENT;
import static io.gridshift.aggregator.dispatch.DispatchState.UNACKNOWLEDGED;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.dispatch.AckStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DispatchStateTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
        "SENT, ACCEPTED, ACCEPTED",
        "PENDING, ACCEPTED, ACCEPTED",
        "UNACKNOWLEDGED, ACCEPTED, ACCEPTED",
        "ACTIVE, ACCEPTED, ACTIVE",
        "SENT, ACTIVE, ACTIVE",
        "ACCEPTED, ACTIVE, ACTIVE",
        "ACTIVE, COMPLETED, COMPLETED",
        "SENT, REJECTED, REJECTED",
        "ACCEPTED, REJECTED, REJECTED",
        "ACTIVE, REJECTED, ACTIVE",
        "ACTIVE, FAILED, FAILED",
        "COMPLETED, ACTIVE, COMPLETED",
        "REJECTED, ACCEPTED, REJECTED",
        "FAILED, COMPLETED, FAILED",
    })
    void anAckMovesTheOrderAsTheSiteSaid(DispatchState from, AckStatus ack, DispatchState to) {
        assertThat(from.after(ack)).isEqualTo(to);
    }

    @Test
    void aFinalStateIsNeverLeftWhateverAcksFollowInWhateverOrder() {
        Random random = new Random(7);
        AckStatus[] acks = AckStatus.values();
        for (int run = 0; run < 2_000; run++) {
            DispatchState s = random.nextBoolean() ? SENT : PENDING;
            List<DispatchState> seen = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                DispatchState next = s.after(acks[random.nextInt(acks.length)]);
                if (s.isFinal()) {
                    assertThat(next).as("after %s", seen).isEqualTo(s);
                }
                assertThat(next.awaitsAck())
                        .as("an ack never puts an order back to waiting")
                        .isFalse();
                seen.add(next);
                s = next;
            }
        }
    }

    @Test
    void onlyPendingAndSentOrdersAreResent() {
        for (DispatchState s : DispatchState.values()) {
            assertThat(s.awaitsAck()).isEqualTo(s == PENDING || s == SENT);
        }
        assertThat(COMPLETED.isFinal()).isTrue();
        assertThat(REJECTED.isFinal()).isTrue();
        assertThat(FAILED.isFinal()).isTrue();
        assertThat(UNACKNOWLEDGED.isFinal()).isFalse();
        assertThat(ACCEPTED.isFinal()).isFalse();
        assertThat(ACTIVE.isFinal()).isFalse();
    }
}
