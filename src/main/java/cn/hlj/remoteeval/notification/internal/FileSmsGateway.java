package cn.hlj.remoteeval.notification.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The embedded profile's stand-in handset: each message becomes one JSON line in a file of its
 * own. That file holds personal data by design, like a real gateway's; the application log must
 * not, so nothing here goes through SLF4J.
 */
class FileSmsGateway implements SmsGateway {

    private final Path file;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    FileSmsGateway(Path file, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public GatewayResult send(OutgoingSms sms) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("time", OffsetDateTime.now(clock).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        line.put("idempotencyKey", sms.idempotencyKey());
        line.put("to", sms.mobile());
        line.put("text", sms.text());
        byte[] bytes;
        try {
            bytes = (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            return new GatewayResult.Permanent("file: " + e.getClass().getSimpleName());
        }
        try {
            append(bytes);
        } catch (IOException e) {
            return new GatewayResult.Retryable("file: " + e.getClass().getSimpleName());
        }
        return new GatewayResult.Sent("file-" + UUID.randomUUID());
    }

    /** The lock keeps lines whole when two processes share the file; synchronized does it within this one. */
    private synchronized void append(byte[] bytes) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    Path file() {
        return file;
    }
}
