package org.jovn.ovsdb.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {
    @TempDir
    Path dir;

    private Path writeLog(int transactions) {
        Path db = dir.resolve("test.db");
        try (LogFile log = LogFile.create(db)) {
            log.append(TestRecords.smallSchema());
            for (int i = 1; i <= transactions; i++) {
                log.append(TestRecords.txn(i));
            }
            log.sync();
        }
        return db;
    }

    private static List<JsonNode> reopen(Path db) {
        List<JsonNode> out = new ArrayList<>();
        try (LogFile log = LogFile.open(db, out::add)) {
            assertThat(log.size()).isEqualTo(sizeOf(db));
        }
        return out;
    }

    private static long sizeOf(Path db) {
        try {
            return Files.size(db);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void appendSyncReopen_roundTripsRecords() {
        Path db = writeLog(3);
        assertThat(reopen(db)).containsExactly(TestRecords.smallSchema(), TestRecords.txn(1),
                TestRecords.txn(2), TestRecords.txn(3));
        assertThat(LogFile.readAll(db)).hasSize(4);
    }

    @Test
    void open_baseSizeIsEndOfSecondRecord() throws IOException {
        Path db = writeLog(3);
        try (LogFile log = LogFile.open(db, r -> { })) {
            long tail = RecordCodec.encode(TestRecords.txn(2)).length
                    + RecordCodec.encode(TestRecords.txn(3)).length;
            assertThat(log.baseSize()).isEqualTo(Files.size(db) - tail);
            assertThat(log.recordsSinceOpen()).isEqualTo(4);
        }
    }

    @Test
    void append_framingMatchesOvsdbLog() throws IOException {
        Path db = writeLog(0);
        String text = Files.readString(db, StandardCharsets.UTF_8);
        String body = TestRecords.smallSchema().toString() + "\n";
        assertThat(text).isEqualTo("OVSDB JSON " + body.getBytes(StandardCharsets.UTF_8).length
                + " " + RecordCodec.sha1Hex(body.getBytes(StandardCharsets.UTF_8)) + "\n" + body);
    }

    @Test
    void sync_returnsTicketOfEveryAppendedRecord() {
        try (LogFile log = LogFile.create(dir.resolve("t.db"))) {
            long t1 = log.append(TestRecords.smallSchema());
            long t2 = log.append(TestRecords.txn(1));
            assertThat(log.durableTicket()).isZero();
            assertThat(log.size()).isPositive();
            assertThat(log.sync()).isEqualTo(t2).isGreaterThan(t1);
            assertThat(log.durableTicket()).isEqualTo(t2);
        }
    }

    @Test
    void open_tornTail_truncatesToLastGoodRecord() throws IOException {
        Path db = writeLog(3);
        byte[] full = Files.readAllBytes(db);
        long goodEnd = full.length - RecordCodec.encode(TestRecords.txn(3)).length;
        for (int cut = (int) goodEnd; cut < full.length; cut++) {
            Files.write(db, Arrays.copyOf(full, cut));
            assertThat(reopen(db)).as("cut at %d", cut).hasSize(3).last()
                    .isEqualTo(TestRecords.txn(2));
            assertThat(Files.size(db)).isEqualTo(goodEnd);
        }
    }

    @Test
    void open_badSha1_discardsCorruptRecordAndEverythingAfter() throws IOException {
        Path db = writeLog(3);
        byte[] bytes = Files.readAllBytes(db);
        int record2 = bytes.length - RecordCodec.encode(TestRecords.txn(3)).length
                - RecordCodec.encode(TestRecords.txn(2)).length;
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int flip = text.indexOf("row2", record2);
        bytes[flip] = 'X';
        Files.write(db, bytes);

        assertThat(reopen(db)).containsExactly(TestRecords.smallSchema(), TestRecords.txn(1));
        assertThat(Files.size(db)).isEqualTo(record2);
    }

    @Test
    void open_garbageAppended_truncatesGarbage() throws IOException {
        Path db = writeLog(2);
        long good = Files.size(db);
        Files.writeString(db, "this is not a header\nmore junk", StandardOpenOption.APPEND);
        assertThat(reopen(db)).hasSize(3);
        assertThat(Files.size(db)).isEqualTo(good);
    }

    @Test
    void open_validHashButNotJson_stops() throws IOException {
        Path db = writeLog(1);
        long good = Files.size(db);
        byte[] data = "{not json}\n".getBytes(StandardCharsets.US_ASCII);
        Files.writeString(db, "OVSDB JSON " + data.length + " " + RecordCodec.sha1Hex(data)
                + "\n{not json}\n", StandardOpenOption.APPEND);
        assertThat(LogFile.readAll(db)).hasSize(2);
        assertThat(Files.size(db)).as("read-only does not truncate").isGreaterThan(good);
        assertThat(reopen(db)).hasSize(2);
        assertThat(Files.size(db)).isEqualTo(good);
    }

    @Test
    void open_afterTruncation_appendsContinueCleanly() throws IOException {
        Path db = writeLog(2);
        Files.writeString(db, "OVSDB JSON 999 ", StandardOpenOption.APPEND);
        try (LogFile log = LogFile.open(db, r -> { })) {
            log.append(TestRecords.txn(7));
            log.sync();
        }
        assertThat(LogFile.readAll(db)).hasSize(4).last().isEqualTo(TestRecords.txn(7));
    }

    @Test
    void replaceWith_compactsAndContinuesAppending() throws IOException {
        Path db = writeLog(50);
        long before = Files.size(db);
        try (LogFile log = LogFile.open(db, r -> { })) {
            log.append(TestRecords.txn(99)); // superseded by the snapshot, never flushed
            long ticket = log.append(TestRecords.txn(98));
            log.replaceWith(List.of(TestRecords.smallSchema(), TestRecords.txn(100)));
            assertThat(log.durableTicket()).isEqualTo(ticket);
            assertThat(log.size()).isEqualTo(Files.size(db)).isLessThan(before);
            assertThat(log.baseSize()).isEqualTo(log.size());
            log.append(TestRecords.txn(101));
            log.sync();
        }
        assertThat(LogFile.readAll(db)).containsExactly(TestRecords.smallSchema(),
                TestRecords.txn(100), TestRecords.txn(101));
        assertThat(dir.resolve("test.db.tmp")).doesNotExist();
    }

    @Test
    void open_whileOpen_failsWithLockError() {
        Path db = writeLog(1);
        try (LogFile log = LogFile.open(db, r -> { })) {
            assertThat(LockFile.lockPathFor(db)).exists()
                    .hasFileName(".test.db.~lock~");
            assertThatThrownBy(() -> LogFile.open(db, r -> { }))
                    .isInstanceOf(DatabaseLockedException.class)
                    .hasMessageContaining("failed to lock lockfile")
                    .hasMessageContaining(".test.db.~lock~");
            assertThat(log.size()).isPositive();
        }
        assertThat(LockFile.lockPathFor(db)).doesNotExist();
        reopen(db);
    }

    @Test
    void create_existingFile_fails() {
        Path db = writeLog(0);
        assertThatThrownBy(() -> LogFile.create(db)).isInstanceOf(StorageException.class)
                .hasMessageContaining("file exists");
        assertThat(LockFile.lockPathFor(db)).doesNotExist();
    }

    @Test
    void open_clusteredFile_refused() throws IOException {
        Path db = dir.resolve("c.db");
        byte[] data = "{}\n".getBytes(StandardCharsets.US_ASCII);
        Files.writeString(db, "OVSDB CLUSTER 3 " + RecordCodec.sha1Hex(data) + "\n{}\n");
        assertThatThrownBy(() -> LogFile.open(db, r -> { }))
                .isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("clustered database files are not supported by this reader");
        assertThatThrownBy(() -> LogFile.readAll(db))
                .isInstanceOf(UnsupportedFormatException.class);
    }

    @Test
    void append_nonObject_rejected() {
        try (LogFile log = LogFile.create(dir.resolve("x.db"))) {
            assertThatThrownBy(() -> log.append(TestRecords.json("[1]")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void open_missingFile_fails() {
        assertThatThrownBy(() -> LogFile.open(dir.resolve("none.db"), r -> { }))
                .isInstanceOf(StorageException.class).hasMessageContaining("no such file");
    }
}
