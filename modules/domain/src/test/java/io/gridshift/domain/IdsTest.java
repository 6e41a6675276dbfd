package io.gridshift.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class IdsTest {
    private static final Pattern ID = Pattern.compile(Ids.PATTERN);

    @Property(tries = 2000)
    void handWrittenCheckAgreesWithThePublishedPattern(
            @ForAll @StringLength(min = 0, max = 70) String candidate) {
        assertThat(Ids.isValid(candidate)).isEqualTo(ID.matcher(candidate).matches());
    }

    @Property(tries = 500)
    void validIdsPass(@ForAll("ids") String id) {
        assertThat(new SiteId(id).value()).isEqualTo(id);
    }

    @Provide
    Arbitrary<String> ids() {
        var first = Arbitraries.strings().withChars("abcxyz0189").ofLength(1);
        var rest = Arbitraries.strings().withChars("abz09-").ofMaxLength(62);
        return Combinators.combine(first, rest).as(String::concat);
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
