package cn.hlj.remoteeval.crossprovince.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CanonicalJsonUnitTest {

    @Test
    void membersAreSortedAtEveryLevelAndWhitespaceIsDropped() throws Exception {
        String one = "{ \"b\": 1, \"a\": {\"z\": [3, {\"y\": true, \"x\": null}], \"é\": \"评标\"} }";
        String two = "{\"a\":{\"é\":\"评标\",\"z\":[3,{\"x\":null,\"y\":true}]},\"b\":1}";
        byte[] canonical = CanonicalJson.bytes(ExchangeExamples.JSON.readTree(one));
        assertThat(canonical).isEqualTo(CanonicalJson.bytes(ExchangeExamples.JSON.readTree(two)));
        assertThat(new String(canonical, StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":{\"z\":[3,{\"x\":null,\"y\":true}],\"é\":\"评标\"},\"b\":1}");
    }

    @Test
    void arrayOrderIsKeptBecauseItCarriesMeaning() throws Exception {
        assertThat(CanonicalJson.bytes(ExchangeExamples.JSON.readTree("[2,1]")))
                .isNotEqualTo(CanonicalJson.bytes(ExchangeExamples.JSON.readTree("[1,2]")));
    }

    @Test
    void aFractionIsRefusedSoThatAmountsTravelAsText() throws Exception {
        assertThatThrownBy(() -> CanonicalJson.bytes(ExchangeExamples.JSON.readTree("{\"price\": 1.5}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integers");
    }
}
