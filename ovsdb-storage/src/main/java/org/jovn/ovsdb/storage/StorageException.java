package org.jovn.ovsdb.storage;

/**
 * Failure to read, write, lock or replace a database file. Unchecked; the message names the
 * file and, for format errors, the byte offset.
 */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public StorageException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
