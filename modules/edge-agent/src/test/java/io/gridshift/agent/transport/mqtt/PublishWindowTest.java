package io.gridshift.agent.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.agent.transport.TransportErrors;
import io.gridshift.domain.error.GridshiftException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PublishWindowTest {
    private final List<CompletableFuture<Void>> started = new ArrayList<>();

    private CompletableFuture<Void> publication() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        started.add(f);
        return f;
    }

    @Test
    void startsNoMoreThanTheBrokersReceiveMaximumAndTheRestAsSlotsFree() {
        PublishWindow window = new PublishWindow(100);
        window.resize(2);

        List<CompletableFuture<Void>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(window.submit(this::publication));
        }

        assertThat(started).hasSize(2);
        assertThat(window.waiting()).isEqualTo(3);

        started.get(0).complete(null);
        assertThat(results.get(0)).isCompleted();
        assertThat(started).hasSize(3);

        started.get(1).completeExceptionally(new IllegalStateException("lost"));
        assertThat(results.get(1)).isCompletedExceptionally();
        assertThat(started).hasSize(4);
        assertThat(window.inFlight()).isEqualTo(2);
    }

    @Test
    void failsFastBeyondItsBacklogAndFailsWaitingOnesWhenTheLinkGoesDown() {
        PublishWindow window = new PublishWindow(1);
        window.resize(1);

        CompletableFuture<Void> first = window.submit(this::publication);
        CompletableFuture<Void> second = window.submit(this::publication);
        CompletableFuture<Void> third = window.submit(this::publication);

        assertThat(third).isCompletedExceptionally();
        assertThat(reason(third)).isEqualTo(TransportErrors.BACKLOG_FULL);

        window.failWaiting(TransportErrors.disconnected("down"));
        assertThat(reason(second)).isEqualTo(TransportErrors.DISCONNECTED);
        assertThat(first).isNotDone();

        window.failAll(TransportErrors.closed());
        assertThat(reason(first)).isEqualTo(TransportErrors.CLOSED);
    }

    @Test
    void aThousandPublicationsThatFailAtOnceDoNotNestTheStack() {
        PublishWindow window = new PublishWindow(100_000);
        window.resize(1);
        CompletableFuture<Void> blocker = window.submit(this::publication);
        List<CompletableFuture<Void>> results = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            results.add(
                    window.submit(
                            () -> CompletableFuture.failedFuture(new IllegalStateException("x"))));
        }

        started.get(0).complete(null);

        assertThat(blocker).isCompleted();
        assertThat(results).allMatch(CompletableFuture::isCompletedExceptionally);
        assertThat(window.inFlight()).isZero();
    }

    @Test
    void aLargerWindowAfterReconnectStartsWaitingOnes() {
        PublishWindow window = new PublishWindow(10);
        window.resize(1);
        window.submit(this::publication);
        window.submit(this::publication);
        window.submit(this::publication);

        window.resize(10);

        assertThat(started).hasSize(3);
    }

    private static String reason(CompletableFuture<Void> f) {
        return f.handle((ok, e) -> ((GridshiftException) e).reason()).join();
    }
}
