package cn.hlj.remoteeval.crossprovince.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.crypto.InvalidCipherTextException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Signs and seals what this province sends; checks and opens what it receives. An incoming message
 * passes, in this order: the message set's schemas, the receiver (this province), a registered sender
 * with a key, the time window, the SM2 signature over the canonical envelope, the sealed part, and only
 * then its id is recorded as seen, so that a forged or broken message cannot use up a real one's id.
 * Every refusal is recorded ({@link RefusalLog}) and thrown as {@link EnvelopeRefused}.
 */
public final class EnvelopeSealing {

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final String province;
    private final String privateKey;
    private final Duration window;
    private final NationalCrypto crypto;
    private final ExchangeSchemas schemas;
    private final PartnerKeys partners;
    private final SeenMessages seen;
    private final RefusalLog refusals;
    private final Clock clock;
    private final ObjectMapper json;

    public EnvelopeSealing(String province, String privateKey, Duration window, NationalCrypto crypto,
            ExchangeSchemas schemas, PartnerKeys partners, SeenMessages seen, RefusalLog refusals, Clock clock,
            ObjectMapper json) {
        this.province = province;
        this.privateKey = privateKey;
        this.window = window;
        this.crypto = crypto;
        this.schemas = schemas;
        this.partners = partners;
        this.seen = seen;
        this.refusals = refusals;
        this.clock = clock;
        this.json = json;
    }

    /**
     * The same province and key on another clock: the joint test signs a probe as if sent earlier, to see
     * that the partner refuses it as stale. Opening through it would record seen ids as usual.
     */
    public EnvelopeSealing onClock(Clock other) {
        return new EnvelopeSealing(province, privateKey, window, crypto, schemas, partners, seen, refusals, other, json);
    }

    public String province() {
        return province;
    }

    /** This province's public key, to give to partners; empty while no private key is configured. */
    public Optional<String> publicKey() {
        return privateKey == null || privateKey.isBlank() ? Optional.empty()
                : Optional.of(NationalCrypto.publicKeyOf(privateKey));
    }

    /** An incoming message, checked: its envelope and, when it had one, its opened sealed part. */
    public record Opened(Envelope envelope, JsonNode secret) {
    }

    /**
     * A message for {@code receiver}, signed by this province; {@code secret} (nullable) sealed for the
     * receiver's public key so that only it can read it.
     */
    public Envelope seal(MessageType type, String messageId, String correlationId, String receiver, long sequence,
            JsonNode body, JsonNode secret, String receiverPublicKey) {
        return sign(type, messageId, correlationId, receiver, sequence, body,
                secret == null ? null : sealFor(messageId, secret, receiverPublicKey));
    }

    /**
     * Encrypts {@code secret} for the receiver: done once, when the message is queued, so that the
     * plain secret is never stored for sending; the message id is bound in as additional data.
     */
    public Envelope.SealedPart sealFor(String messageId, JsonNode secret, String receiverPublicKey) {
        byte[] key = crypto.randomBytes(NationalCrypto.SM4_KEY_BYTES);
        byte[] iv = crypto.randomBytes(NationalCrypto.GCM_IV_BYTES);
        try {
            byte[] data = NationalCrypto.sm4Gcm(true, key, iv, messageId.getBytes(StandardCharsets.UTF_8),
                    CanonicalJson.bytes(secret));
            return new Envelope.SealedPart(Envelope.SealedPart.ALGORITHM,
                    B64.encodeToString(crypto.encryptForRecipient(key, receiverPublicKey)), B64.encodeToString(iv),
                    B64.encodeToString(data));
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4 sealing failed", e);
        }
    }

    /**
     * Signs a message as of now. A retried message is signed again at each attempt (same id, same
     * sequence, new time), so that it still falls inside the receiver's window after an outage.
     */
    public Envelope sign(MessageType type, String messageId, String correlationId, String receiver, long sequence,
            JsonNode body, Envelope.SealedPart sealed) {
        Envelope unsigned = new Envelope(MessageType.VERSION, type, messageId, correlationId, province, receiver, sequence,
                clock.instant(), body, sealed, null);
        return unsigned.withSignature(B64.encodeToString(crypto.sign(unsigned.signedBytes(), privateKey)));
    }

