package cn.hlj.remoteeval.crossprovince.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one byte form of a JSON value both sides sign and check (after RFC 8785's idea): object members
 * sorted by name (UTF-16 code units, as RFC 8785), no insignificant whitespace, UTF-8. Numbers are
 * limited to integers, which every JSON library writes alike; a fraction or exponent is refused, so that
 * amounts travel as strings.
 */
public final class CanonicalJson {

    private static final ObjectMapper WRITER = new ObjectMapper();

    private CanonicalJson() {
    }

    public static byte[] bytes(JsonNode value) {
        return string(value).getBytes(StandardCharsets.UTF_8);
    }

    public static String string(JsonNode value) {
        try {
            return WRITER.writeValueAsString(sorted(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable", e);
        }
    }

    private static JsonNode sorted(JsonNode value) {
        if (value.isObject()) {
            Map<String, JsonNode> members = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                members.put(member.getKey(), sorted(member.getValue()));
            }
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            members.forEach(object::set);
            return object;
        }
        if (value.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            value.forEach(element -> array.add(sorted(element)));
            return array;
        }
        if (value.isNumber() && !value.isIntegralNumber()) {
            throw new IllegalArgumentException("numbers in exchanged messages are integers; send amounts as strings");
        }
        return value;
    }
}
