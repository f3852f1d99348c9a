package org.jovn.ovsdb.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Encodes and decodes the framing of one log record, as ovsdb/log.c does.
 *
 * <p>A record is {@code "OVSDB " magic " " length " " sha1-hex "\n"} followed by
 * {@code length} data bytes. Writers emit compact JSON plus a trailing new-line; the new-line is
 * part of the data, so it is counted in the length and hashed. Stateless and thread-safe.
 */
final class RecordCodec {
    /** The magic of standalone database files. */
    static final String STANDALONE_MAGIC = "JSON";
    /** The magic of clustered (Raft) database files. */
    static final String CLUSTER_MAGIC = "CLUSTER";
    /** ovsdb reads the header with {@code fgets(header, 128)}: at most 127 bytes. */
    static final int MAX_HEADER_BYTES = 127;

    /** Field names are not canonicalized: records key rows by UUID, names seen once. */
    static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory
            .builder().disable(com.fasterxml.jackson.core.JsonFactory.Feature
                .CANONICALIZE_FIELD_NAMES).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Pattern HEADER =
            Pattern.compile("OVSDB ([^ \\n]+) ([1-9][0-9]{0,18}) ([0-9a-fA-F]{40})\\n");

    /** A parsed header line; {@code headerBytes} is the length of the line with its new-line. */
    record Header(String magic, long length, String sha1, int headerBytes) {}

    private RecordCodec() {}

    /** Returns the complete record (header and data) for {@code json}, an object or array. */
    static byte[] encode(JsonNode json) {
        if (!json.isObject() && !json.isArray()) {
            throw new IllegalArgumentException("log record must be a JSON object or array, got "
                    + json.getNodeType());
        }
        byte[] data;
        try {
            byte[] body = MAPPER.writeValueAsBytes(json);
            data = new byte[body.length + 1];
            System.arraycopy(body, 0, data, 0, body.length);
            data[body.length] = '\n';
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize log record", e);
        }
        byte[] header = ("OVSDB " + STANDALONE_MAGIC + " " + data.length + " " + sha1Hex(data)
                + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + data.length);
        out.writeBytes(header);
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** Parses a header line (including its new-line), or returns null if it is malformed. */
    static Header parseHeader(byte[] line, int len) {
        String text = new String(line, 0, len, StandardCharsets.ISO_8859_1);
        Matcher m = HEADER.matcher(text);
        if (!m.matches()) {
            return null;
        }
        return new Header(m.group(1), Long.parseLong(m.group(2)),
                m.group(3).toLowerCase(java.util.Locale.ROOT), len);
    }

    /** Parses record data as a single JSON value. */
    static JsonNode parseData(byte[] data) throws IOException {
        return MAPPER.readTree(data);
    }

    /** Lower-case hex SHA-1 of {@code data}. */
    static String sha1Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a mandatory JDK algorithm", e);
        }
    }
}
