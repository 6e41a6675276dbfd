package io.gridshift.aggregator.coap;

import static io.gridshift.aggregator.coap.Messages.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.aggregator.dispatch.DispatchState;
import io.gridshift.aggregator.fleet.Presence;
import io.gridshift.aggregator.fleet.SiteView;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.edge.codec.EdgeCodec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CoAP ingress against a Californium client, on a real single-member Hazelcast. */
class CoapIngressIT {
    private static final int JSON = MediaTypeRegistry.APPLICATION_JSON;
    private static final int CBOR = MediaTypeRegistry.APPLICATION_CBOR;

    private static IngressNode node;
    private static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        node = new IngressNode();
        client = new TestClient(node.uri());
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void jsonTelemetryIsFiled() throws Exception {
        CoapResponse r =
                client.post(
                        "/v1/sites/json-1/telemetry",
                        JSON,
                        bytes(Messages.telemetry("json-1", 1)),
                        true);

        assertThat(r.getCode()).isEqualTo(ResponseCode.CREATED);
        // a CON reading is answered once stored
        SiteView site = node.site("json-1").orElseThrow();
        assertThat(site.latest().seq()).isEqualTo(1);
        assertThat(site.transport()).isEqualTo(Transport.COAP);
        assertThat(site.node()).isEqualTo("node-1");
    }

    @Test
    void cborTelemetryIsFiled() throws Exception {
        byte[] cbor =
                EdgeCodec.cbor()
                        .encode(
                                EdgeCodec.json()
                                        .decodeTelemetry(bytes(Messages.telemetry("cbor-1", 7))));

        CoapResponse r = client.post("/v1/sites/cbor-1/telemetry", CBOR, cbor, true);

        assertThat(r.getCode()).isEqualTo(ResponseCode.CREATED);
        assertThat(node.site("cbor-1"))
                .hasValueSatisfying(s -> assertThat(s.latest().seq()).isEqualTo(7));
    }

    @Test
    void nonConfirmableTelemetryIsFiledToo() throws Exception {
        CoapResponse r =
                client.post(
                        "/v1/sites/non-1/telemetry",
                        JSON,
                        bytes(Messages.telemetry("non-1", 3)),
                        false);

        assertThat(r.getCode()).isEqualTo(ResponseCode.CREATED);
        await().atMost(IngressNode.WAIT).until(() -> node.site("non-1").isPresent());
    }

    @Test
    void flexIsFiled() throws Exception {
        CoapResponse r =
                client.post("/v1/sites/flex-1/flex", JSON, bytes(Messages.flex("flex-1")), true);

        assertThat(r.getCode()).isEqualTo(ResponseCode.CREATED);
        assertThat(node.site("flex-1"))
                .hasValueSatisfying(s -> assertThat(s.envelope().zone().code()).isEqualTo("DE"));
    }

