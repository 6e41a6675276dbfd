package io.gridshift.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoapPathsTest {
    private static final SiteId NM = SiteId.of("dc-nm-02");

    @Test
    void pathsAndSegmentsPerChannel() {
        assertThat(CoapPaths.path(NM, Channel.TELEMETRY)).isEqualTo("/v1/sites/dc-nm-02/telemetry");
        assertThat(CoapPaths.segments(NM, Channel.DISPATCH))
                .containsExactly("v1", "sites", "dc-nm-02", "dispatch");
    }

    @Test
    void bothFormsParseBackToTheAddress() {
        for (Channel c : Channel.values()) {
            EdgeAddress expected = new EdgeAddress(NM, c);
            assertThat(CoapPaths.parse(CoapPaths.path(NM, c))).isEqualTo(expected);
            assertThat(CoapPaths.parse(CoapPaths.path(NM, c).substring(1))).isEqualTo(expected);
            assertThat(CoapPaths.parse(CoapPaths.segments(NM, c))).isEqualTo(expected);
        }
    }

    @Test
    void badPathsAreRefused() {
        assertBad("/v1/sites/dc-nm-02", "pattern", "must be /v1/sites/{site}/{channel}");
        assertBad("/v2/sites/dc-nm-02/ack", "pattern", "must be /v1/sites/{site}/{channel}");
        assertBad("/v1/sites/dc-nm-02/ack/", "pattern", "must be");
        assertBad("//v1/sites/dc-nm-02/ack", "pattern", "must be");
        assertBad("/v1/sites/dc-nm-02/ack?x=1", "enum", "must end in one of");
        assertBad("/v1/sites/dc.nm/ack", "pattern", "must name a site");
        assertBad("/v1/sites/dc-nm-02/flexibility", "enum", "must end in one of");
        assertThatThrownBy(() -> CoapPaths.parse(List.of("v1", "sites", "", "ack")))
                .hasMessage(
                        "path: must name a site matching [a-z0-9][a-z0-9-]{0,62}"
                                + " (rule pattern, got \"/v1/sites//ack\")");
        assertThatThrownBy(() -> CoapPaths.parse(List.of("v1", "sites")))
                .hasMessageStartingWith("path: must be /v1/sites/{site}/{channel}");
        assertThatThrownBy(() -> CoapPaths.parse((String) null))
                .hasMessageStartingWith("path: is required");
    }

    private static void assertBad(String path, String rule, String expectation) {
        assertThatThrownBy(() -> CoapPaths.parse(path))
                .as(path)
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> {
                            assertThat(e.field()).isEqualTo("path");
                            assertThat(e.rule()).isEqualTo(rule);
                        })
                .hasMessageStartingWith("path: " + expectation);
    }
}
