package org.jovn.ovsdb.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** File-system steps shared by {@link LogFile}: directory fsync and atomic replacement. */
final class FileSupport {
    private static final Logger LOG = LoggerFactory.getLogger(FileSupport.class);

    private FileSupport() {}

    /**
     * Fsyncs the directory holding {@code file} so that a new or renamed entry is durable.
     * File systems that cannot fsync a directory are tolerated (logged at DEBUG).
     */
    static void fsyncParentDir(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
        }
    }

    /**
     * Writes {@code records} to {@code DB.tmp} next to the real file behind {@code db}, fsyncs
     * it, renames it over the real file and fsyncs the directory, like ovsdb_log_replace().
     *
     * @return the new file, open for reading and writing and positioned at its end; the
     *     caller owns it
     * @throws StorageException on failure, after removing the temporary file
     */
    static FileChannel writeReplacement(Path db, List<? extends JsonNode> records) {
        Path target;
        try {
            target = db.toRealPath();
        } catch (IOException e) {
            throw new StorageException(db + ": cannot resolve path", e);
        }
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        FileChannel ch = null;
        try {
            Files.deleteIfExists(tmp);
            ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            for (JsonNode record : records) {
                ByteBuffer bytes = ByteBuffer.wrap(RecordCodec.encode(record));
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
            }
            ch.force(true);
            move(tmp, target);
            fsyncParentDir(target);
            return ch;
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof StorageException se ? se
                    : new StorageException(db + ": cannot replace with " + tmp, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new StorageException("failed to rename \"" + from + "\" to \"" + to
                    + "\" atomically", e);
        }
    }

    static void closeQuietly(FileChannel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException e) {
            LOG.debug("cannot close file: {}", e.toString());
        }
    }
}
