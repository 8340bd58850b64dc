package cn.hlj.remoteeval.crossprovince.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.reporting.ReportNoteSource.ReportNote;

/** The province sheet's notes on the partner targets, as they stood on the month's last day. */
class PartnerTargetNotesUnitTest {

    /** Two provinces connected in June 2026, a third joint-tested in February and connected on 2026-12-10. */
    private static final List<PartnerProvinceStore.Stored> CHANGES = List.of(
            stored("JL", 1, PartnerState.NEGOTIATING, "2025-06-01"), stored("JL", 2, PartnerState.JOINT_TEST_PASSED, "2026-01-10"),
            stored("JL", 3, PartnerState.CONNECTED, "2026-06-01"),
            stored("LN", 1, PartnerState.NEGOTIATING, "2025-06-01"), stored("LN", 2, PartnerState.JOINT_TEST_PASSED, "2026-05-10"),
            stored("LN", 3, PartnerState.CONNECTED, "2026-06-02"),
            stored("NM", 1, PartnerState.NEGOTIATING, "2025-06-01"), stored("NM", 2, PartnerState.JOINT_TEST_PASSED, "2026-02-01"),
            stored("NM", 3, PartnerState.CONNECTED, "2026-12-10"));

    private static PartnerProvinceStore.Stored stored(String code, int seq, PartnerState to, String on) {
        return new PartnerProvinceStore.Stored(code,
                new PartnerChange(seq, null, to, LocalDate.parse(on), null, "staff-prov", Instant.EPOCH));
    }

    private final PartnerTargetNotes notes = new PartnerTargetNotes(new PartnerTargetService(new PartnerProvinceStore(null) {
        @Override
        List<Stored> allChanges() {
            return new ArrayList<>(CHANGES);
        }
    }, new PartnerTargetPlan(PartnerTargetProperties.POLICY, 30), Clock.fixed(Instant.EPOCH, ZoneId.of("UTC"))));

    @Test
    void octoberFlagsTheNovemberTargetAtRiskAndListsTheMetJointTests() {
        List<ReportNote> october = notes.notes(ReportMonth.of(2026, 10));
        assertThat(october).hasSize(3).allMatch(n -> n.topic().equals("合作省份目标"));
        // 2026-10-31 is exactly 30 days before 2026-11-30.
        assertThat(october.get(0).alert()).isFalse();
        assertThat(october.get(0).text()).contains("2026年4月30日前与不少于 2 个省份通过联调测试").contains("已完成");
        assertThat(october.get(1).alert()).isTrue();
        assertThat(october.get(1).text()).contains("2026年11月30日前与不少于 3 个省份实现互联互通").contains("存在未按期完成风险")
                .contains("仅有 2 个").contains("30 天");
        assertThat(october.get(2).alert()).isFalse();
        assertThat(october.get(2).text()).contains("推进中");
    }

    @Test
    void septemberIsStillOnTrackAndNovemberIsMissedFromDecemberOn() {
        assertThat(notes.notes(ReportMonth.of(2026, 9)).get(1).alert()).isFalse();
        // The month's last day is the due date: not yet missed, still at risk.
        ReportNote november = notes.notes(ReportMonth.of(2026, 11)).get(1);
        assertThat(november.alert()).isTrue();
        assertThat(november.text()).contains("存在未按期完成风险");
        // The third connection of 2026-12-10 comes too late for the November target.
        ReportNote december = notes.notes(ReportMonth.of(2026, 12)).get(1);
        assertThat(december.alert()).isTrue();
        assertThat(december.text()).contains("未按期完成").contains("仅有 2 个");
        assertThat(notes.notes(ReportMonth.of(2026, 12))).isEqualTo(notes.notes(ReportMonth.of(2026, 12)));
    }

    @Test
    void theJointTestTargetIsMetFromTheMonthOfTheSecondJointTest() {
        // Joint tests: JL 2026-01-10, NM 2026-02-01: two by February, so met in every month from February.
        assertThat(notes.notes(ReportMonth.of(2026, 1)).get(0).alert()).isFalse();
        assertThat(notes.notes(ReportMonth.of(2026, 1)).get(0).text()).contains("推进中");
        assertThat(notes.notes(ReportMonth.of(2026, 2)).get(0).text()).contains("已完成");
        assertThat(notes.notes(ReportMonth.of(2026, 5)).get(0).text()).contains("已完成");
    }
}
