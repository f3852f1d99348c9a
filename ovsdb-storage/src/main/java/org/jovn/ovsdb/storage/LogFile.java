package org.jovn.ovsdb.storage;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone OVSDB database file opened for appending, with ovsdb-server's recovery, locking
 * and compaction behaviour.
 *
 * <p><b>Opening.</b> {@link #open} reads and validates every record (length and SHA-1 of each),
 * feeding the good ones to a callback. The first torn or corrupt record (short read, bad header,
 * bad hash, invalid JSON, not an object) ends the read: it and everything after it, even good
 * records, are discarded and the file is truncated back to the end of the last good record, as
 * ovsdb-server does; a WARN log names the offset and the reason. {@link #create} makes a new,
 * empty file and fails if one exists. Both take the lock file {@code .NAME.~lock~} (see
 * {@link DatabaseLockedException}). {@link #readAll} reads without locking or truncating.
 *
 * <p><b>Fsync policy (group commit).</b> {@link #append} only encodes the record into an
 * in-memory buffer and returns a <em>ticket</em>, a number that grows by one per record. The
 * buffer is handed to the operating system by {@link #flush}, automatically when it exceeds
 * {@value #AUTO_FLUSH_BYTES} bytes, and by {@link #sync}. Nothing is durable until
 * {@link #sync} returns: it writes the buffer and calls {@link FileChannel#force force(false)}
 * (fdatasync, as ovsdb_log_commit_block()), then returns the highest durable ticket. A server
 * appends the records of many transactions, calls {@code sync()} once, and acknowledges exactly
 * the transactions whose tickets are {@code <=} the returned value. A failed write truncates the
 * file back to the last complete record and leaves this log broken: every later call throws.
 *
 * <p><b>Compaction.</b> {@link #replaceWith} writes a new file {@code NAME.tmp} in the same
 * directory, fsyncs it, renames it over the database atomically, fsyncs the directory and
 * continues appending to the new file. {@link CompactionPolicy} says when to do it.
 *
 * <p><b>Threading and ownership.</b> Not thread-safe: one writer thread owns an instance. The
 * caller owns it and must {@link #close} it, which flushes (without fsync), closes the file and
 * releases the lock.
 */
public final class LogFile implements AutoCloseable {
    /** Buffered bytes above which {@link #append} writes through to the OS (without fsync). */
    public static final int AUTO_FLUSH_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(LogFile.class);

    private final Path path;
    private final LockFile lock;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private FileChannel channel;
    private long offset; // bytes handed to the OS

    private long base;
    private long records;
    private long lastTicket;
    private volatile long flushedTicket;
    private long durableTicket; // guarded by this once force() is used
    private StorageException broken;

    private LogFile(Path path, LockFile lock, FileChannel channel, long offset, long base, long records) {
        this.path = path;
        this.lock = lock;
        this.channel = channel;
        this.offset = offset;
        this.base = base;
        this.records = records;
    }

    /**
     * Creates a new, empty database file and locks it; the caller appends the schema first.
     *
     * @throws StorageException if the file exists or cannot be created
     * @throws DatabaseLockedException if the lock file is held
     */
    public static LogFile create(Path path) {
        LockFile lock = LockFile.acquire(path);
        try {
            FileChannel ch = FileChannel.open(path, CREATE_NEW, READ, WRITE);
            FileSupport.fsyncParentDir(path);
            return new LogFile(path, lock, ch, 0, 0, 0);
        } catch (IOException | RuntimeException e) {
            throw openFailed(path, "create", e, null, lock);
        }
    }

    /**
     * Opens an existing database file for reading and appending. Every good record is passed
     * to {@code sink} in order before this method returns; a corrupt tail is truncated.
     *
     * @throws UnsupportedFormatException for a clustered database file
     * @throws DatabaseLockedException if the lock file is held
     * @throws StorageException if the file does not exist or cannot be read
     */
    public static LogFile open(Path path, Consumer<? super JsonNode> sink) {
        Objects.requireNonNull(sink, "sink");
        LockFile lock = LockFile.acquire(path);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, READ, WRITE);
            var result = new LogScanner(path.toString(), ch).scan((json, end) -> sink.accept(json));
            if (!result.clean()) {
                LOG.warn("{}; discarding {} bytes from offset {} to end of file", result.error(),
                        result.fileSize() - result.goodEnd(), result.goodEnd());
                ch.truncate(result.goodEnd());
                ch.force(true);
            }
            return new LogFile(path, lock, ch, result.goodEnd(), result.base(), result.records());
        } catch (IOException | RuntimeException e) {
            throw openFailed(path, "open", e, ch, lock);
        }
    }

    private static StorageException openFailed(Path path, String op, Exception e,
            FileChannel ch, LockFile lock) {
        FileSupport.closeQuietly(ch);
        lock.close();
        String why = e instanceof FileAlreadyExistsException ? " (file exists)"
                : e instanceof NoSuchFileException ? " (no such file)" : "";
        return e instanceof StorageException se ? se
                : new StorageException(path + ": " + op + " failed" + why, e);
    }

    /**
     * Reads the good records of a database file without locking or modifying it; a corrupt
     * tail is ignored (and logged at WARN).
     *
     * @return an unmodifiable list of the records, schema first
     * @throws UnsupportedFormatException for a clustered database file
     * @throws StorageException if the file cannot be read
     */
    public static List<JsonNode> readAll(Path path) {
        List<JsonNode> out = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(path, READ)) {
            var result = new LogScanner(path.toString(), ch).scan((json, end) -> out.add(json));
            if (!result.clean()) {
                LOG.warn("{}; ignoring {} bytes from offset {} to end of file", result.error(),
                        result.fileSize() - result.goodEnd(), result.goodEnd());
            }
        } catch (IOException e) {
            throw new StorageException(path + ": open failed", e);
        }
        return List.copyOf(out);
    }

    /**
     * Buffers {@code record} (a JSON object) for writing. Not durable until {@link #sync}.
     *
     * @return the record's ticket, to compare with the value {@link #sync} returns
     * @throws StorageException if an earlier write failed or an automatic flush fails
     */
    public long append(JsonNode record) {
        checkUsable();
        if (!record.isObject()) {
            throw new IllegalArgumentException("record must be a JSON object: " + record.getNodeType());
        }
        buffer.writeBytes(RecordCodec.encode(record));
        records++;
        long ticket = ++lastTicket;
        if (buffer.size() > AUTO_FLUSH_BYTES) {
            flush();
        }
        return ticket;
    }

    /**
     * Hands buffered records to the operating system without waiting for the disk.
     *
     * @throws StorageException if the write fails (the log is then broken)
     */
    public void flush() {
        checkUsable();
        if (buffer.size() == 0) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap(buffer.toByteArray());
        try {
            channel.position(offset);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            fail(e, "write failed");
        }
        offset += buffer.size();
        buffer.reset();
        flushedTicket = lastTicket;
    }

    /**
     * Writes buffered records and forces them to disk.
     *
     * @return the highest ticket now durable (every record appended so far)
     * @throws StorageException if writing or fsync fails (the log is then broken)
     */
    /**
     * Forces to disk everything {@link #flush flushed} before this call, returning the highest
     * ticket that is now durable. Unlike the other methods this one may run on another thread,
     * concurrently with {@link #append} and {@link #flush} (so that a writer keeps working while
     * the disk syncs), but not concurrently with {@link #replaceWith} or {@link #close}.
     */
    public long force() {
        long ticket = flushedTicket;
        FileChannel ch = channel;
        try {
            ch.force(false);
        } catch (IOException e) {
            throw new StorageException(path + ": fsync failed", e);
        }
        synchronized (this) {
            durableTicket = Math.max(durableTicket, ticket);
            return durableTicket;
        }
    }

    public long sync() {
        flush();
        try {
            channel.force(false);
        } catch (IOException e) {
            fail(e, "fsync failed");
        }
        synchronized (this) {
            durableTicket = Math.max(durableTicket, flushedTicket);
            return durableTicket;
        }
    }

    /**
     * Atomically replaces the whole file by {@code newRecords} (normally the schema and one
     * snapshot record). Records appended but not yet flushed are dropped: the snapshot must
     * already contain their effect. On success every ticket issued so far counts as durable,
     * the new size becomes the base for {@link CompactionPolicy}, and appends go to the new
     * file. On failure the original file is untouched and still usable.
     *
     * @throws StorageException if the temporary file cannot be written, synced or renamed
     */
    public void replaceWith(List<? extends JsonNode> newRecords) {
        checkUsable();
        FileChannel fresh = FileSupport.writeReplacement(path, newRecords);
        FileSupport.closeQuietly(channel);
        channel = fresh;
        try {
            offset = fresh.size();
        } catch (IOException e) {
            fail(e, "cannot stat replaced file");
        }
        base = offset;
        buffer.reset();
        flushedTicket = lastTicket;
        synchronized (this) {
            durableTicket = lastTicket;
        }
        LOG.info("{}: compacted to {} records, {} bytes", path, newRecords.size(), offset);
    }

    /** The database file's path as given to {@link #open} or {@link #create}. */
    public Path path() {
        return path;
    }

    /** The file's logical size in bytes, including records still buffered. */
    public long size() {
        return offset + buffer.size();
    }

    /** The size right after the last compaction (or after the first two records at open). */
    public long baseSize() {
        return base;
    }

    /** Records read at open plus records appended since (ovsdb-server's n_read + n_written). */
    public long recordsSinceOpen() {
        return records;
    }

    /** The highest ticket known to be on disk. */
    public synchronized long durableTicket() {
        return durableTicket;
    }

    /** Flushes buffered records (without fsync), closes the file and releases the lock. */
    @Override
    public void close() {
        try {
            if (broken == null && channel.isOpen()) {
                flush();
            }
        } finally {
            FileSupport.closeQuietly(channel);
            lock.close();
        }
    }

    private void checkUsable() {
        if (broken != null) { // a failed write or fsync leaves the file's state unknown
            throw new StorageException(path + ": log unusable after earlier error", broken);
        }
        if (!channel.isOpen()) {
            throw new StorageException(path + ": log is closed");
        }
    }

    private void fail(IOException e, String what) {
        try {
            channel.truncate(offset);
        } catch (IOException suppressed) {
            e.addSuppressed(suppressed);
        }
        broken = new StorageException(path + ": " + what, e);
        throw broken;
    }
}
