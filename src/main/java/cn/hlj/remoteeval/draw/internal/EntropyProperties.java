package cn.hlj.remoteeval.draw.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code remote-eval.draw-entropy.*}: where a draw's entropy comes from (issue 18). {@code sources} is the
 * combination every draw uses: {@code drand-quicknet} (drand's public beacon, read over HTTP from
 * {@code drand.relays}) and/or {@code dev-beacon} (a beacon signed with {@code dev-beacon.secret-key}, for
 * machines without internet; proves nothing to anyone). {@code margin} is how long after the notice the
 * beacon round must fall, so that the eligible list is read before the round exists.
 */
@ConfigurationProperties("remote-eval.draw-entropy")
record EntropyProperties(@DefaultValue("dev-beacon") List<String> sources, @DefaultValue("PT10S") Duration margin,
        @DefaultValue Drand drand, @DefaultValue DevBeacon devBeacon) {

    record Drand(@DefaultValue({ "https://api.drand.sh", "https://drand.cloudflare.com" }) List<URI> relays,
            @DefaultValue("PT5S") Duration timeout) {
    }

    /** {@code genesis} in epoch seconds and {@code period} in seconds, as drand's chain info gives them. */
    record DevBeacon(String secretKey, @DefaultValue("1577836800") long genesis, @DefaultValue("3") int period) {
    }
}
