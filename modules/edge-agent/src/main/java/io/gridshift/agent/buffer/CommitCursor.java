package io.gridshift.agent.buffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index of the first record not yet confirmed sent, in the file {@code cursor} ({@code
 * gridshift-buffer-cursor 1 <index>}), replaced atomically (temporary file, then rename). Losing an
 * update only ever makes records come back that were sent already, which the aggregator drops by
 * their {@code seq}; it never loses one. So an unreadable cursor counts as zero.
 */
final class CommitCursor {
    private static final Logger LOG = LoggerFactory.getLogger(CommitCursor.class);
    private static final String MAGIC = "gridshift-buffer-cursor 1 ";

    private final Path file;
    private final Path tmp;

    CommitCursor(Path folder) {
        this.file = folder.resolve("cursor");
        this.tmp = folder.resolve("cursor.tmp");
    }

    long read() throws IOException {
        Files.deleteIfExists(tmp);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return 0;
        }
        if (text.startsWith(MAGIC)) {
            try {
                long index = Long.parseLong(text.substring(MAGIC.length()));
                if (index >= 0) {
                    return index;
                }
            } catch (NumberFormatException e) {
                LOG.debug("Bad cursor number: {}", e.getMessage());
            }
        }
        LOG.warn("Unreadable buffer cursor {}; every buffered record will be sent again", file);
        return 0;
    }

    void write(long index, boolean durable) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((MAGIC + index + "\n").getBytes(StandardCharsets.UTF_8));
        try (FileChannel ch =
                FileChannel.open(
                        tmp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            if (durable) {
                ch.force(true);
            }
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (durable) {
            syncFolder();
        }
    }

    private void syncFolder() {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot fsync the folder of {}: {}", file, e.toString());
        }
    }
}
