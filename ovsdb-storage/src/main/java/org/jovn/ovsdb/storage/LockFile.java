package org.jovn.ovsdb.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock file ovsdb-server keeps next to a database, {@code .NAME.~lock~} (lib/lockfile.c).
 *
 * <p>The lock is an exclusive {@code fcntl} record lock, which is what {@link FileChannel#tryLock}
 * takes on Linux, so it excludes the C ovsdb-server and ovsdb-tool as well as other JVMs. If the
 * database path is a symlink, the lock is placed next to its target. Closing releases the lock
 * and removes the file, as lockfile_unlock() does. Not thread-safe.
 */
final class LockFile implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LockFile.class);

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Returns the lock file path for database {@code db}. */
    static Path lockPathFor(Path db) {
        Path target = db.toAbsolutePath();
        try {
            if (Files.isSymbolicLink(target)) {
                target = target.toRealPath();
            }
        } catch (IOException e) {
            LOG.debug("cannot resolve symlink {}: {}", target, e.toString());
        }
        return target.resolveSibling("." + target.getFileName() + ".~lock~");
    }

    /**
     * Takes the lock for database {@code db} without waiting.
     *
     * @throws DatabaseLockedException if another process or another open in this JVM holds it
     * @throws StorageException if the lock file cannot be created
     */
    static LockFile acquire(Path db) {
        Path lockPath = lockPathFor(db);
        FileChannel ch;
        try {
            ch = FileChannel.open(lockPath, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            ch = openWithoutPermissions(lockPath);
        } catch (IOException e) {
            throw new StorageException(db + ": failed to create lock file " + lockPath, e);
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new StorageException(db + ": failed to lock lock file " + lockPath, e);
        }
        if (lock == null) {
            closeQuietly(ch);
            throw new DatabaseLockedException(db + ": failed to lock lockfile " + lockPath
                    + " (the database is already open for writing by another process, "
                    + "e.g. ovsdb-server)");
        }
        return new LockFile(lockPath, ch, lock);
    }

    private static FileChannel openWithoutPermissions(Path lockPath) {
        try {
            return FileChannel.open(lockPath, StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StorageException("failed to create lock file " + lockPath, e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("cannot remove lock file {}: {}", path, e.toString());
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("cannot release lock {}: {}", path, e.toString());
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            LOG.debug("cannot close lock file channel: {}", e.toString());
        }
    }
}