    /** Checks and opens an incoming message, as received (bytes of JSON). */
    public Opened open(byte[] received) {
        JsonNode message;
        try {
            message = json.readTree(received);
        } catch (java.io.IOException e) {
            throw refuse(null, null, RefusalReason.MALFORMED, "不是合法的 JSON");
        }
        if (message == null || !message.isObject()) {
            throw refuse(null, null, RefusalReason.MALFORMED, "不是 JSON 对象");
        }
        String messageId = message.path("messageId").asText(null);
        String sender = message.path("sender").asText(null);
        List<String> problems = schemas.problems(message);
        if (!problems.isEmpty()) {
            throw refuse(messageId, sender, RefusalReason.MALFORMED, String.join("; ", problems));
        }
        Envelope envelope = envelope(message);
        if (!province.equals(envelope.receiver())) {
            throw refuse(messageId, sender, RefusalReason.WRONG_RECEIVER, envelope.receiver());
        }
        Optional<String> senderKey = partners.publicKeyOf(sender);
        if (senderKey.isEmpty()) {
            throw refuse(messageId, sender, RefusalReason.UNKNOWN_SENDER, sender);
        }
        Instant now = clock.instant();
        if (envelope.sentAt().isBefore(now.minus(window)) || envelope.sentAt().isAfter(now.plus(window))) {
            throw refuse(messageId, sender, RefusalReason.STALE, "sentAt=" + envelope.sentAt() + "，允许 ±" + window);
        }
        byte[] signature;
        try {
            signature = B64D.decode(envelope.signature());
        } catch (IllegalArgumentException e) {
            throw refuse(messageId, sender, RefusalReason.BAD_SIGNATURE, "签名不是 Base64");
        }
        if (!NationalCrypto.verify(envelope.signedBytes(), signature, senderKey.get())) {
            throw refuse(messageId, sender, RefusalReason.BAD_SIGNATURE, null);
        }
        JsonNode secret = envelope.sealed() == null ? null : unseal(envelope);
        if (!seen.firstTime(sender, messageId, now)) {
            throw refuse(messageId, sender, RefusalReason.REPLAY, messageId);
        }
        return new Opened(envelope, secret);
    }

    /**
     * A message accepted earlier, as kept in the inbox, read again for handling: it passed every check
     * when it arrived, so only its sealed part is opened now (with this province's key).
     */
    public Opened reopen(String stored) {
        try {
            JsonNode message = json.readTree(stored);
            Envelope envelope = envelope(message);
            return new Opened(envelope, envelope.sealed() == null ? null : unseal(envelope));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored message is not JSON", e);
        }
    }

    private JsonNode unseal(Envelope envelope) {
        Envelope.SealedPart part = envelope.sealed();
        try {
            byte[] key = NationalCrypto.decryptAsRecipient(B64D.decode(part.key()), privateKey);
            byte[] data = NationalCrypto.sm4Gcm(false, key, B64D.decode(part.iv()),
                    envelope.messageId().getBytes(StandardCharsets.UTF_8), B64D.decode(part.data()));
            return json.readTree(data);
        } catch (InvalidCipherTextException | IllegalArgumentException | java.io.IOException e) {
            throw refuse(envelope.messageId(), envelope.sender(), RefusalReason.UNSEALABLE, null);
        }
    }

    private Envelope envelope(JsonNode message) {
        JsonNode sealed = message.get("sealed");
        try {
            return new Envelope(message.get("version").asText(), MessageType.valueOf(message.get("type").asText()),
                    message.get("messageId").asText(), message.get("correlationId").asText(),
                    message.get("sender").asText(), message.get("receiver").asText(), message.get("sequence").asLong(),
                    Instant.parse(message.get("sentAt").asText()), message.get("body"),
                    sealed == null ? null : new Envelope.SealedPart(sealed.get("algorithm").asText(),
                            sealed.get("key").asText(), sealed.get("iv").asText(), sealed.get("data").asText()),
                    message.get("signature").asText());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw refuse(message.path("messageId").asText(null), message.path("sender").asText(null),
                    RefusalReason.MALFORMED, "sentAt");
        }
    }

    private EnvelopeRefused refuse(String messageId, String sender, RefusalReason reason, String detail) {
        refusals.refused(messageId, sender, reason, detail, clock.instant());
        return new EnvelopeRefused(reason, detail, sender, messageId);
    }

    /** The message as sent over the wire. */
    public byte[] wire(Envelope envelope) {
        try {
            return json.writeValueAsBytes(envelope.toJson(true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
