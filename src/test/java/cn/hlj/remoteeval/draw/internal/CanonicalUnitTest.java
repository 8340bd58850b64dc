package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalUnitTest {

    @Test
    void sortsByKeyWritesOneLinePerEntryAndEndsWithALineFeed() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("QQHR", 3);
        counts.put("DQ", 0);
        counts.put("HRB", 12);

        assertThat(Canonical.encodeCounts(counts)).isEqualTo("DQ=0\nHRB=12\nQQHR=3\n");
        assertThat(Canonical.encodeCounts(Map.of())).isEmpty();
    }

    @Test
    void theSameContentGivesTheSameTextWhateverTheInsertionOrder() {
        Map<String, Integer> one = new LinkedHashMap<>(Map.of("A", 1));
        one.put("B", 2);
        Map<String, Integer> other = new LinkedHashMap<>(Map.of("B", 2));
        other.put("A", 1);

        assertThat(Hashes.sha256Hex(Canonical.encodeCounts(one))).isEqualTo(Hashes.sha256Hex(Canonical.encodeCounts(other)));
    }

    @Test
    void decodesWhatItEncodesAndNothingElse() {
        assertThat(Canonical.decodeCounts("DQ=0\nHRB=12\n")).containsExactly(Map.entry("DQ", 0), Map.entry("HRB", 12));
        assertThat(Canonical.decode("a=x=y\n")).containsEntry("a", "x=y");

        assertThatThrownBy(() -> Canonical.decode("HRB=1\nDQ=2\n")).as("order").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Canonical.decode("HRB=1")).as("last line feed").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Canonical.decode("HRB=1\nHRB=1\n")).as("twice").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Canonical.decode("HRB\n")).as("no '='").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Canonical.decodeCounts("HRB=01\n")).as("leading zero")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Canonical.decodeCounts("HRB=-1\n")).as("sign").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesKeysAndValuesThatWouldMakeTheTextAmbiguous() {
        assertThatThrownBy(() -> Canonical.encode(Map.of("a=b", "1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Canonical.encode(Map.of("中心", "1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Canonical.encode(Map.of("a", "1\nb=2"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Canonical.encodeCounts(Map.of("a", -1))).isInstanceOf(IllegalArgumentException.class);
    }
}
