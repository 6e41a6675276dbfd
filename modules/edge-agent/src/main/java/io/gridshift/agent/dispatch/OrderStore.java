package io.gridshift.agent.dispatch;

import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write-ahead store of the orders the agent has promised to carry out, so that they survive a
 * restart: one file per dispatch id ({@code <dispatchId>.order}) holding its latest revision and
 * state. Ids follow {@code [a-z0-9][a-z0-9-]{0,62}}, so they are safe file names.
 *
 * <p>Every write goes to a temporary file that is fsynced and then atomically moved over the old
 * one (and the folder is fsynced), so a crash leaves either the old or the new file, never a torn
 * one. File format, UTF-8:
 *
 * <pre>
 * gridshift-order 1
 * state: ACTIVE
 * reason: apply_failed: ...        (empty when there is none)
 *
 * {"v":1,"dispatchId":...}         (the order's body, as written by the {@link OrderCodec})
 * </pre>
 *
 * A file that cannot be read is renamed to {@code *.corrupt} and counted, never silently dropped.
 * Not thread-safe: the executor calls it under its own lock.
 */
public final class OrderStore {
    private static final Logger LOG = LoggerFactory.getLogger(OrderStore.class);
    static final String MAGIC = "gridshift-order 1";
    static final String SUFFIX = ".order";
    private static final String TMP_SUFFIX = ".tmp";

    private final Path folder;
    private final OrderCodec codec;
    private final boolean fsync;
    private long corruptFiles;

    /** A durable store in {@code folder} that keeps order bodies as the edge protocol's JSON. */
    public static OrderStore open(Path folder) {
        return new OrderStore(folder, OrderCodec.edgeJson(), true);
    }

    /**
     * @param fsync whether a save waits for the disk. Only simulators that run many agents faster
     *     than real time turn it off: the writes stay atomic, but a power cut may then lose the
     *     last ones.
     */
    public OrderStore(Path folder, OrderCodec codec, boolean fsync) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.fsync = fsync;
    }

    public Path folder() {
        return folder;
    }

    /** Files found unreadable by {@link #loadAll()} and set aside as {@code *.corrupt}. */
    public long corruptFiles() {
        return corruptFiles;
    }

    /** Replaces the file of {@code record}'s dispatch id; durable when this returns. */
    public void save(OrderRecord record) {
        Path target = fileOf(record.order().id());
        Path tmp = target.resolveSibling(target.getFileName() + TMP_SUFFIX);
        try {
            Files.createDirectories(folder);
            try (FileChannel ch =
                    FileChannel.open(
                            tmp,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(format(record));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                if (fsync) {
                    ch.force(true);
                }
            }
            Files.move(
                    tmp,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            syncFolder();
        } catch (IOException e) {
            throw unavailable("cannot write " + target, e);
        }
    }

    /** Forgets an order; nothing happens when it has no file. */
    public void delete(DispatchId id) {
        try {
            if (Files.deleteIfExists(fileOf(id))) {
                syncFolder();
            }
        } catch (IOException e) {
            throw unavailable("cannot delete " + fileOf(id), e);
        }
    }

    /** Every readable record, in no particular order; leftovers of interrupted writes go away. */
    public List<OrderRecord> loadAll() {
        List<OrderRecord> records = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return records;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(TMP_SUFFIX)) {
                    Files.deleteIfExists(file);
                } else if (name.endsWith(SUFFIX)) {
                    read(file).ifPresent(records::add);
                }
            }
        } catch (IOException e) {
            throw unavailable("cannot read " + folder, e);
        }
        return records;
    }

    private Optional<OrderRecord> read(Path file) throws IOException {
        try {
            OrderRecord record = parse(Files.readAllBytes(file));
            String expected = record.order().id() + SUFFIX;
            if (!file.getFileName().toString().equals(expected)) {
                throw new IllegalStateException("holds " + expected);
            }
            return Optional.of(record);
        } catch (RuntimeException e) {
            corruptFiles++;
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            LOG.error("Unreadable order file {} set aside as {}: {}", file, aside, e.toString());
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return Optional.empty();
        }
    }

    byte[] format(OrderRecord record) {
        String head =
                MAGIC
                        + "\nstate: "
                        + record.state().name()
                        + "\nreason: "
                        + (record.reason() == null ? "" : record.reason())
                        + "\n\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] body = codec.encode(record.order());
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    OrderRecord parse(byte[] bytes) {
        int end = headEnd(bytes);
        String[] lines = new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length != 3 || !lines[0].equals(MAGIC)) {
            throw new IllegalArgumentException("not a " + MAGIC + " file");
        }
        OrderState state = OrderState.valueOf(field(lines[1], "state"));
        String reason = field(lines[2], "reason");
        byte[] body = new byte[bytes.length - end - 2];
        System.arraycopy(bytes, end + 2, body, 0, body.length);
        return new OrderRecord(codec.decode(body), state, reason.isEmpty() ? null : reason);
    }

    private static int headEnd(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("no blank line after the header");
    }

    private static String field(String line, String name) {
        String prefix = name + ": ";
        if (!line.startsWith(prefix)) {
            throw new IllegalArgumentException("expected '" + prefix + "', got '" + line + "'");
        }
        return line.substring(prefix.length());
    }

    private Path fileOf(DispatchId id) {
        return folder.resolve(id.value() + SUFFIX);
    }

    /** Makes the rename itself durable; some platforms cannot open a folder, which is harmless. */
    private void syncFolder() {
        if (!fsync) {
            return;
        }
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot fsync folder {}: {}", folder, e.toString());
        }
    }

    private static GridshiftException unavailable(String message, IOException cause) {
        return new GridshiftException(
                ErrorKind.UNAVAILABLE, "store_unavailable", message + ": " + cause, cause);
    }
}
