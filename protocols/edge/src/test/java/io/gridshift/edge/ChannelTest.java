package io.gridshift.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.edge.Channel.CoapMethod;
import io.gridshift.edge.Channel.CoapType;
import io.gridshift.edge.Channel.Direction;
import io.gridshift.edge.codec.EdgeFormat;
import org.junit.jupiter.api.Test;

/** The channel table of the protocol reference, as code. */
class ChannelTest {

    @Test
    void mqttQosRetainAndDirectionFollowTheTable() {
        assertThat(Channel.TELEMETRY.mqttQos()).isZero();
        assertThat(Channel.TELEMETRY.maxMqttQos()).isEqualTo(1);
        for (Channel c :
                new Channel[] {Channel.FLEX, Channel.STATUS, Channel.DISPATCH, Channel.ACK}) {
            assertThat(c.mqttQos()).as("%s", c).isEqualTo(1);
        }
        assertThat(Channel.STATUS.mqttRetained()).isTrue();
        assertThat(Channel.ACK.mqttRetained()).isFalse();
        assertThat(Channel.DISPATCH.direction()).isEqualTo(Direction.AGGREGATOR_TO_AGENT);
        assertThat(Channel.ACK.direction()).isEqualTo(Direction.AGENT_TO_AGGREGATOR);
    }

    @Test
    void coapMethodTypeAndObserveFollowTheTable() {
        assertThat(Channel.TELEMETRY.coapMethod()).isEqualTo(CoapMethod.POST);
        assertThat(Channel.TELEMETRY.coapType()).isEqualTo(CoapType.NON);
        assertThat(Channel.FLEX.coapType()).isEqualTo(CoapType.CON);
        assertThat(Channel.STATUS.coapMethod()).isEqualTo(CoapMethod.PUT);
        assertThat(Channel.DISPATCH.coapMethod()).isEqualTo(CoapMethod.GET);
        assertThat(Channel.DISPATCH.coapObserve()).isTrue();
        assertThat(Channel.ACK.coapObserve()).isFalse();
        assertThat(EdgeFormat.ofCoapContentFormat(60)).isEqualTo(EdgeFormat.CBOR);
        assertThat(EdgeFormat.ofCoapContentFormat(50)).isEqualTo(EdgeFormat.JSON);
        assertThat(EdgeFormat.ofCoapContentFormat(0)).isNull();
    }

    @Test
    void channelsKnowTheirSegmentRecordAndSchema() {
        assertThat(Channel.fromSegment("ack")).isEqualTo(Channel.ACK);
        assertThat(Channel.fromSegment("ACK")).isNull();
        assertThat(Channel.ACK.messageType()).isEqualTo(Ack.class);
        assertThat(Channel.TELEMETRY.messageType()).isEqualTo(Telemetry.class);
        assertThat(Channel.FLEX.schemaResource())
                .isEqualTo("/io/gridshift/edge/v1/schema/flex.schema.json");
        for (Channel c : Channel.values()) {
            assertThat(Channel.class.getResource(c.schemaResource())).as("%s", c).isNotNull();
        }
        assertThatThrownBy(() -> Channel.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
