package cn.hlj.remoteeval.venue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.web.FieldViolation;
import cn.hlj.remoteeval.web.TabularFile.DataRow;

class WorkstationImportRowsUnitTest {

    private static DataRow row(int number, String code, String room, String cross, String av) {
        return new DataRow(number, List.of(code, room, cross, av));
    }

    @Test
    void goodRowsBecomeWorkstationsWithUpperCaseCodes() {
        WorkstationImportRows.Checked checked = WorkstationImportRows.check(List.of(
                row(2, "x01", "远程异地评标区 A 评标室 1", "是", "双路摄像头"),
                row(3, "R-02", "省内远程评标区 B 评标室 1", "否", "")), List.of());

        assertThat(checked.valid()).isTrue();
        assertThat(checked.workstations()).containsExactly(
                new WorkstationFields("X01", "远程异地评标区 A 评标室 1", true, "双路摄像头"),
                new WorkstationFields("R-02", "省内远程评标区 B 评标室 1", false, null));
    }

    @Test
    void everyProblemIsNamedByRowAndHeaderAndNoWorkstationIsReturned() {
        WorkstationImportRows.Checked checked = WorkstationImportRows.check(List.of(
                row(2, "X01", "评标室 1", "是", ""),
                row(3, "", "评标室 1", "Y", ""),
                row(4, "X 03", "", "否", "x".repeat(501)),
                row(5, "X01", "评标室 2", "", "")), List.of());

        assertThat(checked.valid()).isFalse();
        assertThat(checked.workstations()).isEmpty();
        assertThat(checked.violations()).extracting(FieldViolation::field).containsExactly(
                "第3行.工位编号", "第3行.支持跨省", "第4行.工位编号", "第4行.房间", "第4行.音视频设备说明",
                "第5行.支持跨省", "第5行.工位编号");
        assertThat(checked.violations().get(1).message()).isEqualTo("支持跨省应填“是”或“否”，不能填“Y”");
        assertThat(checked.violations().get(6).message()).isEqualTo("工位编号 X01 与第 2 行重复");
        assertThat(checked.violations()).allSatisfy(v -> assertThat(v.message()).containsPattern("\\p{IsHan}"));
    }

    @Test
    void duplicatesDifferingOnlyInCaseAreDuplicates() {
        WorkstationImportRows.Checked checked = WorkstationImportRows.check(List.of(
                row(2, "a1", "评标室 1", "是", ""), row(7, "A1", "评标室 1", "否", "")), List.of());

        assertThat(checked.violations()).containsExactly(new FieldViolation("第7行.工位编号", "工位编号 A1 与第 2 行重复"));
    }

    @Test
    void problemsOfTheFileShapeRejectTheFileToo() {
        FieldViolation extra = new FieldViolation("第9行", "第 5 列有内容，但表头只有 4 列");

        WorkstationImportRows.Checked checked = WorkstationImportRows.check(
                List.of(row(9, "X01", "评标室 1", "是", "")), List.of(extra));

        assertThat(checked.valid()).isFalse();
        assertThat(checked.violations()).containsExactly(extra);
    }

    @Test
    void aCodeLongerThanThirtyTwoCharactersIsRefused() {
        assertThat(WorkstationImportRows.check(List.of(row(2, "A".repeat(33), "评标室", "是", "")), List.of())
                .violations()).extracting(FieldViolation::field).containsExactly("第2行.工位编号");
        assertThat(WorkstationImportRows.check(List.of(row(2, "A".repeat(32), "评标室", "是", "")), List.of()).valid())
                .isTrue();
    }
}
