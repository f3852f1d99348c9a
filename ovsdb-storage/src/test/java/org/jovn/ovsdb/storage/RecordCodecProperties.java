package org.jovn.ovsdb.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class RecordCodecProperties {
    @Property(tries = 50)
    void encodeThenScan_returnsSameRecords(@ForAll @Size(max = 8) List<String> comments,
            @ForAll long value) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String c : comments) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("_comment", c);
            o.put("_date", value);
            records.add(o);
        }
        Path file = Files.createTempFile("codec", ".db");
        try {
            for (JsonNode r : records) {
                Files.write(file, RecordCodec.encode(r), StandardOpenOption.APPEND);
            }
            List<JsonNode> read = new ArrayList<>();
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                LogScanner.Result result = new LogScanner("f", ch).scan((j, end) -> read.add(j));
                assertThat(result.clean()).isTrue();
                assertThat(result.goodEnd()).isEqualTo(Files.size(file));
            }
            // Compare text: numbers may come back as IntNode where a LongNode was written.
            assertThat(read.toString()).isEqualTo(records.toString());
        } finally {
            Files.delete(file);
        }
    }
}
