package cn.hlj.remoteeval.notification.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.notification.VoiceCalls;

/**
 * The local stand-in for the voice-call provider: one JSON line per call in {@code remote-eval.voice.file}
 * (holds personal data by design, like the SMS stand-in's file). A real provider's adapter replaces it.
 */
@Component
class LocalVoiceCalls implements VoiceCalls {

    private static final Logger log = LoggerFactory.getLogger(LocalVoiceCalls.class);

    private final Path file;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> placed = ConcurrentHashMap.newKeySet();

    LocalVoiceCalls(@Value("${remote-eval.voice.file:./data/voice/calls.jsonl}") Path file, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public synchronized void call(String idempotencyKey, String mobile, String script, String correlation) {
        if (!placed.add(idempotencyKey)) {
            return;
        }
        Map<String, String> line = new LinkedHashMap<>();
        line.put("time", OffsetDateTime.now(clock).toString());
        line.put("idempotencyKey", idempotencyKey);
        line.put("to", mobile);
        line.put("script", script);
        line.put("correlation", correlation);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("voice call not recorded", e);
        } catch (IOException e) {
            placed.remove(idempotencyKey);
            throw new UncheckedIOException("voice call not recorded", e);
        }
        log.info("Voice call placed by the local stand-in ({})", idempotencyKey);
    }
}
