package cn.hlj.remoteeval.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The month is the province's (UTC+8), whatever the server's zone. */
class ReportMonthUnitTest {

    private static final ReportMonth OCTOBER = ReportMonth.of(2026, 10);
    private static final ReportMonth NOVEMBER = ReportMonth.of(2026, 11);

    @Test
    void midnightInTheProvinceStartsTheNextMonth() {
        Instant midnight = Instant.parse("2026-10-31T16:00:00Z");
        assertThat(NOVEMBER.contains(midnight)).isTrue();
        assertThat(OCTOBER.contains(midnight)).isFalse();
        assertThat(OCTOBER.end()).isEqualTo(midnight);
        assertThat(NOVEMBER.start()).isEqualTo(midnight);
    }

    @Test
    void theLastSecondBeforeMidnightInTheProvinceIsStillTheMonth() {
        Instant last = Instant.parse("2026-10-31T15:59:59Z");
        assertThat(OCTOBER.contains(last)).isTrue();
        assertThat(NOVEMBER.contains(last)).isFalse();
        assertThat(OCTOBER.contains(Instant.parse("2026-10-31T15:59:59.999999Z"))).isTrue();
    }

    @Test
    void theMonthStartsAtMidnightInTheProvinceNotInUtc() {
        assertThat(OCTOBER.start()).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
        assertThat(OCTOBER.contains(Instant.parse("2026-09-30T15:59:59Z"))).isFalse();
        assertThat(OCTOBER.contains(Instant.parse("2026-09-30T16:00:00Z"))).isTrue();
    }

    @Test
    void datesBelongByTheirCalendarDay() {
        assertThat(OCTOBER.contains(LocalDate.of(2026, 10, 31))).isTrue();
        assertThat(OCTOBER.contains(LocalDate.of(2026, 11, 1))).isFalse();
        assertThat(OCTOBER.firstDay()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(OCTOBER.lastDay()).isEqualTo(LocalDate.of(2026, 10, 31));
    }
}
