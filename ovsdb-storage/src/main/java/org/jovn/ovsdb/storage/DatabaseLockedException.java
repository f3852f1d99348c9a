package org.jovn.ovsdb.storage;

/** The database's lock file is held by another process (or by another open in this JVM). */
public final class DatabaseLockedException extends StorageException {
    private static final long serialVersionUID = 1L;

    DatabaseLockedException(String message) {
        super(message);
    }
}
