package cn.hlj.remoteeval.draw.internal;

/**
 * The entropy a draw's notice planned cannot be had (the beacon is unreachable, a round never came): the
 * draw does not run. Its notice stays in the chain, unused, where the chain check lists it.
 */
class EntropyUnavailableException extends RuntimeException {

    EntropyUnavailableException(String message) {
        super(message);
    }

    EntropyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
