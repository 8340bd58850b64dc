package cn.hlj.remoteeval.draw.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When an invited expert who has not answered gets a voice call: after {@code voice-call-at} (a part
 * of the answer window, between 0 and 1 exclusive; 0.5 by default) has passed, so that there is still
 * time to answer before the supplementary draw.
 */
@Component
class VoiceCallTiming {

    private final double part;

    VoiceCallTiming(@Value("${remote-eval.expert-notice.voice-call-at:0.5}") double part) {
        if (!(part > 0 && part < 1)) {
            throw new IllegalStateException("remote-eval.expert-notice.voice-call-at must lie between 0 and 1 (exclusive)");
        }
        this.part = part;
    }

    Duration after(Duration answerWindow) {
        return Duration.ofSeconds(Math.max(1, Math.round(answerWindow.getSeconds() * part)));
    }
}
