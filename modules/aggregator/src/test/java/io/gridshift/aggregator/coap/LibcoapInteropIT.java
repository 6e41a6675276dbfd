package io.gridshift.aggregator.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.codec.EdgeCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CoAP ingress against a peer written elsewhere: libcoap's command-line client (Debian's {@code
 * libcoap3-bin}), so that the server is checked against another reading of RFC 7252 and RFC 7641
 * than Californium's. The build machine must have it ({@code .ci/run} installs it).
 */
class LibcoapInteropIT {
    private static final Path CLIENT = Path.of("/usr/bin/coap-client-notls");

    private final List<Process> processes = new ArrayList<>();
    private IngressNode node;

    @TempDir Path dir;

    @BeforeEach
    void start() throws Exception {
        assertThat(Files.isExecutable(CLIENT))
                .as(CLIENT + " must be installed (apt-get install libcoap3-bin; .ci/run does it)")
                .isTrue();
        node = new IngressNode();
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : processes) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void telemetryPostedByLibcoapIsFiled() throws Exception {
        Result r = post("lib-1", Messages.telemetry("lib-1", 42));

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(node.site("lib-1"))
                .hasValueSatisfying(s -> assertThat(s.latest().seq()).isEqualTo(42));
    }

    @Test
    void libcoapObservingTheDispatchResourceReceivesAnIssuedOrder() throws Exception {
        assertThat(post("lib-2", Messages.telemetry("lib-2", 1)).exitCode()).isZero();
        Path out = dir.resolve("observe.out");
        start(
                out,
                CLIENT.toString(),
                "-s",
                "30",
                "-m",
                "get",
                node.uri() + "/v1/sites/lib-2/dispatch");
        await().atMost(IngressNode.WAIT).until(() -> node.coap.observers(SiteId.of("lib-2")) == 1);

        DispatchOrder order = Messages.order("lib-2", "d-lib-2");
        node.issue(order);

        String json = new String(EdgeCodec.json().encode(order), StandardCharsets.UTF_8);
        await().atMost(IngressNode.WAIT).until(() -> read(out).contains(json));
    }

    private Result post(String site, String json) throws Exception {
        Path out = dir.resolve(site + "-post.out");
        Process p =
                start(
                        out,
                        CLIENT.toString(),
                        "-m",
                        "post",
                        "-t",
                        "50",
                        "-e",
                        json,
                        node.uri() + "/v1/sites/" + site + "/telemetry");
        assertThat(p.waitFor(IngressNode.WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("coap-client exits")
                .isTrue();
        return new Result(p.exitValue(), read(out));
    }

    private Process start(Path out, String... command) throws IOException {
        Process p =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();
        processes.add(p);
        return p;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private record Result(int exitCode, String output) {}
}
