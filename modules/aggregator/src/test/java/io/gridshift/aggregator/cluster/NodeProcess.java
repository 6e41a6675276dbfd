package io.gridshift.aggregator.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One aggregator node in a JVM of its own ({@link ClusterNodeMain}), started from the test's own
 * class path with the JVM flags Hazelcast needs; its output goes to {@code node.log} in its folder.
 * {@link #kill()} is {@code kill -9}.
 */
final class NodeProcess implements AutoCloseable {
    final String name;
    final Path folder;
    final int memberPort;
    private final Process process;
    private final CompletableFuture<String[]> up = new CompletableFuture<>();

    NodeProcess(String name, Path folder, int memberPort, Map<String, String> props, long loopMs)
            throws IOException {
        this.name = name;
        this.folder = folder;
        this.memberPort = memberPort;
        Files.createDirectories(folder);
        StringBuilder text = new StringBuilder();
        props.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path file = folder.resolve("aggregator.properties");
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx320m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dlogback.configurationFile=" + logback(folder));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ClusterNodeMain.class.getName());
        cmd.add(file.toString());
        cmd.add(Long.toString(loopMs));
        this.process =
                new ProcessBuilder(cmd)
                        .directory(folder.toFile())
                        .redirectErrorStream(true)
                        .start();
        Thread reader = new Thread(this::read, "node-output-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Logs INFO to the node's folder, so that a failing run can be read afterwards. */
    private static Path logback(Path folder) throws IOException {
        Path f = folder.resolve("logback.xml");
        Files.writeString(
                f,
                "<configuration><appender name=\"F\" class=\"ch.qos.logback.core.FileAppender\">"
                        + "<file>"
                        + folder.resolve("node.log")
                        + "</file><encoder><pattern>%d{HH:mm:ss.SSS} [%thread] %-5level"
                        + " %logger{20} %msg%n</pattern></encoder></appender>"
                        + "<logger name=\"com.hazelcast\" level=\"WARN\"/>"
                        + "<root level=\"INFO\"><appender-ref ref=\"F\"/></root></configuration>",
                StandardCharsets.UTF_8);
        return f;
    }

    private void read() {
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("node-up ")) {
                    up.complete(line.split(" "));
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        up.completeExceptionally(new IllegalStateException(name + " exited; see " + folder));
    }

    /** Waits until the node serves; returns its node id. */
    String awaitUp(Duration timeout) throws Exception {
        return up.get(timeout.toMillis(), TimeUnit.MILLISECONDS)[1];
    }

    String nodeId() {
        return up.join()[1];
    }

    int httpPort() {
        return Integer.parseInt(up.join()[2]);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no goodbye to the cluster. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the node leaves the cluster and closes its clients. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
