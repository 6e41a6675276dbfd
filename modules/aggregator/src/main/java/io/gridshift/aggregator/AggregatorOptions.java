package io.gridshift.aggregator;

import io.gridshift.aggregator.api.auth.ApiAuthOptions;
import io.gridshift.aggregator.api.auth.ApiRole;
import io.gridshift.aggregator.cluster.ClusterOptions;
import io.gridshift.aggregator.coap.CoapDtlsOptions;
import io.gridshift.aggregator.dispatch.DispatchOptions;
import io.gridshift.aggregator.fleet.FleetOptions;
import io.gridshift.aggregator.ledger.LedgerOptions;
import io.gridshift.aggregator.mqtt.MqttIngressOptions;
import io.gridshift.aggregator.schedule.ScheduleServiceOptions;
import io.gridshift.aggregator.ven.VenOptions;
import io.gridshift.edge.codec.EdgeCodecOptions;
import io.gridshift.storage.db.StorageOptions;
import java.nio.file.Path;

/**
 * Everything a node needs; {@link #defaults()} is a single node with the embedded broker.
 *
 * @param cluster how the node joins the cluster
 * @param mqtt the MQTT ingress (external broker or embedded)
 * @param coapHost the address the CoAP server binds (default {@code 127.0.0.1})
 * @param coapPort its UDP port (default 5683; 0 picks a free one)
 * @param httpHost the address the REST API binds (default {@code 127.0.0.1})
 * @param httpPort its port (default 8080; 0 picks a free one)
 * @param siteRate messages a second one site may send to this node, sustained (default 20; 0: no
 *     limit)
 * @param siteBurst messages one site may send at once (default 200)
 * @param codec the edge protocol's decode limits
 * @param fleet how sites are kept
 * @param dispatch how orders are chased
 * @param ven the OpenADR 2.0b VEN towards a VTN; {@code null} (the default): none
 * @param api who may use the REST API (default: nobody until tokens or a JWT key are configured)
 * @param coapDtls DTLS on the CoAP ingress, keys per site; {@code null} (the default): plain CoAP
 * @param ledger the ledger (orders, acks, events, meter data, settlement); {@code null}: none (the
 *     default is an H2 file in {@code data/ledger})
 * @param schedule the day-ahead schedule service; {@code null} (the default): jobs reports and plan
 *     acks are still filed, but no node plans
 */
public record AggregatorOptions(
        ClusterOptions cluster,
        MqttIngressOptions mqtt,
        String coapHost,
        int coapPort,
        String httpHost,
        int httpPort,
        double siteRate,
        double siteBurst,
        EdgeCodecOptions codec,
        FleetOptions fleet,
        DispatchOptions dispatch,
        VenOptions ven,
        ApiAuthOptions api,
        CoapDtlsOptions coapDtls,
        LedgerOptions ledger,
        ScheduleServiceOptions schedule) {

    public static AggregatorOptions defaults() {
        return new AggregatorOptions(
                ClusterOptions.defaults(),
                MqttIngressOptions.defaults(),
                "127.0.0.1",
                5683,
                "127.0.0.1",
                8080,
                20,
                200,
                EdgeCodecOptions.defaults(),
                FleetOptions.defaults(),
                DispatchOptions.defaults(),
                null,
                ApiAuthOptions.defaults(),
                null,
                LedgerOptions.of(StorageOptions.h2File(Path.of("data", "ledger"))),
                null);
    }

    /**
     * Every port 0 (free ones), for tests and several nodes on one host; anonymous requests may
     * read the REST API (changes still need an operator's credential), no audit file.
     */
    public static AggregatorOptions ephemeral() {
        AggregatorOptions d = defaults();
        return d.withCluster(d.cluster().withMemberPort(0))
                .withMqtt(d.mqtt().withEmbeddedPort(0))
                .withPorts(0, 0)
                .withApi(d.api().withAnonymous(ApiRole.VIEWER).withAuditFile(null))
                .withLedger(null);
    }

    public AggregatorOptions withCluster(ClusterOptions c) {
        return new AggregatorOptions(
                c, mqtt, coapHost, coapPort, httpHost, httpPort, siteRate, siteBurst, codec, fleet,
                dispatch, ven, api, coapDtls, ledger, schedule);
    }

    public AggregatorOptions withMqtt(MqttIngressOptions m) {
        return new AggregatorOptions(
                cluster, m, coapHost, coapPort, httpHost, httpPort, siteRate, siteBurst, codec,
                fleet, dispatch, ven, api, coapDtls, ledger, schedule);
    }

    public AggregatorOptions withPorts(int coap, int http) {
        return new AggregatorOptions(
                cluster, mqtt, coapHost, coap, httpHost, http, siteRate, siteBurst, codec, fleet,
                dispatch, ven, api, coapDtls, ledger, schedule);
    }

    public AggregatorOptions withSiteRate(double perSecond, double burst) {
        return new AggregatorOptions(
                cluster, mqtt, coapHost, coapPort, httpHost, httpPort, perSecond, burst, codec,
                fleet, dispatch, ven, api, coapDtls, ledger, schedule);
    }

    public AggregatorOptions withFleet(FleetOptions f) {
        return new AggregatorOptions(
                cluster, mqtt, coapHost, coapPort, httpHost, httpPort, siteRate, siteBurst, codec,
                f, dispatch, ven, api, coapDtls, ledger, schedule);
    }

    public AggregatorOptions withDispatch(DispatchOptions d) {
        return new AggregatorOptions(
                cluster, mqtt, coapHost, coapPort, httpHost, httpPort, siteRate, siteBurst, codec,
                fleet, d, ven, api, coapDtls, ledger, schedule);
    }

    /** With a VEN towards the VTN {@code v} names; {@code null}: no VEN. */
    public AggregatorOptions withVen(VenOptions v) {
        return new AggregatorOptions(
                cluster, mqtt, coapHost, coapPort, httpHost, httpPort, siteRate, siteBurst, codec,
                fleet, dispatch, v, api, coapDtls, ledger, schedule);
    }

    /** With the REST API's credentials and limits {@code a}. */
    public AggregatorOptions withApi(ApiAuthOptions a) {
        return new AggregatorOptions(
                cluster, mqtt, coapHost, coapPort, httpHost, httpPort, siteRate, siteBurst, codec,
                fleet, dispatch, ven, a, coapDtls, ledger, schedule);
    }

    /** With DTLS on the CoAP ingress; {@code null}: plain CoAP. */
    public AggregatorOptions withCoapDtls(CoapDtlsOptions c) {
        return new AggregatorOptions(
                cluster, mqtt, coapHost, coapPort, httpHost, httpPort, siteRate, siteBurst, codec,
                fleet, dispatch, ven, api, c, ledger, schedule);
    }

    public AggregatorOptions withLedger(LedgerOptions l) {
        return new AggregatorOptions(
                cluster, mqtt, coapHost, coapPort, httpHost, httpPort, siteRate, siteBurst, codec,
                fleet, dispatch, ven, api, coapDtls, l, schedule);
    }

    /** With the day-ahead schedule service {@code s}; {@code null}: no node plans. */
    public AggregatorOptions withSchedule(ScheduleServiceOptions s) {
        return new AggregatorOptions(
                cluster, mqtt, coapHost, coapPort, httpHost, httpPort, siteRate, siteBurst, codec,
                fleet, dispatch, ven, api, coapDtls, ledger, s);
    }
}
