package org.jovn.ovsdb.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * Reads the records of a log from its start and validates each one, stopping at the first
 * record that is torn or corrupt, as ovsdb_log_read() does: after the first error the rest of
 * the file is treated as garbage, even if good records follow.
 *
 * <p>Not thread-safe; one scan per instance.
 */
final class LogScanner {
    /** Outcome of a scan: the offset just past the last good record, the offset just past the
     * second record (0 if none; ovsdb_log_mark_base() marks it) and, if the scan did not end
     * cleanly at end of file, why. */
    record Result(long goodEnd, long records, long fileSize, long base, String error) {
        boolean clean() {
            return error == null;
        }
    }

    /** Receives each good record and the file offset just past it. */
    @FunctionalInterface
    interface Visitor {
        void record(JsonNode json, long endOffset);
    }

    private final String name;
    private final FileChannel channel;

    LogScanner(String name, FileChannel channel) {
        this.name = name;
        this.channel = channel;
    }

    /**
     * Feeds every good record to {@code sink} in file order.
     *
     * @throws UnsupportedFormatException if the first record is a clustered-database record
     * @throws StorageException on an I/O error (not on corrupt content, which ends the scan)
     */
    Result scan(Visitor sink) {
        try {
            long size = channel.size();
            InputStream in = new BufferedInputStream(
                    Channels.newInputStream(channel.position(0)), 1 << 16);
            long offset = 0;
            long count = 0;
            long base = 0;
            while (true) {
                byte[] line = new byte[RecordCodec.MAX_HEADER_BYTES];
                int len = readLine(in, line);
                if (len == 0) {
                    return new Result(offset, count, size, base, null);
                }
                RecordCodec.Header header = RecordCodec.parseHeader(line, len);
                if (header == null || !RecordCodec.STANDALONE_MAGIC.equals(header.magic())) {
                    if (count == 0 && header != null
                            && RecordCodec.CLUSTER_MAGIC.equals(header.magic())) {
                        throw new UnsupportedFormatException(name
                                + ": clustered database files are not supported by this reader");
                    }
                    return new Result(offset, count, size, base, String.format(
                            "%s: parse error at offset %d in header line \"%s\"",
                            name, offset, printable(line, len)));
                }
                long dataOffset = offset + header.headerBytes();
                String error = readRecord(in, header, dataOffset, size, sink);
                if (error != null) {
                    return new Result(offset, count, size, base, error);
                }
                offset = dataOffset + header.length();
                if (++count == 2) {
                    base = offset;
                }
            }
        } catch (IOException e) {
            throw new StorageException(name + ": read failed", e);
        }
    }

    private String readRecord(InputStream in, RecordCodec.Header header, long dataOffset,
            long size, Visitor sink) throws IOException {
        long length = header.length();
        if (length > size - dataOffset) {
            return String.format("%s: error reading %d bytes starting at offset %d (end of file)",
                    name, length, dataOffset);
        }
        byte[] data = in.readNBytes((int) length);
        if (data.length != length) {
            return String.format("%s: error reading %d bytes starting at offset %d (end of file)",
                    name, length, dataOffset);
        }
        String actual = RecordCodec.sha1Hex(data);
        if (!actual.equals(header.sha1())) {
            return String.format("%s: %d bytes starting at offset %d have SHA-1 hash %s but "
                    + "should have hash %s", name, length, dataOffset, actual, header.sha1());
        }
        JsonNode json;
        try {
            json = RecordCodec.parseData(data);
        } catch (IOException e) {
            return String.format("%s: %d bytes starting at offset %d are not valid JSON (%s)",
                    name, length, dataOffset,
                    e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage());
        }
        if (json == null || !json.isObject()) {
            return String.format("%s: %d bytes starting at offset %d are not a JSON object",
                    name, length, dataOffset);
        }
        sink.record(json, dataOffset + length);
        return null;
    }

    /** Reads up to and including a new-line, at most {@code buf.length} bytes; 0 at EOF. */
    private static int readLine(InputStream in, byte[] buf) throws IOException {
        int n = 0;
        while (n < buf.length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            buf[n++] = (byte) b;
            if (b == '\n') {
                break;
            }
        }
        return n;
    }

    private static String printable(byte[] line, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len && line[i] != '\n'; i++) {
            int c = line[i] & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return sb.toString();
    }
}
