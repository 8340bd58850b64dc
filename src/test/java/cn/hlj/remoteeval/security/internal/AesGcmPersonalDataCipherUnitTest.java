package cn.hlj.remoteeval.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class AesGcmPersonalDataCipherUnitTest {

    private static final String KEY_A = "S/k6qH+D0CeI25pZ7xVus2dfqgBJsinVNhNeRnTMJuI=";
    private static final String KEY_B = "8XH1ePL8wTpH7CK7fsFTZXlfkKStdy7ZK1lGgtqosRw=";

    private final AesGcmPersonalDataCipher cipher = cipher(KEY_A, KEY_B);

    private static AesGcmPersonalDataCipher cipher(String encryption, String index) {
        return new AesGcmPersonalDataCipher(PersonalDataKeys.fromConfiguration(encryption, index, false));
    }

    @Test
    void decryptsWhatItEncrypted() {
        for (String plain : new String[] { "张三", "11010519491231002X", "13900001234", "", "欧阳·娜娜 😀" }) {
            assertThat(cipher.decrypt(cipher.encrypt(plain))).isEqualTo(plain);
        }
    }

    @Test
    void equalPlaintextsGiveDifferentCiphertextsThatHideThePlaintext() {
        String first = cipher.encrypt("13900001234");
        String second = cipher.encrypt("13900001234");

        assertThat(first).isNotEqualTo(second).startsWith("v1:").doesNotContain("13900001234");
        assertThat(Base64.getDecoder().decode(first.substring(3))).hasSize(12 + 11 + 16);
    }

    @Test
    void aTamperedCiphertextIsRefusedWithoutRevealingAnything() {
        String sealed = cipher.encrypt("11010519491231002X");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 20] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tampered").hasMessageNotContaining("1101").hasMessageNotContaining(tampered);
        assertThatThrownBy(() -> cipher.decrypt("v2:" + sealed.substring(3))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:***")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String sealed = cipher.encrypt("张三");

        assertThatThrownBy(() -> cipher(KEY_B, KEY_A).decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void blindIndexIsStableKeyedAndHex() {
        String index = cipher.blindIndex("11010519491231002X");

        assertThat(index).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(cipher.blindIndex("11010519491231002X"))
                .isNotEqualTo(cipher.blindIndex("110105194912310021"));
        assertThat(cipher(KEY_B, KEY_A).blindIndex("11010519491231002X")).isNotEqualTo(index);
        assertThat(cipher(KEY_A, "JzzKHLVveBNUKKtLMrdft1n0yaCdXcRY28CVjeBGJP0=").blindIndex("11010519491231002X"))
                .as("depends on the index key only").isNotEqualTo(index);
        assertThat(cipher("JzzKHLVveBNUKKtLMrdft1n0yaCdXcRY28CVjeBGJP0=", KEY_B).blindIndex("11010519491231002X"))
                .isEqualTo(index);
    }

    @Test
    void nullStaysNull() {
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
        assertThat(cipher.blindIndex(null)).isNull();
    }
}
