package cn.hlj.remoteeval.crossprovince.exchange;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One message as it crosses the border. Everything but {@code signature} is signed, in its canonical
 * form ({@link CanonicalJson}); {@code sealed}, when present, only the receiver can open.
 *
 * @param sequence per sender and receiver, from 1, so that the receiver handles a partner's messages in order
 * @param body the part every node on the way may read: ids, counts, opaque references, dates
 */
public record Envelope(String version, MessageType type, String messageId, String correlationId, String sender,
        String receiver, long sequence, Instant sentAt, JsonNode body, SealedPart sealed, String signature) {

    /** A part encrypted for the receiver: an SM4 key wrapped with the receiver's SM2 key, the data under SM4-GCM. */
    public record SealedPart(String algorithm, String key, String iv, String data) {

        public static final String ALGORITHM = "SM2+SM4-GCM";
    }

    /** The envelope as JSON, with or without its signature. */
    public ObjectNode toJson(boolean withSignature) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("version", version);
        json.put("type", type.name());
        json.put("messageId", messageId);
        json.put("correlationId", correlationId);
        json.put("sender", sender);
        json.put("receiver", receiver);
        json.put("sequence", sequence);
        json.put("sentAt", sentAt.toString());
        json.set("body", body.deepCopy());
        if (sealed != null) {
            ObjectNode part = json.putObject("sealed");
            part.put("algorithm", sealed.algorithm());
            part.put("key", sealed.key());
            part.put("iv", sealed.iv());
            part.put("data", sealed.data());
        }
        if (withSignature) {
            json.put("signature", signature);
        }
        return json;
    }

    /** The bytes the signature covers. */
    byte[] signedBytes() {
        return CanonicalJson.bytes(toJson(false));
    }

    Envelope withSignature(String value) {
        return new Envelope(version, type, messageId, correlationId, sender, receiver, sequence, sentAt, body, sealed, value);
    }
}
