package io.gridshift.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackoffTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void everyDelayLiesBetweenZeroAndTheGrowingCeiling(long seed) {
        SplittableRandom cases = new SplittableRandom(seed);
        for (int i = 0; i < 75; i++) {
            long initialMs = cases.nextLong(1, 5_001);
            long maxFactor = cases.nextLong(1, 101);
            double multiplier = i == 0 ? 1.0 : cases.nextDouble(1.0, 10.0);
            long backoffSeed = cases.nextLong();
            checkCeilings(initialMs, maxFactor, multiplier, backoffSeed);
        }
    }

    private static void checkCeilings(
            long initialMs, long maxFactor, double multiplier, long seed) {
        String inCase =
                "initial %d ms, max x%d, multiplier %s, seed %d"
                        .formatted(initialMs, maxFactor, multiplier, seed);
        Duration initial = Duration.ofMillis(initialMs);
        Duration max = initial.multipliedBy(maxFactor);
        Backoff backoff =
                new BackoffPolicy(initial, max, multiplier).newBackoff(new SplittableRandom(seed));

        Duration previousCeiling = Duration.ZERO;
        for (int n = 0; n < 60; n++) {
            Duration ceiling = backoff.nextCeiling();
            Duration delay = backoff.nextDelay();
            long expected =
                    (long) Math.min(initial.toNanos() * Math.pow(multiplier, n), max.toNanos());

            assertThat(delay).as(inCase).isBetween(Duration.ZERO, ceiling);
            assertThat(ceiling).as(inCase).isLessThanOrEqualTo(max);
            assertThat(ceiling).as(inCase).isGreaterThanOrEqualTo(previousCeiling);
            assertThat(ceiling.toNanos()).as(inCase).isEqualTo(expected);
            previousCeiling = ceiling;
        }
        // GIVEN enough failures THEN the ceiling has reached max and stays there
        if (Math.pow(multiplier, 60) >= maxFactor) {
            assertThat(backoff.nextCeiling()).as(inCase).isEqualTo(max);
        }
    }

    @ParameterizedTest(name = "after {0} failures")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void jitterSpreadsOverTheWholeRange(int failures) {
        long seed = 31L * failures + 7;
        Backoff backoff =
                new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(10), 2.0)
                        .newBackoff(new SplittableRandom(seed));
        List<Long> fractions = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            backoff.reset();
            for (int f = 0; f < failures; f++) {
                backoff.nextDelay();
            }
            long ceiling = backoff.nextCeiling().toNanos();
            fractions.add(backoff.nextDelay().toNanos() * 10 / (ceiling + 1));
        }
        // full jitter: uniform over [0, ceiling], so each tenth of the range gets ~10 %
        for (long decile = 0; decile < 10; decile++) {
            long d = decile;
            long count = fractions.stream().filter(x -> x == d).count();
            assertThat(count)
                    .as("delays in tenth %d of the range (seed %d)", decile, seed)
                    .isBetween(120L, 280L);
        }
    }

    @Test
    void growsByTheMultiplierUpToMaxAndResetsAfterSuccess() {
        // GIVEN a generator that always draws the top of the range
        RandomGenerator top = new AlwaysTop();
        Backoff backoff =
                new BackoffPolicy(Duration.ofMillis(100), Duration.ofMillis(1_000), 3.0)
                        .newBackoff(top);

        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            delays.add(backoff.nextDelay().toMillis());
        }

        assertThat(delays).containsExactly(100L, 300L, 900L, 1_000L, 1_000L);
        backoff.reset();
        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.attempts()).isEqualTo(1);
    }

    @Test
    void aGeneratorDrawingZeroGivesZeroDelays() {
        Backoff backoff = BackoffPolicy.defaults().newBackoff(new AlwaysZero());

        assertThat(backoff.nextDelay()).isZero();
        assertThat(backoff.nextDelay()).isZero();
        assertThat(backoff.nextCeiling()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void thePolicyRefusesBadValuesNamingTheField() {
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ZERO, Duration.ofSeconds(1), 2))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("initial:");
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("max:");
        assertThatThrownBy(
                        () -> new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("multiplier:");
        assertThatThrownBy(() -> new BackoffPolicy(null, Duration.ofSeconds(2), 2))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("initial:");
        assertThat(BackoffPolicy.defaults())
                .isEqualTo(new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0));
    }

    /** Draws the largest value a bound allows. */
    private static final class AlwaysTop implements RandomGenerator {
        @Override
        public long nextLong() {
            return -1;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    }

    private static final class AlwaysZero implements RandomGenerator {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return 0;
        }
    }
}
