package cn.hlj.remoteeval.tender;

import java.time.Instant;

/** The random expert draw filled every seat of a tender's committee with an invited expert; who, is in the sealed draw record only. */
public record ExpertsDrawn(String tenderId, String drawId, Instant drawnAt) {
}