    @Test
    void statusIsPut() throws Exception {
        Request put = Request.newPut();
        put.getOptions().setContentFormat(JSON);
        put.setPayload(Messages.status("status-1"));

        CoapResponse r = client.send(put, "/v1/sites/status-1/status");

        assertThat(r.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(node.site("status-1"))
                .hasValueSatisfying(
                        s -> {
                            assertThat(s.presence()).isEqualTo(Presence.ONLINE);
                            assertThat(s.agentVersion()).isEqualTo("test");
                        });
    }

    @Test
    void ackMovesTheOrder() throws Exception {
        reported("ack-1");
        node.issue(Messages.order("ack-1", "d-ack-1"));

        CoapResponse r =
                client.post(
                        "/v1/sites/ack-1/ack",
                        JSON,
                        bytes(Messages.ack("ack-1", "d-ack-1", "ACCEPTED")),
                        true);

        assertThat(r.getCode()).isEqualTo(ResponseCode.CREATED);
        assertThat(node.state("d-ack-1")).isEqualTo(DispatchState.ACCEPTED);
    }

    @Test
    void ackOfAnUnknownOrderIsNotFound() throws Exception {
        CoapResponse r =
                client.post(
                        "/v1/sites/ack-2/ack",
                        JSON,
                        bytes(Messages.ack("ack-2", "d-nobody", "ACCEPTED")),
                        true);

        assertThat(r.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(r.getResponseText()).contains("d-nobody");
    }

    @Test
    void badPayloadIsRefusedAndCounted() throws Exception {
        double before = node.metrics.rejectedCount("range");
        String bad = Messages.telemetry("bad-1", 1).replace("\"itKw\":950.0", "\"itKw\":-5");

        CoapResponse r = client.post("/v1/sites/bad-1/telemetry", JSON, bytes(bad), true);

        assertThat(r.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(r.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.TEXT_PLAIN);
        assertThat(r.getResponseText()).contains("itKw").contains("range");
        assertThat(node.metrics.rejectedCount("range")).isEqualTo(before + 1);
        assertThat(node.site("bad-1")).isEmpty();
    }

    @Test
    void siteSpeakingForAnotherIsForbidden() throws Exception {
        double before = node.metrics.rejectedCount("site_mismatch");

        CoapResponse r =
                client.post(
                        "/v1/sites/mine/telemetry",
                        JSON,
                        bytes(Messages.telemetry("theirs", 1)),
                        true);

        assertThat(r.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(node.metrics.rejectedCount("site_mismatch")).isEqualTo(before + 1);
        assertThat(node.site("theirs")).isEmpty();
        assertThat(node.site("mine")).isEmpty();
    }

    @Test
    void unsupportedOrMissingContentFormatIsRefused() throws Exception {
        double before = node.metrics.rejectedCount(UplinkResource.CONTENT_FORMAT);
        byte[] body = bytes(Messages.telemetry("cf-1", 1));

        CoapResponse text =
                client.post("/v1/sites/cf-1/telemetry", MediaTypeRegistry.TEXT_PLAIN, body, true);
        CoapResponse none = client.post("/v1/sites/cf-1/telemetry", -1, body, true);

        assertThat(text.getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(none.getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(node.metrics.rejectedCount(UplinkResource.CONTENT_FORMAT)).isEqualTo(before + 2);
    }

    @Test
    void pathsOutsideTheProtocolAreNotFoundAndCounted() throws Exception {
        double before = node.metrics.rejectedCount("pattern");
        byte[] body = bytes(Messages.telemetry("p-1", 1));

        CoapResponse other = client.post("/v2/sites/p-1/telemetry", JSON, body, true);
        CoapResponse longer = client.post("/v1/sites/p-1/telemetry/x", JSON, body, true);

        assertThat(other.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(longer.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(node.metrics.rejectedCount("pattern")).isEqualTo(before + 2);
    }

    @Test
    void badSiteOrChannelIsBadRequest() throws Exception {
        double pattern = node.metrics.rejectedCount("pattern");
        double channel = node.metrics.rejectedCount("enum");
        byte[] body = bytes(Messages.telemetry("p-2", 1));

        CoapResponse badSite = client.post("/v1/sites/Not_A_Site/telemetry", JSON, body, true);
        CoapResponse badChannel = client.post("/v1/sites/p-2/readings", JSON, body, true);

        assertThat(badSite.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(badChannel.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(node.metrics.rejectedCount("pattern")).isEqualTo(pattern + 1);
        assertThat(node.metrics.rejectedCount("enum")).isEqualTo(channel + 1);
    }

    @Test
    void wrongMethodIsNotAllowed() throws Exception {
        Request put = Request.newPut();
        put.getOptions().setContentFormat(JSON);
        put.setPayload(Messages.telemetry("m-1", 1));
        Request get = Request.newGet();
        Request post = Request.newPost();
        post.getOptions().setContentFormat(JSON);
        post.setPayload(Messages.status("m-1"));

        assertThat(client.send(put, "/v1/sites/m-1/telemetry").getCode())
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(client.send(get, "/v1/sites/m-1/telemetry").getCode())
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(client.send(post, "/v1/sites/m-1/status").getCode())
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
    }

    @Test
    void dispatchIsEmptyWithoutAnOrder() throws Exception {
        CoapResponse r = client.send(Request.newGet(), "/v1/sites/idle-1/dispatch");

        assertThat(r.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.getPayload()).isEmpty();
    }

    @Test
    void dispatchIsServedInTheAcceptedFormat() throws Exception {
        reported("get-1");
        DispatchOrder order = Messages.order("get-1", "d-get-1");
        node.issue(order);
        Request cbor = Request.newGet();
        cbor.getOptions().setAccept(CBOR);
        Request other = Request.newGet();
        other.getOptions().setAccept(MediaTypeRegistry.TEXT_PLAIN);

        CoapResponse plain = client.send(Request.newGet(), "/v1/sites/get-1/dispatch");
        CoapResponse inCbor = client.send(cbor, "/v1/sites/get-1/dispatch");
        CoapResponse refused = client.send(other, "/v1/sites/get-1/dispatch");

        assertThat(plain.getOptions().getContentFormat()).isEqualTo(JSON);
        assertThat(EdgeCodec.json().decodeDispatch(plain.getPayload())).isEqualTo(order);
        assertThat(inCbor.getOptions().getContentFormat()).isEqualTo(CBOR);
        assertThat(EdgeCodec.cbor().decodeDispatch(inCbor.getPayload())).isEqualTo(order);
        assertThat(refused.getCode()).isEqualTo(ResponseCode.NOT_ACCEPTABLE);
    }

    @Test
    void observersAreNotifiedOfANewOrderWithConfirmableNotifications() throws Exception {
        reported("obs-1");
        List<CoapResponse> seen = new CopyOnWriteArrayList<>();
        Request observe = Request.newGet();
        observe.setURI(node.uri() + "/v1/sites/obs-1/dispatch");
        observe.setObserve();
        observe.getOptions().setAccept(JSON);
        CoapObserveRelation relation =
                client.client()
                        .observe(
                                observe,
                                new CoapHandler() {
                                    @Override
                                    public void onLoad(CoapResponse response) {
                                        seen.add(response);
                                    }

                                    @Override
                                    public void onError() {}
                                });
        try {
            await().atMost(IngressNode.WAIT).until(() -> !seen.isEmpty());
            assertThat(seen.get(0).getPayload()).isEmpty();
            assertThat(seen.get(0).getOptions().hasObserve()).isTrue();

            DispatchOrder order = Messages.order("obs-1", "d-obs-1");
            node.issue(order);

            await().atMost(IngressNode.WAIT).until(() -> seen.size() >= 2);
            CoapResponse notification = seen.get(seen.size() - 1);
            assertThat(notification.advanced().isConfirmable()).isTrue();
            assertThat(notification.getOptions().hasObserve()).isTrue();
            assertThat(EdgeCodec.json().decodeDispatch(notification.getPayload())).isEqualTo(order);
        } finally {
            relation.proactiveCancel();
        }
    }

    private static void reported(String site) throws Exception {
        CoapResponse r =
                client.post(
                        "/v1/sites/" + site + "/telemetry",
                        JSON,
                        bytes(Messages.telemetry(site, 1)),
                        true);
        assertThat(r.getCode()).isEqualTo(ResponseCode.CREATED);
        assertThat(node.site(site)).isPresent();
    }
}
