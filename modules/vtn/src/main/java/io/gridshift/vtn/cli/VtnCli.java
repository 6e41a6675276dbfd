package io.gridshift.vtn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.Callable;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The VTN's operator command line: events listed, shown, created, modified and cancelled through
 * the VTN's REST API ({@code /api/v1/events}), plain or over the VTN's mutual TLS. Prints the VTN's
 * JSON answer; exits 1 with the VTN's problem when it refuses, 2 when it cannot be reached.
 *
 * <pre>
 * gridshift-vtn-cli --url https://vtn:8443 --key-store op.p12 --trust-store ca.p12 \
 *     events create event.json
 * gridshift-vtn-cli events modify evt-1 event.json --reason "longer"
 * gridshift-vtn-cli events cancel evt-1
 * </pre>
 */
@Command(
        name = "gridshift-vtn-cli",
        mixinStandardHelpOptions = true,
        version = "gridshift-vtn-cli 0.1",
        description = "Operate a Gridshift VTN's events through its REST API.",
        subcommands = {VtnCli.Events.class})
public final class VtnCli implements Callable<Integer> {
    @Option(
            names = "--url",
            defaultValue = "http://127.0.0.1:8080",
            description = "The VTN's base URL (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(
            names = "--key-store",
            description = "Your key and certificate (PKCS12) for mutual TLS.")
    Path keyStore;

    @Option(names = "--key-store-password", defaultValue = "", description = "Its password.")
    String keyStorePassword;

    @Option(names = "--trust-store", description = "The CAs the VTN's certificate chains to.")
    Path trustStore;

    @Option(names = "--trust-store-password", defaultValue = "", description = "Its password.")
    String trustStorePassword;

    @Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new VtnCli()).execute(args));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code events list|get|create|modify|cancel}. */
    @Command(name = "events", mixinStandardHelpOptions = true, description = "The VTN's events.")
    static final class Events {
        @ParentCommand VtnCli cli;

        @Command(name = "list", description = "Every event.")
        int list() {
            return cli.send("GET", "/api/v1/events", null);
        }

        @Command(name = "get", description = "One event, its status and each VEN's response.")
        int get(@Parameters(paramLabel = "ID") String id) {
            return cli.send("GET", "/api/v1/events/" + id, null);
        }

        @Command(name = "create", description = "Creates an event from a JSON file (- for stdin).")
        int create(@Parameters(paramLabel = "FILE") String file) {
            return cli.send("POST", "/api/v1/events", cli.read(file));
        }

        @Command(
                name = "modify",
                description = "Replaces an event's content (modification number + 1).")
        int modify(
                @Parameters(paramLabel = "ID") String id,
                @Parameters(paramLabel = "FILE") String file,
                @Option(names = "--reason", description = "Why, sent to the VENs.") String reason) {
            String body = cli.read(file);
            if (reason != null) {
                body = new io.vertx.core.json.JsonObject(body).put("reason", reason).encode();
            }
            return cli.send("PUT", "/api/v1/events/" + id, body);
        }

        @Command(name = "cancel", description = "Cancels an event.")
        int cancel(@Parameters(paramLabel = "ID") String id) {
            return cli.send("POST", "/api/v1/events/" + id + "/cancel", "");
        }
    }

    String read(String file) {
        try {
            if ("-".equals(file)) {
                InputStream in = System.in;
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "FILE: cannot read " + file + ": " + e.getMessage());
        }
    }

    int send(String method, String path, String body) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("content-type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> r =
                    client().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 == 2) {
                out.println(r.body());
                out.flush();
                return 0;
            }
            err.println("the VTN refused (HTTP " + r.statusCode() + "): " + r.body());
            err.flush();
            return 1;
        } catch (IOException e) {
            err.println("the VTN at " + url + " cannot be reached: " + e);
            err.flush();
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private HttpClient client() {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (keyStore != null || trustStore != null) {
            b.sslContext(tls());
        }
        return b.build();
    }

    private SSLContext tls() {
        try {
            KeyManagerFactory keys = null;
            if (keyStore != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(keyStore, keyStorePassword), keyStorePassword.toCharArray());
            }
            TrustManagerFactory trust = null;
            if (trustStore != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(trustStore, trustStorePassword));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    keys == null ? null : keys.getKeyManagers(),
                    trust == null ? null : trust.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--key-store/--trust-store: " + e.getMessage());
        }
    }

    private static KeyStore load(Path file, String password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
