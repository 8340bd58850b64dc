package cn.hlj.remoteeval.crossprovince.jointtest;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.crossprovince.exchange.Envelope;
import cn.hlj.remoteeval.crossprovince.exchange.EnvelopeSealing;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;

/**
 * The probes of one run against one partner: PINGs signed by this province (now, or with a clock
 * behind) and delivered straight through the transport, never through the outbox, so that they take
 * no number of the partner's business sequence. Each carries the run's id as its correlation id and
 * sequence 0.
 */
final class JointTestProbe {

    /** A receiver code that is no province's (the envelope's pattern allows it). */
    static final String NOBODY = "ZZ";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JointTestSigning signing;
    private final ExchangeTransport transport;
    private final String partner;
    private final URI endpoint;
    private final String runId;

    JointTestProbe(JointTestSigning signing, ExchangeTransport transport, String partner, URI endpoint, String runId) {
        this.signing = signing;
        this.transport = transport;
        this.partner = partner;
        this.endpoint = endpoint;
        this.runId = runId;
    }

    String partner() {
        return partner;
    }

    /** A fresh nonce: 16 random bytes as hex. */
    static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static ObjectNode pingBody(String nonce) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("nonce", nonce);
        return body;
    }

    /** A PING for the partner, signed now. */
    Envelope ping(String nonce) {
        return signedNow(partner, pingBody(nonce));
    }

    /** A PING addressed to {@code receiver}, signed now. */
    Envelope pingTo(String receiver, String nonce) {
        return signedNow(receiver, pingBody(nonce));
    }

    /** A PING for the partner with any body (the schema is not checked on this side), signed now. */
    Envelope pingWithBody(JsonNode body) {
        return signedNow(partner, body);
    }

    /** A PING for the partner signed by a clock {@link JointTestSigning#STALE_BY} behind. */
    Envelope stalePing(String nonce) {
        return signing.behind().sign(MessageType.PING, UUID.randomUUID().toString(), runId, partner, 0, pingBody(nonce),
                null);
    }

    /** The envelope with another body and its original signature, as if changed on the way. */
    static Envelope withBody(Envelope signed, JsonNode body) {
        return new Envelope(signed.version(), signed.type(), signed.messageId(), signed.correlationId(), signed.sender(),
                signed.receiver(), signed.sequence(), signed.sentAt(), body, signed.sealed(), signed.signature());
    }

    ExchangeTransport.Delivery deliver(Envelope envelope) {
        return transport.deliver(endpoint, signing.now().wire(envelope));
    }

    private Envelope signedNow(String receiver, JsonNode body) {
        return signing.now().sign(MessageType.PING, UUID.randomUUID().toString(), runId, receiver, 0, body, null);
    }
}
