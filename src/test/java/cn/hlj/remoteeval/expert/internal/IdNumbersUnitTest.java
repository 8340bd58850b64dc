package cn.hlj.remoteeval.expert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.testsupport.FakeIdentities;

class IdNumbersUnitTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void acceptsTheStandardsExampleAndOtherValidNumbers() {
        assertThat(IdNumbers.problem("11010519491231002X", TODAY)).isNull();
        assertThat(IdNumbers.problem("110101199003074477", TODAY)).isNull();
        assertThat(IdNumbers.problem("230102198512120012", TODAY)).isNull();
    }

    @RepeatedTest(20)
    void theTestGeneratorsNumbersAreValid() {
        assertThat(IdNumbers.problem(FakeIdentities.idNumber(), TODAY)).isNull();
    }

    @Test
    void computesTheIso7064Mod112CheckCharacter() {
        assertThat(IdNumbers.checkCharacterOf("11010519491231002")).isEqualTo('X');
        assertThat(IdNumbers.checkCharacterOf("11010119900307447")).isEqualTo('7');
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThat(IdNumbers.problem("110105194912310021", TODAY)).contains("校验码");
        assertThat(IdNumbers.problem(FakeIdentities.withWrongCheckCharacter(FakeIdentities.idNumber()), TODAY))
                .contains("校验码");
    }

    @Test
    void refusesTheWrongShape() {
        assertThat(IdNumbers.problem("", TODAY)).contains("不能为空");
        assertThat(IdNumbers.problem("11010519491231002", TODAY)).contains("18 位");
        assertThat(IdNumbers.problem("11010519491231002XX", TODAY)).contains("18 位");
        assertThat(IdNumbers.problem("1101051949123100AX", TODAY)).contains("18 位");
        assertThat(IdNumbers.problem("11010519491231002Y", TODAY)).contains("18 位");
    }

    @Test
    void refusesAnImpossibleBirthDateOrRegion() {
        String feb30 = "2301021985023000" + "1";
        assertThat(IdNumbers.problem(feb30 + IdNumbers.checkCharacterOf(feb30), TODAY)).contains("出生日期");
        String future = "23010220300101001";
        assertThat(IdNumbers.problem(future + IdNumbers.checkCharacterOf(future), TODAY)).contains("出生日期");
        String old = "23010218990101001";
        assertThat(IdNumbers.problem(old + IdNumbers.checkCharacterOf(old), TODAY)).contains("出生日期");
        String region = "99010219850101001";
        assertThat(IdNumbers.problem(region + IdNumbers.checkCharacterOf(region), TODAY)).contains("地区码");
    }

    @Test
    void normalisesALowerCaseXAndSpaces() {
        assertThat(IdNumbers.normalise(" 11010519491231002x ")).isEqualTo("11010519491231002X");
        assertThat(IdNumbers.problem(IdNumbers.normalise("11010519491231002x"), TODAY)).isNull();
    }

    @Test
    void messagesNeverRepeatTheNumber() {
        for (String bad : new String[] { "110105194912310021", "11010519491231002", "99010219850101001X" }) {
            assertThat(IdNumbers.problem(bad, TODAY)).doesNotContain(bad).doesNotContain(bad.substring(0, 6));
        }
    }
}
