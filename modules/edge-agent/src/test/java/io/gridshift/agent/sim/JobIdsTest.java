package io.gridshift.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.Ids;
import io.gridshift.domain.site.SiteId;
import org.junit.jupiter.api.Test;

class JobIdsTest {
    @Test
    void aShortSiteIdIsKeptWhole() {
        assertThat(JobIds.prefix(SiteId.of("dc-sh-01"), "-t")).isEqualTo("dc-sh-01-t");
    }

    @Test
    void longSiteIdsThatShareTheirStartStillGiveDistinctValidIds() {
        String start = "a".repeat(55);
        String one = JobIds.prefix(SiteId.of(start + "-one"), "-t") + "1234-56789";
        String two = JobIds.prefix(SiteId.of(start + "-two"), "-t") + "1234-56789";
        assertThat(one).isNotEqualTo(two);
        assertThat(Ids.isValid(one)).as(one).isTrue();
        assertThat(Ids.isValid(two)).as(two).isTrue();
    }
}
