package io.gridshift.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import org.junit.jupiter.api.Test;

class EdgeTopicsTest {
    private static final SiteId SH = SiteId.of("dc-sh-01");
    private final EdgeTopics topics = EdgeTopics.defaults();

    @Test
    void everyChannelHasATopicPerSiteUnderTheDefaultPrefix() {
        assertThat(topics.topic(SH, Channel.TELEMETRY))
                .isEqualTo("gridshift/v1/sites/dc-sh-01/telemetry");
        assertThat(topics.topic(SH, Channel.FLEX)).isEqualTo("gridshift/v1/sites/dc-sh-01/flex");
        assertThat(topics.topic(SH, Channel.STATUS))
                .isEqualTo("gridshift/v1/sites/dc-sh-01/status");
        assertThat(topics.topic(SH, Channel.DISPATCH))
                .isEqualTo("gridshift/v1/sites/dc-sh-01/dispatch");
        assertThat(topics.topic(SH, Channel.ACK)).isEqualTo("gridshift/v1/sites/dc-sh-01/ack");
    }

    @Test
    void aggregatorNodesShareTheIngestOfEverySite() {
        assertThat(topics.sharedFilter("gridshift", Channel.TELEMETRY))
                .isEqualTo("$share/gridshift/gridshift/v1/sites/+/telemetry");
        assertThat(topics.aggregatorFilters(EdgeTopics.DEFAULT_SHARE_GROUP))
                .containsExactly(
                        "$share/gridshift/gridshift/v1/sites/+/telemetry",
                        "$share/gridshift/gridshift/v1/sites/+/flex",
                        "$share/gridshift/gridshift/v1/sites/+/status",
                        "$share/gridshift/gridshift/v1/sites/+/ack",
                        "$share/gridshift/gridshift/v1/sites/+/jobs",
                        "$share/gridshift/gridshift/v1/sites/+/plan-ack");
        assertThat(topics.filter(Channel.DISPATCH)).isEqualTo("gridshift/v1/sites/+/dispatch");
    }

    @Test
    void aTopicParsesBackToItsSiteAndChannel() {
        for (Channel c : Channel.values()) {
            assertThat(topics.parse(topics.topic(SH, c))).isEqualTo(new EdgeAddress(SH, c));
        }
    }

    @Test
    void aConfiguredPrefixOfSeveralLevelsWorksBothWays() {
        EdgeTopics tenant = new EdgeTopics("tenant-a/gridshift/v1");

        String topic = tenant.topic(SH, Channel.ACK);

        assertThat(topic).isEqualTo("tenant-a/gridshift/v1/sites/dc-sh-01/ack");
        assertThat(tenant.parse(topic)).isEqualTo(new EdgeAddress(SH, Channel.ACK));
        assertThatThrownBy(() -> tenant.parse("gridshift/v1/sites/dc-sh-01/ack"))
                .hasMessageStartingWith(
                        "topic: must be tenant-a/gridshift/v1/sites/{site}/{channel}");
    }

    @Test
    void badTopicsAreRefusedWithTheRule() {
        assertBad(
                "gridshift/v1/sites/dc-sh-01",
                "pattern",
                "must be gridshift/v1/sites/{site}/{channel}");
        assertBad("gridshift/v1/sites/dc-sh-01/telemetry/extra", "pattern", "must be");
        assertBad("gridshift/v2/sites/dc-sh-01/telemetry", "pattern", "must be");
        assertBad("gridshift/v1/site/dc-sh-01/telemetry", "pattern", "must be");
        assertBad("/gridshift/v1/sites/dc-sh-01/telemetry", "pattern", "must be");
        assertBad("gridshift/v1/sites/DC_SH/telemetry", "pattern", "must name a site matching");
        assertBad("gridshift/v1/sites//telemetry", "pattern", "must name a site matching");
        assertBad("gridshift/v1/sites/+/telemetry", "pattern", "must name a site matching");
        assertBad("gridshift/v1/sites/dc-sh-01/metrics", "enum", "must end in one of telemetry");
        assertBad("gridshift/v1/sites/dc-sh-01/", "enum", "must end in one of");
        assertThatThrownBy(() -> topics.parse(null)).hasMessageStartingWith("topic: is required");
    }

    @Test
    void prefixesAndGroupsWithWildcardsOrEmptyLevelsAreRefused() {
        for (String bad : new String[] {"", "a//b", "a/+/b", "a/#", "$SYS/x", "/a", "a/"}) {
            assertThatThrownBy(() -> new EdgeTopics(bad))
                    .as(bad)
                    .isInstanceOf(InvalidFieldException.class)
                    .hasMessageStartingWith("prefix: must be topic levels");
        }
        for (String bad : new String[] {"", "a/b", "a+", "#"}) {
            assertThatThrownBy(() -> topics.sharedFilter(bad, Channel.ACK))
                    .hasMessageStartingWith("group: must be one topic level");
        }
    }

    private void assertBad(String topic, String rule, String expectation) {
        assertThatThrownBy(() -> topics.parse(topic))
                .as(topic)
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> {
                            assertThat(e.field()).isEqualTo("topic");
                            assertThat(e.rule()).isEqualTo(rule);
                        })
                .hasMessageStartingWith("topic: " + expectation);
    }
}
