package cn.hlj.remoteeval.crossprovince.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import cn.hlj.remoteeval.crossprovince.exchange.CanonicalJson;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;

/**
 * Keeps a partner's directory as it arrives: the body passed the message set's schema on receipt, and the
 * partner's messages come in its sequence order, so the latest complete directory replaces the one
 * before. A directory in several parts is kept part by part and replaces the old one with its last part.
 */
@Component
class DirectoryReceiver {

    private final DirectoryStore store;
    private final ObjectMapper json;
    private final Clock clock;

    DirectoryReceiver(DirectoryStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    void receive(DirectoryKind kind, ReceivedMessage message) {
        JsonNode body = message.body();
        Instant asOf;
        try {
            asOf = Instant.parse(body.path("asOf").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("asOf 不是 ISO-8601 时间");
        }
        int part = body.path("part").asInt(1);
        int parts = body.path("parts").asInt(1);
        if (part > parts) {
            throw new IllegalArgumentException("第 " + part + " 部分超出总部分数 " + parts);
        }
        String entries = CanonicalJson.string(body.path("entries"));
        Instant now = clock.instant();
        if (parts == 1) {
            store.replace(message.sender(), kind, asOf, entries, message.messageId(), now);
            return;
        }
        if (store.keepPart(message.sender(), kind, asOf, part, parts, entries, now) < parts) {
            return;
        }
        store.replace(message.sender(), kind, asOf, CanonicalJson.string(joined(store.takeParts(message.sender(), kind))),
                message.messageId(), now);
    }

    private ArrayNode joined(List<String> parts) {
        ArrayNode all = json.createArrayNode();
        for (String part : parts) {
            try {
                json.readTree(part).forEach(all::add);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a kept directory part is not JSON", e);
            }
        }
        return all;
    }
}
