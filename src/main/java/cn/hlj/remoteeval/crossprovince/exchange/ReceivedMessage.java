package cn.hlj.remoteeval.crossprovince.exchange;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A partner's message as a handler sees it: checked when it arrived, its sealed part opened.
 *
 * @param secret the opened sealed part, or null when the message had none
 */
public record ReceivedMessage(String sender, String messageId, String correlationId, long sequence, MessageType type,
        Instant sentAt, JsonNode body, JsonNode secret) {
}
