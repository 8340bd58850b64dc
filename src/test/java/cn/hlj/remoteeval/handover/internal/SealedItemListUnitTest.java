package cn.hlj.remoteeval.handover.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SealedItemListUnitTest {

    static final String A = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String B = "60303AE22B998861BCE3B28F33EEC1BE758A213C86C93C076DBE9F558C11C752";

    @Test
    void readsOneFilePerLineWithItsChecksumLowerCased() {
        var items = SealedItemList.parse("评标室录像01.mp4," + A + "\n\n 会议,纪要.pdf ， " + B + " \r\n", 2);

        assertThat(items).containsExactly(new SealedItem(1, "评标室录像01.mp4", A),
                new SealedItem(2, "会议,纪要.pdf", B.toLowerCase()));
    }

    @Test
    void aChecksumThatIsNotSixtyFourHexCharactersNamesItsLine() {
        assertThatThrownBy(() -> SealedItemList.parse("a.mp4," + A + "\nb.mp4," + A.substring(1) + "g", 2))
                .isInstanceOf(InvalidForm.class).hasMessage("移交清单第 2 行的 SHA-256 校验值应为 64 位十六进制字符（0-9、a-f）");
        assertThatThrownBy(() -> SealedItemList.parse("a.mp4," + A.substring(2), 1)).isInstanceOf(InvalidForm.class)
                .hasMessageContaining("第 1 行");
    }

    @Test
    void aLineWithoutCommaOrFileNameIsRefused() {
        assertThatThrownBy(() -> SealedItemList.parse(A, 1)).hasMessage("移交清单第 1 行格式有误：应为“文件名,SHA-256校验值”");
        assertThatThrownBy(() -> SealedItemList.parse(" ," + A, 1)).hasMessage("移交清单第 1 行缺少文件名");
    }

    @Test
    void theNumberOfLinesMustMatchTheItemCount() {
        assertThatThrownBy(() -> SealedItemList.parse("a.mp4," + A, 2)).hasMessage("移交清单有 1 项，与填写的件数 2 不符");
        assertThatThrownBy(() -> SealedItemList.parse("a.mp4," + A, 0)).hasMessageContaining("件数应为 1 至");
        assertThatThrownBy(() -> SealedItemList.parse("  ", 1)).hasMessageContaining("请填写移交清单");
    }
}
