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
 *
 * <p>{@code supervisor}: the trading centers whose supervisors (行政监督) contribute their own value to their tenders'
 * venue and expert draws ({@code *} for all; each such draw then waits for the supervisor's commitment), whether a
 * draw with a supervisor's commitment may go on with it alone when no beacon can be reached
 * ({@code alone-when-no-beacon}; otherwise it is refused and retried), and how long a draw that has read its list
 * waits for the value to be revealed.
 */
@ConfigurationProperties("remote-eval.draw-entropy")
record EntropyProperties(@DefaultValue("dev-beacon") List<String> sources, @DefaultValue("PT10S") Duration margin,
        @DefaultValue Drand drand, @DefaultValue DevBeacon devBeacon, @DefaultValue Supervisor supervisor) {

    record Supervisor(@DefaultValue List<String> centers, @DefaultValue("false") boolean aloneWhenNoBeacon,
            @DefaultValue("PT2M") Duration revealTimeout) {
    }

    record Drand(@DefaultValue({ "https://api.drand.sh", "https://drand.cloudflare.com" }) List<URI> relays,
            @DefaultValue("PT5S") Duration timeout) {
    }

    /** {@code genesis} in epoch seconds and {@code period} in seconds, as drand's chain info gives them. */
    record DevBeacon(String secretKey, @DefaultValue("1577836800") long genesis, @DefaultValue("3") int period) {
    }
}
