package cn.hlj.remoteeval.crossprovince.jointtest;

import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import cn.hlj.remoteeval.crossprovince.exchange.Envelope;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeInbox;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport.Accepted;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport.Delivery;
import cn.hlj.remoteeval.crossprovince.exchange.RefusalReason;

/**
 * The conformance scenarios of the joint test, in the order they run. Each sends PINGs to the partner's
 * node and judges its answers against message set 1 ({@code src/docs/exchange/message-set-v1.md}); the
 * refused ones are meant to be refused, so nothing of them is kept by the partner but its refusal log.
 */
enum JointTestScenario {

    CONNECTIVITY("连通与签名", "A signed PING is accepted and answered with its nonce: the address and HTTP(S) path work, "
            + "this province's key is registered there, and the two clocks agree within the window.") {
        @Override
        Verdict run(JointTestProbe probe) {
            String nonce = JointTestProbe.nonce();
            return Verdict.expectAccepted(probe.deliver(probe.ping(nonce)), pong(nonce));
        }
    },

    REPEATED_DELIVERY("重复投递", "The same PING delivered twice: the first is answered, the second refused as REPLAY "
            + "(422), since a PING's answer is not kept to be repeated like a business message's.") {
        @Override
        Verdict run(JointTestProbe probe) {
            String nonce = JointTestProbe.nonce();
            Envelope ping = probe.ping(nonce);
            Delivery first = probe.deliver(ping);
            if (!(first instanceof Accepted accepted) || !pong(nonce).equals(accepted.answer())) {
                return Verdict.failedBefore("首次投递未被接收", first);
            }
            return Verdict.expectRefused(probe.deliver(ping), UNPROCESSABLE, RefusalReason.REPLAY);
        }
    },

    TAMPERED("篡改报文", "A PING whose body was changed after signing is refused as BAD_SIGNATURE (422).") {
        @Override
        Verdict run(JointTestProbe probe) {
            Envelope signed = probe.ping(JointTestProbe.nonce());
            Envelope changed = JointTestProbe.withBody(signed, JointTestProbe.pingBody(JointTestProbe.nonce()));
            return Verdict.expectRefused(probe.deliver(changed), UNPROCESSABLE, RefusalReason.BAD_SIGNATURE);
        }
    },

    STALE("过期报文", "A PING signed with sentAt 30 minutes ago is refused as STALE (422): the partner enforces the "
            + "time window, so a captured message cannot be sent again later.") {
        @Override
        Verdict run(JointTestProbe probe) {
            return Verdict.expectRefused(probe.deliver(probe.stalePing(JointTestProbe.nonce())), UNPROCESSABLE,
                    RefusalReason.STALE);
        }
    },

    WRONG_RECEIVER("错误接收方", "A PING addressed to another province code is refused as WRONG_RECEIVER (422): a "
            + "message meant for someone else is not taken.") {
        @Override
        Verdict run(JointTestProbe probe) {
            String other = JointTestProbe.NOBODY.equals(probe.partner()) ? "ZY" : JointTestProbe.NOBODY;
            return Verdict.expectRefused(probe.deliver(probe.pingTo(other, JointTestProbe.nonce())), UNPROCESSABLE,
                    RefusalReason.WRONG_RECEIVER);
        }
    },

    MALFORMED("格式错误", "A correctly signed PING whose body does not conform to its schema (no nonce) is refused as "
            + "MALFORMED (400): the partner validates the message set before anything else.") {
        @Override
        Verdict run(JointTestProbe probe) {
            Envelope ping = probe.pingWithBody(JsonNodeFactory.instance.objectNode());
            return Verdict.expectRefused(probe.deliver(ping), HttpStatus.BAD_REQUEST.value(), RefusalReason.MALFORMED);
        }
    };

    private static final int UNPROCESSABLE = HttpStatus.UNPROCESSABLE_ENTITY.value();

    private final String label;
    private final String description;

    JointTestScenario(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The scenario's name as staff read it. */
    String label() {
        return label;
    }

    String description() {
        return description;
    }

    /** Runs the scenario against the partner; never throws for what the partner answers. */
    abstract Verdict run(JointTestProbe probe);

    static String pong(String nonce) {
        return ExchangeInbox.PONG + nonce;
    }
}
