package cn.hlj.remoteeval.expert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingUnitTest {

    @Test
    void aNameKeepsItsFirstCharacterAndOneStarPerOtherCharacter() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("𠀾明")).as("a character outside the BMP counts once").isEqualTo("𠀾*");
    }

    @Test
    void aMobileKeepsThreeAndFourDigits() {
        assertThat(Masking.mobile("13900001234")).isEqualTo("139****1234");
    }

    @Test
    void anIdNumberKeepsFourAndFourCharacters() {
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("1101**********002X");
    }
}
