package cn.hlj.remoteeval.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class FileSmsGatewayUnitTest {

    @TempDir
    Path dir;

    @Test
    void appendsEachMessageAsOneJsonLineCreatingTheFoldersAndLogsNothing() throws Exception {
        Path file = dir.resolve("sms/nested/sent.jsonl");
        FileSmsGateway gateway = new FileSmsGateway(file, new MutableClock(Instant.parse("2031-03-01T01:00:00Z")));

        GatewayResult first;
        try (CapturedLogs logs = new CapturedLogs()) {
            first = gateway.send(new OutgoingSms("id-1", "key-1", "13912345678", "第一行\n第二行"));
            gateway.send(new OutgoingSms("id-2", "key-2", "13987654321", "请于2031年3月5日上午到达。"));
            assertThat(logs.events()).isEmpty();
        }

        assertThat(first).isInstanceOf(GatewayResult.Sent.class);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.get("time").asText()).isEqualTo("2031-03-01T09:00:00+08:00");
        assertThat(line.get("idempotencyKey").asText()).isEqualTo("key-1");
        assertThat(line.get("to").asText()).isEqualTo("13912345678");
        assertThat(line.get("text").asText()).isEqualTo("第一行\n第二行");
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("to").asText()).isEqualTo("13987654321");
    }

    @Test
    void aFileThatCannotBeWrittenIsRetriedLater() throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        FileSmsGateway gateway = new FileSmsGateway(blocker.resolve("sent.jsonl"),
                new MutableClock(Instant.parse("2031-03-01T01:00:00Z")));

        assertThat(gateway.send(new OutgoingSms("id-3", "key-3", "13912345678", "text")))
                .isInstanceOf(GatewayResult.Retryable.class);
    }
}
