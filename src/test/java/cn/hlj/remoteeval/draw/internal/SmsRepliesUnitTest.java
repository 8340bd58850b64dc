package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replies as experts type them: full-width, spaced, lower case; anything else is no reply. */
class SmsRepliesUnitTest {

    @ParameterizedTest
    @ValueSource(strings = { "1 ABCDEFGHJKMN", "1ABCDEFGHJKMN", " 1  abcd efgh jkmn ", "１　ＡＢＣＤＥＦＧＨＪＫＭＮ",
            "１ abcdefghjkmn\n" })
    void oneAndTheCodeAccepts(String text) {
        assertThat(SmsReplies.parse(text)).hasValue(new SmsReplies.Reply(true, "ABCDEFGHJKMN"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2 0123456789AB", "2 0123456789ab", "２０１２３４５６７８９ａｂ" })
    void twoAndTheCodeDeclines(String text) {
        assertThat(SmsReplies.parse(text)).hasValue(new SmsReplies.Reply(false, "0123456789AB"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "好的", "1", "3 ABCDEFGHJKMN", "1 ABCDEFGHJKM", "1 ABCDEFGHJKMNP", "1 ABCDEFGHJKM!",
            "12 ABCDEFGHJKMN", "是 ABCDEFGHJKMN" })
    void anythingElseIsNoReply(String text) {
        assertThat(SmsReplies.parse(text)).isEmpty();
    }

    @Test
    void noTextIsNoReply() {
        assertThat(SmsReplies.parse(null)).isEmpty();
    }
}
