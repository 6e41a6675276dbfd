package io.gridshift.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IdsTest {
    private static final Pattern ID = Pattern.compile(Ids.PATTERN);

    /** Fixed seeds: every run checks the same strings, and a failure names the seed to rerun. */
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 4);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void handWrittenCheckAgreesWithThePublishedPattern(long seed) {
        IdGen gen = new IdGen(new SplittableRandom(seed));
        int valid = 0;
        for (int i = 0; i < 500; i++) {
            String candidate = gen.candidate();
            boolean matches = ID.matcher(candidate).matches();
            assertThat(Ids.isValid(candidate))
                    .as("seed %d, try %d: %s", seed, i, IdGen.show(candidate))
                    .isEqualTo(matches);
            valid += matches ? 1 : 0;
        }
        // both answers came up often enough to mean something
        assertThat(valid).isBetween(100, 400);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void validIdsPass(long seed) {
        IdGen gen = new IdGen(new SplittableRandom(seed));
        for (int i = 0; i < 125; i++) {
            String id = gen.validId();
            assertThat(new SiteId(id).value())
                    .as("seed %d, try %d: %s", seed, i, IdGen.show(id))
                    .isEqualTo(id);
        }
    }

    @Test
    void siteIdsBreakingThePatternAreRefusedWithTheRule() {
        for (String bad :
                new String[] {"", "-dc", "DC-1", "dc_1", "dc 1", "x".repeat(64), "dc/1"}) {
            assertThatThrownBy(() -> new SiteId(bad))
                    .hasMessageStartingWith("site: must match [a-z0-9][a-z0-9-]{0,62}");
        }
        assertThatThrownBy(() -> new SiteId(null)).hasMessageStartingWith("site: is required");
    }

    @Test
    void zonesFollowTheElectricityMapsShape() {
        assertThat(GridZone.of("US-CAL-CISO").code()).isEqualTo("US-CAL-CISO");
        assertThat(GridZone.of("NO-NO1")).isEqualTo(GridZone.of("NO-NO1"));
        for (String bad : new String[] {"cn-sh", "CN--SH", "-CN", "CN-", "", "A".repeat(33)}) {
            assertThatThrownBy(() -> GridZone.of(bad)).hasMessageStartingWith("zone: must match");
        }
    }
}
