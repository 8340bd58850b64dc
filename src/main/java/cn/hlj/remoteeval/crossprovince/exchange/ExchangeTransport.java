package cn.hlj.remoteeval.crossprovince.exchange;

import java.net.URI;

/**
 * Carries a signed message to a partner's node and brings back its answer. The HTTPS adapter is the one
 * in use; the national node's adapter, once its standard is published, is another implementation.
 */
public interface ExchangeTransport {

    /** What the partner's node answered, or that it could not be reached. */
    sealed interface Delivery {
    }

    /** Accepted now or earlier (a repeated delivery): the partner keeps it. */
    record Accepted(String answer, boolean duplicate) implements Delivery {
    }

    /** Refused for a reason (message set, key, time): sending it unchanged again is pointless. */
    record Refused(int status, String reason, String detail) implements Delivery {
    }

    /** Not reached, or it could not take the message now: tried again later. */
    record Unavailable(String error) implements Delivery {
    }

    Delivery deliver(URI endpoint, byte[] message);
}
