package io.gridshift.bench.aggregator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lean CoAP load generator: NON POSTs of JSON telemetry written byte by byte (RFC 7252 §3) on a
 * plain {@link DatagramChannel}, and a reader thread that counts the responses by class. It exists
 * because Californium's client endpoints, built for correctness (exchange tracking, deduplication,
 * observers), took about a third of the two cores in the load run, starving the node it measures;
 * this sender costs a few percent. Interoperability is proved elsewhere (libcoap's {@code
 * coap-client} in {@code LibcoapInteropIT}, the edge agent's Californium transport); here only the
 * node's throughput matters.
 *
 * <p>The node deduplicates NON messages by (peer, message id) for {@code NON_LIFETIME} (145 s), and
 * numbers its own NON responses to one peer from the same 16-bit space, so the sender moves to a
 * fresh UDP port every 30,000 requests (at 60,000 the node ran out of response ids and stalled).
 */
final class RawCoapSender extends Thread implements CoapIngestLoad.LoadSender {
    private static final int NON_POST = 0x50 | 4; // version 1, type NON, token length 4
    private static final int POST = 0x02;
    private static final int URI_PATH = 11;
    private static final int CONTENT_FORMAT = 12;
    private static final int JSON = 50;
    private static final int IDS_PER_PORT = 30_000;
    private static final int MAX_OUTSTANDING = 1_000;

    private final InetSocketAddress server;
    private final String[] sites;
    private final byte[][] heads;
    private final byte[] tail;
    private final ByteBuffer out = ByteBuffer.allocateDirect(1_500);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;
    private volatile long ports;

    RawCoapSender(int index, int of, int siteCount, InetSocketAddress server, String ts) {
        super("bench-raw-coap-" + index);
        setDaemon(true);
        this.server = server;
        int mine = (siteCount - index + of - 1) / of;
        sites = new String[mine];
        heads = new byte[mine][];
        for (int k = 0; k < mine; k++) {
            sites[k] = LoadSupport.site(index + k * of);
            heads[k] =
                    ("{\"v\":1,\"site\":\"" + sites[k] + "\",\"seq\":")
                            .getBytes(StandardCharsets.US_ASCII);
        }
        tail =
                (",\"ts\":\""
                                + ts
                                + "\",\"facilityKw\":1000.5,\"itKw\":800,"
                                + "\"gridImportKw\":1000.5,\"onsiteGenKw\":0}")
                        .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void run() {
        try {
            Port port = new Port();
            int mid = 0;
            for (long seq = 1; running; seq++) {
                byte[] digits = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
                for (int k = 0; k < sites.length && running; k++) {
                    if (mid == IDS_PER_PORT) {
                        port.retire();
                        port = new Port();
                        mid = 0;
                    }
                    waitForWindow(port);
                    write(mid++, k, digits);
                    port.channel.send(out, server);
                    sent.incrementAndGet();
                    port.sent++;
                }
            }
            port.retire();
        } catch (IOException e) {
            throw new IllegalStateException(getName() + " failed", e);
        }
    }

    @Override
    public void halt() {
        running = false;
    }

    @Override
    public long sent() {
        return sent.get();
    }

    @Override
    public long ok() {
        return ok.get();
    }

    @Override
    public long failed() {
        return failed.get();
    }

    @Override
    public long ports() {
        return ports;
    }

    private void waitForWindow(Port port) {
        long waitUntil = System.nanoTime() + 200_000_000L;
        while (port.sent - port.answered.get() > MAX_OUTSTANDING && System.nanoTime() < waitUntil) {
            LoadSupport.park(Duration.ofNanos(50_000));
        }
    }

    /** One NON POST to {@code /v1/sites/{site}/telemetry}, Content-Format 50, into {@code out}. */
    private void write(int mid, int k, byte[] digits) {
        out.clear();
        out.put((byte) NON_POST).put((byte) POST).putShort((short) mid);
        out.putInt(mid);
        option(URI_PATH, "v1");
        option(0, "sites");
        option(0, sites[k]);
        option(0, "telemetry");
        out.put((byte) ((CONTENT_FORMAT - URI_PATH) << 4 | 1)).put((byte) JSON);
        out.put((byte) 0xFF).put(heads[k]).put(digits).put(tail);
        out.flip();
    }

    private void option(int delta, String value) {
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        if (v.length < 13) {
            out.put((byte) (delta << 4 | v.length));
        } else {
            out.put((byte) (delta << 4 | 13)).put((byte) (v.length - 13));
        }
        out.put(v);
    }

    /** A UDP port with its reader; the node answers each NON request with a NON response. */
    private final class Port {
        final DatagramChannel channel;
        final AtomicLong answered = new AtomicLong();
        final Thread reader;
        long sent;

        Port() throws IOException {
            channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            channel.bind(new InetSocketAddress("127.0.0.1", 0));
            ports++;
            reader = new Thread(this::read, getName() + "-reader-" + ports);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            ByteBuffer in = ByteBuffer.allocateDirect(1_500);
            try {
                while (channel.isOpen()) {
                    in.clear();
                    channel.receive(in);
                    if (in.position() < 2) {
                        continue;
                    }
                    answered.incrementAndGet();
                    int code = in.get(1) & 0xFF;
                    if (code >> 5 == 2) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
            } catch (IOException closed) {
                // retired: the answers still in flight are not counted
            }
        }

        /** Closes the port two seconds later, when the answers in flight are in. */
        void retire() {
            CompletableFuture.runAsync(
                    this::close, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
        }

        private void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to read from it
            }
        }
    }
}
