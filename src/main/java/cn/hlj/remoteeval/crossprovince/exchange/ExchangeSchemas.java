package cn.hlj.remoteeval.crossprovince.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The message set's JSON Schemas ({@code classpath:exchange/v1/}): the envelope's, and one per body.
 * What a schema finds is reported by the JSON path of the field at fault, never with its value.
 */
public final class ExchangeSchemas {

    private static final String FOLDER = "exchange/v" + MessageType.VERSION + "/";

    private final JsonSchema envelope;
    private final Map<MessageType, JsonSchema> bodies = new EnumMap<>(MessageType.class);

    public ExchangeSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        envelope = load(factory, "envelope");
        for (MessageType type : MessageType.values()) {
            bodies.put(type, load(factory, type.schema()));
        }
    }

    private static JsonSchema load(JsonSchemaFactory factory, String name) {
        String path = FOLDER + name + ".schema.json";
        try (InputStream in = ExchangeSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema " + path);
            }
            return factory.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with the envelope and its body, field by field; empty when it conforms. */
    public List<String> problems(JsonNode message) {
        List<String> problems = describe(envelope.validate(message));
        if (!problems.isEmpty()) {
            return problems;
        }
        MessageType type = MessageType.valueOf(message.get("type").asText());
        return describe(bodies.get(type).validate(message.get("body"))).stream().map(p -> "body" + p).toList();
    }

    /** The field's JSON pointer; for a missing or unexpected member, the member's. */
    private static String path(ValidationMessage message) {
        String at = message.getInstanceLocation().toString().replaceFirst("^\\$", "").replace('.', '/')
                .replaceAll("\\[(\\d+)]", "/$1");
        return message.getProperty() == null ? at : at + "/" + message.getProperty();
    }

    private static List<String> describe(Set<ValidationMessage> messages) {
        return messages.stream()
                .map(m -> path(m) + " " + m.getType())
                .sorted().limit(10).toList();
    }
}
