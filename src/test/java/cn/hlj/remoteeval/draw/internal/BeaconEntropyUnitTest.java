package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.draw.beacon.BeaconSignatures;
import cn.hlj.remoteeval.testsupport.ControllableClock;

/** A beacon source remembers the signatures it has verified, and nothing else. */
class BeaconEntropyUnitTest {

    private final ControllableClock clock = new ControllableClock();
    private final BeaconEntropy beacon = TestEntropy.beacon(clock);

    {
        clock.set(Instant.parse("2032-03-01T01:00:00Z"));
    }

    @Test
    void aForgedSignatureForARoundWhoseGenuineOneVerifiedStillFails() {
        Instant snapshot = clock.instant();
        SortedMap<String, String> plan = beacon.plan(snapshot);
        SortedMap<String, String> genuine = beacon.collect(plan, snapshot);
        assertThat(beacon.check(plan, genuine, snapshot)).isEmpty();

        byte[] forgersKey = new byte[32];
        forgersKey[31] = 9;
        SortedMap<String, String> forged = new TreeMap<>(genuine);
        forged.put("signature", BeaconSignatures.sign(forgersKey, Long.parseLong(plan.get("round"))));
        forged.put("randomness", Hashes.hex(Hashes.sha256(Hashes.unhex(forged.get("signature")))));

        assertThat(beacon.check(plan, forged, snapshot)).hasValueSatisfying(fault -> assertThat(fault).contains("签名验证不通过"));
        assertThat(beacon.check(plan, genuine, snapshot)).isEmpty();
    }

    @Test
    void aGenuineSignatureOfAnotherRoundDoesNotPassForThePlannedOne() {
        Instant snapshot = clock.instant();
        SortedMap<String, String> plan = beacon.plan(snapshot);
        SortedMap<String, String> genuine = beacon.collect(plan, snapshot);
        long round = Long.parseLong(plan.get("round"));
        SortedMap<String, String> laterPlan = new TreeMap<>(plan);
        laterPlan.put("round", Long.toString(round + 1));
        SortedMap<String, String> later = beacon.collect(laterPlan, snapshot);

        SortedMap<String, String> swapped = new TreeMap<>(genuine);
        swapped.put("signature", later.get("signature"));
        swapped.put("randomness", later.get("randomness"));

        assertThat(beacon.check(plan, swapped, snapshot)).isPresent();
    }
}
