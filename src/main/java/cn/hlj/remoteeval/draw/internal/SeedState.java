package cn.hlj.remoteeval.draw.internal;

import java.time.Instant;

/** The secret half of a record: its seed (a salt for a record without a draw) and when it was revealed (null before). */
record SeedState(String seedHex, Instant revealedAt) {

    boolean revealed() {
        return revealedAt != null;
    }
}
