package io.gridshift.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * HiveMQ Community Edition in this JVM: MQTT v5 with shared subscriptions and retained messages,
 * kept in memory. The aggregator starts one when no external broker is configured (a single node's
 * default); tests embed one as a real broker. Logging goes through the host's SLF4J binding.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {
    private static final long TIMEOUT_S = 60;

    private final String bindAddress;
    private final int port;
    private final Path folder;
    private EmbeddedHiveMQ hiveMq;

    /**
     * @param bindAddress the address the TCP listener binds, e.g. {@code 127.0.0.1} or {@code
     *     0.0.0.0}
     * @param port the listener's port
     * @param folder a folder HiveMQ may write its configuration, data and (empty) extensions to
     */
    public EmbeddedMqttBroker(String bindAddress, int port, Path folder) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port: must be between 1 and 65535, got " + port);
        }
        this.bindAddress = bindAddress;
        this.port = port;
        this.folder = folder;
        try {
            Path conf = Files.createDirectories(folder.resolve("conf"));
            Files.createDirectories(folder.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), config(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the broker's folders in " + folder, e);
        }
    }

    private String config() {
        return """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>%s</bind-address>
                    </tcp-listener>
                  </listeners>
                  <persistence><mode>in-memory</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """
                .formatted(port, bindAddress);
    }

    public int port() {
        return port;
    }

    /** {@code tcp://{bindAddress or loopback}:{port}}, for clients in this host. */
    public String uri() {
        String host = "0.0.0.0".equals(bindAddress) ? "127.0.0.1" : bindAddress;
        return "tcp://" + host + ":" + port;
    }

    /** Starts the broker and returns once it listens; a started broker is left as it is. */
    public synchronized void start() {
        if (hiveMq != null) {
            return;
        }
        EmbeddedHiveMQ broker =
                EmbeddedHiveMQ.builder()
                        .withConfigurationFolder(folder.resolve("conf"))
                        .withDataFolder(folder.resolve("data"))
                        .withExtensionsFolder(folder.resolve("extensions"))
                        .withoutLoggingBootstrap()
                        .build();
        try {
            broker.start().get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the MQTT broker", e);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the embedded MQTT broker did not start on " + bindAddress + ":" + port, e);
        }
        hiveMq = broker;
    }

    /** Stops the broker; its sessions and retained messages are gone with it. */
    public synchronized void stop() {
        if (hiveMq == null) {
            return;
        }
        try {
            hiveMq.stop().get(TIMEOUT_S, TimeUnit.SECONDS);
            hiveMq.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the MQTT broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("the embedded MQTT broker did not stop", e);
        } finally {
            hiveMq = null;
        }
    }

    public synchronized boolean isRunning() {
        return hiveMq != null;
    }

    @Override
    public void close() {
        stop();
    }
}
