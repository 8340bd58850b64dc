package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

/** The expert draw is due the lead time before the session starts, in the province's time. */
class ExpertDrawTimingUnitTest {

    private final ExpertDrawTiming timing = new ExpertDrawTiming(new ExpertNoticeProperties(Duration.ofHours(24),
            Duration.ofHours(2), LocalTime.of(8, 30), LocalTime.of(13, 30), "【测试】"));

    @Test
    void aMorningSessionsDrawIsDueTheMorningBeforeInShanghaiTime() {
        assertThat(timing.drawAt("2036-03-10", "AM").toInstant()).isEqualTo(Instant.parse("2036-03-09T00:30:00Z"));
    }

    @Test
    void anAfternoonSessionsDrawIsDueTheAfternoonBefore() {
        assertThat(timing.drawAt("2036-03-10", "PM").toInstant()).isEqualTo(Instant.parse("2036-03-09T05:30:00Z"));
    }
}
