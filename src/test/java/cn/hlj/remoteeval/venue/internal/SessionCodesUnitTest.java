package cn.hlj.remoteeval.venue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SessionCodesUnitTest {

    private final SessionCodes codes = new SessionCodes(new SecureRandom());

    @Test
    void aCodeIsRsDashAndEightCrockfordBase32Characters() {
        for (int i = 0; i < 2_000; i++) {
            String code = codes.next();
            assertThat(code).hasSize(11).startsWith("RS-").matches("RS-[0-9A-HJKMNP-TV-Z]{8}");
            assertThat(code.substring(3)).doesNotContain("I", "L", "O", "U");
            assertThat(SessionCodes.isValid(code)).isTrue();
        }
    }

    @Test
    void everyCharacterOfTheAlphabetTurnsUpAndNothingElse() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            for (char c : codes.next().substring(3).toCharArray()) {
                seen.add(c);
            }
        }
        Set<Character> alphabet = new HashSet<>();
        for (char c : SessionCodes.ALPHABET.toCharArray()) {
            alphabet.add(c);
        }
        assertThat(SessionCodes.ALPHABET).hasSize(32);
        assertThat(seen).isEqualTo(alphabet);
    }

    @Test
    void codesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            seen.add(codes.next());
        }
        assertThat(seen).hasSize(20_000);
    }

    @Test
    void rejectsOtherShapes() {
        assertThat(SessionCodes.isValid("RS-ABCDEFGH")).isTrue();
        assertThat(SessionCodes.isValid("RS-ABCDEFGI")).isFalse();
        assertThat(SessionCodes.isValid("RS-ABCDEFG")).isFalse();
        assertThat(SessionCodes.isValid("rs-abcdefgh")).isFalse();
        assertThat(SessionCodes.isValid(null)).isFalse();
    }
}
