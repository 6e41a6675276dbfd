package io.gridshift.aggregator.schedule;

import io.gridshift.aggregator.metrics.AggregatorMetrics;
import io.gridshift.aggregator.ven.GridEventLog;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.optimizer.signals.SignalCsv;
import io.gridshift.optimizer.signals.ZoneSignal;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the {@link SignalStore}: every {@code *.csv} in the signals folder (read again when its
 * modification time changes), the HTTP feed (the same CSV format, polled), and the OpenADR events
 * the VEN publishes on the event bus. A bad file or answer is logged with the file, line and column
 * the optimizer's CSV reader names, counted ({@code gridshift_schedule_signal_errors_total}), and
 * changes nothing; the other feeds go on.
 */
public final class SignalFeeds implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignalFeeds.class);

    private final SignalStore store;
    private final ScheduleServiceOptions options;
    private final AggregatorMetrics metrics;
    private final ScheduledExecutorService timer;
    private final Map<Path, FileTime> seen = new HashMap<>();
    private final HttpClient http;
    private MessageConsumer<JsonObject> events;
    private String lastFeed;

    public SignalFeeds(
            SignalStore store, ScheduleServiceOptions options, AggregatorMetrics metrics) {
        this.store = store;
        this.options = options;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "gridshift-signals");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Starts polling the folder and the feed, and listening to grid events on {@code bus}. */
    public void start(EventBus bus) {
        if (options.signalsFolder() != null) {
            timer.scheduleWithFixedDelay(
                    this::scanFolder, 0, options.feedInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
        if (options.feedUrl() != null) {
            timer.scheduleWithFixedDelay(
                    this::pollFeed, 0, options.feedInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
        if (bus != null) {
            events = bus.consumer(GridEventLog.ADDRESS, m -> onEvent(m.body()));
        }
    }

    /** Reads the folder now (also called by the timer). */
    public void scanFolder() {
        Path folder = options.signalsFolder();
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.csv")) {
            for (Path f : files) {
                FileTime modified = Files.getLastModifiedTime(f);
                if (modified.equals(seen.get(f))) {
                    continue;
                }
                seen.put(f, modified);
                load(f.getFileName().toString(), () -> SignalCsv.read(f), "file:" + f);
            }
        } catch (IOException e) {
            LOG.warn("Cannot list the signals folder {}: {}", folder, e.toString());
        }
    }

    /** Polls the feed now (also called by the timer); an unchanged answer changes nothing. */
    public void pollFeed() {
        URI url = options.feedUrl();
        try {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(url)
                                    .timeout(Duration.ofSeconds(10))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                metrics.signalError("http_status");
                LOG.warn("Signal feed {} answered {}", url, r.statusCode());
                return;
            }
            if (r.body().equals(lastFeed)) {
                return;
            }
            lastFeed = r.body();
            load("feed", () -> SignalCsv.parse("feed", new StringReader(r.body())), "http:" + url);
        } catch (IOException e) {
            metrics.signalError("http_unreachable");
            LOG.warn("Signal feed {} unreachable: {}", url, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Reader {
        Map<GridZone, ZoneSignal> read();
    }

    private void load(String name, Reader reader, String source) {
        try {
            Map<GridZone, ZoneSignal> signals = reader.read();
            store.put(signals, source);
            metrics.signalsLoaded(source.substring(0, source.indexOf(':')), signals.size());
            LOG.info("Signals of {} zone(s) from {}", signals.size(), source);
        } catch (GridshiftException e) {
            metrics.signalError(e.reason());
            LOG.warn("Refused signals from {}: {}", name, e.getMessage());
        } catch (UncheckedIOException e) {
            metrics.signalError("unreadable");
            LOG.warn("Cannot read signals from {}: {}", name, e.toString());
        }
    }

    /** An OpenADR event: its absolute prices become overlays of the zones it targets. */
    void onEvent(JsonObject event) {
        try {
            List<SignalStore.PriceOverlay> prices = EventPrices.prices(event);
            List<GridZone> zones = EventPrices.zones(event);
            if (zones.isEmpty()) {
                // addressed to everyone: every zone we have a forecast for
                zones = List.copyOf(store.sources().keySet());
            }
            if (!prices.isEmpty()) {
                store.overlay(zones, prices);
                metrics.signalsLoaded("openadr", zones.size());
                LOG.info("Event {} sets prices in {}", event.getString("eventId"), zones);
            }
        } catch (RuntimeException e) {
            metrics.signalError("event");
            LOG.warn(
                    "Cannot read prices of event {}: {}", event.getString("eventId"), e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (events != null) {
            events.unregister();
        }
    }
}
