package cn.hlj.remoteeval.notification.internal;

/** The outcome of one send; a reason is short and free of personal data (a status, an exception type). */
sealed interface GatewayResult {

    record Sent(String messageId) implements GatewayResult {
    }

    /** Worth trying again later (the gateway is down, overloaded, or timed out). */
    record Retryable(String reason) implements GatewayResult {
    }

    /** Trying again would fail the same way (the gateway rejected the request). */
    record Permanent(String reason) implements GatewayResult {
    }
}
