package org.jovn.ovsdb.storage;

/** The file is an OVSDB log of a kind this package does not read, e.g. a clustered database. */
public final class UnsupportedFormatException extends StorageException {
    private static final long serialVersionUID = 1L;

    UnsupportedFormatException(String message) {
        super(message);
    }
}
