package cn.hlj.remoteeval.expert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.expert.ExpertCategory;
import cn.hlj.remoteeval.testsupport.FakeIdentities;
import cn.hlj.remoteeval.web.FieldViolation;

class ExpertImportRowsUnitTest {

    private final ExpertImportRows rows = new ExpertImportRows(Set.of("A0101", "C0201"), Set.of("HRB", "QQHR"),
            LocalDate.of(2026, 11, 24));
    private final List<FieldViolation> problems = new ArrayList<>();

    private ExpertFields check(int row, String... cells) {
        return rows.check(row, List.of(cells), problems::add);
    }

    private List<String> fields() {
        return problems.stream().map(FieldViolation::field).toList();
    }

    @Test
    void aGoodRowBecomesANormalisedExpert() {
        String id = FakeIdentities.idNumberEndingInX();
        ExpertFields expert = check(2, "张三", id.toLowerCase(), "139 0000-1234", "a0101", "经济", "示例单位", "hrb");

        assertThat(problems).isEmpty();
        assertThat(expert).isEqualTo(new ExpertFields("张三", id, "13900001234", "A0101", ExpertCategory.ECONOMIC,
                "示例单位", "HRB"));
        assertThat(expert.toString()).doesNotContain("张三").doesNotContain(id).doesNotContain("13900001234");
    }

    @Test
    void everyBadCellIsReportedWithItsRowAndColumn() {
        String wrongCheck = FakeIdentities.withWrongCheckCharacter(FakeIdentities.idNumber());
        ExpertFields expert = check(7, "", wrongCheck, "23900001234", "Z99", "技术员", "", "BJ");

        assertThat(expert).isNull();
        assertThat(fields()).containsExactly("第7行.姓名", "第7行.身份证号", "第7行.手机号", "第7行.专业代码", "第7行.专家类别",
                "第7行.工作单位", "第7行.所在地市");
        assertThat(problems.get(1).message()).contains("校验码");
        assertThat(problems.get(2).message()).contains("11 位");
        assertThat(problems.get(3).message()).contains("Z99");
        assertThat(problems.get(4).message()).contains("技术").contains("经济");
        assertThat(problems.get(6).message()).contains("BJ");
    }

    @Test
    void aBadMobileIsRefused() {
        for (String mobile : new String[] { "1390000123", "139000012345", "12900001234", "+8613900001234", "1390000123a" }) {
            problems.clear();
            assertThat(check(3, "李四", FakeIdentities.idNumber(), mobile, "A0101", "技术", "单位", "HRB")).as(mobile).isNull();
            assertThat(fields()).containsExactly("第3行.手机号");
        }
    }

    @Test
    void aRepeatedIdNumberIsAnErrorOnTheLaterRowOnly() {
        String id = FakeIdentities.idNumberEndingInX();
        assertThat(check(2, "王五", id, FakeIdentities.mobile(), "A0101", "技术", "单位", "HRB")).isNotNull();
        assertThat(check(3, "赵六", FakeIdentities.idNumber(), FakeIdentities.mobile(), "C0201", "经济", "单位", "QQHR"))
                .isNotNull();
        assertThat(check(4, "王五", id.toLowerCase(), FakeIdentities.mobile(), "A0101", "技术", "单位", "HRB")).isNull();

        assertThat(fields()).containsExactly("第4行.身份证号");
        assertThat(problems.get(0).message()).contains("第 2 行").doesNotContain(id);
    }

    @Test
    void tooLongTextsAreRefused() {
        check(5, "名".repeat(51), FakeIdentities.idNumber(), FakeIdentities.mobile(), "A0101", "技术", "单".repeat(201),
                "HRB");

        assertThat(fields()).containsExactly("第5行.姓名", "第5行.工作单位");
    }

    @Test
    void aValueThatMayBePersonalIsNeverEchoed() {
        String id = FakeIdentities.idNumber();
        String mobile = FakeIdentities.mobile();
        check(2, "张三", FakeIdentities.idNumber(), FakeIdentities.mobile(), id, "张三", "单位", mobile);

        assertThat(fields()).containsExactly("第2行.专业代码", "第2行.专家类别", "第2行.所在地市");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).doesNotContain(id).doesNotContain(mobile)
                .doesNotContain("张三"));
    }
}
