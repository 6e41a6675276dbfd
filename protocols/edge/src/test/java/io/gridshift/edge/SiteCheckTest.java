package io.gridshift.edge;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.site.SiteStatus;
import java.time.Instant;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class SiteCheckTest {
    private static final SiteId SH = SiteId.of("dc-sh-01");
    private static final SiteId NM = SiteId.of("dc-nm-02");
    private static final SiteStatus SH_ONLINE =
            new SiteStatus(SH, SiteStatus.Availability.ONLINE, Instant.EPOCH, null);

    @Test
    void aSiteSpeakingForItselfPasses() {
        EdgeAddress address = EdgeTopics.defaults().parse("gridshift/v1/sites/dc-sh-01/status");

        assertThatCode(() -> SiteCheck.require(address, SH_ONLINE, SH)).doesNotThrowAnyException();
        assertThatCode(() -> SiteCheck.require(address, SH_ONLINE, null))
                .doesNotThrowAnyException();
    }

    @Test
    void aPayloadForAnotherSiteThanItsTopicIsForbidden() {
        EdgeAddress address = new EdgeAddress(NM, Channel.STATUS);

        assertThatThrownBy(() -> SiteCheck.require(address, SH_ONLINE, null))
                .isInstanceOfSatisfying(GridshiftException.class, SiteCheckTest::isSiteMismatch)
                .hasMessage(
                        "site: the payload's site dc-sh-01 is not the site dc-nm-02 of its status"
                                + " topic or path");
    }

    @Test
    void aConnectionSpeakingForAnotherSiteIsForbidden() {
        EdgeAddress address = new EdgeAddress(SH, Channel.STATUS);

        assertThatThrownBy(() -> SiteCheck.require(address, SH_ONLINE, NM))
                .isInstanceOfSatisfying(GridshiftException.class, SiteCheckTest::isSiteMismatch)
                .hasMessage(
                        "site: the connection is authenticated as dc-nm-02 but speaks for dc-sh-01");
    }

    @Test
    void aMessageOnTheWrongChannelIsAProgrammingError() {
        EdgeAddress telemetry = new EdgeAddress(SH, Channel.TELEMETRY);

        assertThatThrownBy(() -> SiteCheck.require(telemetry, SH_ONLINE, SH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SiteCheck.siteOf(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void isSiteMismatch(GridshiftException e) {
        Assertions.assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        Assertions.assertThat(e.reason())
                .isEqualTo(SiteCheck.SITE_MISMATCH)
                .isEqualTo("site_mismatch");
    }
}
