package cn.hlj.remoteeval.expert.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import cn.hlj.remoteeval.expert.ExpertCategory;
import cn.hlj.remoteeval.web.FieldViolation;
import cn.hlj.remoteeval.web.TabularFile;

/**
 * Checks the rows of one expert import file, in file order: each cell on its own, and each 身份证号
 * against the rows before it (a repeated number is an error on the later row). Messages name the
 * row and column ({@code 第{row}行.{header}}) and never repeat a name, 身份证号 or mobile.
 */
final class ExpertImportRows {

    static final String NAME = "姓名";
    static final String ID_NUMBER = "身份证号";
    static final String MOBILE = "手机号";
    static final String SPECIALTY = "专业代码";
    static final String CATEGORY = "专家类别";
    static final String EMPLOYER = "工作单位";
    static final String CITY = "所在地市";
    static final List<String> HEADER = List.of(NAME, ID_NUMBER, MOBILE, SPECIALTY, CATEGORY, EMPLOYER, CITY);

    static final int NAME_MAX = 50;
    static final int EMPLOYER_MAX = 200;
    private static final Pattern MOBILE_PATTERN = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern MOBILE_SEPARATORS = Pattern.compile("[ \\-]");
    private static final Pattern SPECIALTY_LIKE = Pattern.compile("[A-Za-z][0-9]{0,8}");
    private static final Pattern CODE_LIKE = Pattern.compile("[A-Za-z]{1,8}");

    private final Set<String> specialties;
    private final Set<String> centers;
    private final LocalDate today;
    private final Map<String, Integer> firstRowOfIdNumber = new HashMap<>();
    private int reported;

    ExpertImportRows(Set<String> specialties, Set<String> centers, LocalDate today) {
        this.specialties = specialties;
        this.centers = centers;
        this.today = today;
    }

    /**
     * The row as an expert, or null when it has a problem; each problem is passed to {@code problems}.
     *
     * @param cells the stripped cells of the seven columns, "" when empty
     */
    ExpertFields check(int row, List<String> cells, Consumer<FieldViolation> problems) {
        int before = reported;
        String name = name(row, cells.get(0), problems);
        String idNumber = idNumber(row, cells.get(1), problems);
        String mobile = mobile(row, cells.get(2), problems);
        String specialty = specialty(row, cells.get(3), problems);
        ExpertCategory category = category(row, cells.get(4), problems);
        String employer = employer(row, cells.get(5), problems);
        String city = city(row, cells.get(6), problems);
        if (idNumber != null) {
            Integer first = firstRowOfIdNumber.putIfAbsent(idNumber, row);
            if (first != null) {
                report(problems, row, ID_NUMBER, "身份证号与第 " + first + " 行重复，同一专家在文件中只能出现一次");
                idNumber = null;
            }
        }
        if (reported != before) {
            return null;
        }
        return new ExpertFields(name, idNumber, mobile, specialty, category, employer, city);
    }

    private void report(Consumer<FieldViolation> problems, int row, String column, String message) {
        reported++;
        problems.accept(new FieldViolation(TabularFile.field(row, column), message));
    }

    private String name(int row, String value, Consumer<FieldViolation> problems) {
        if (value.isEmpty()) {
            report(problems, row, NAME, "姓名不能为空");
            return null;
        }
        if (value.codePointCount(0, value.length()) > NAME_MAX) {
            report(problems, row, NAME, "姓名不能超过 " + NAME_MAX + " 个字");
            return null;
        }
        return value;
    }

    private String idNumber(int row, String value, Consumer<FieldViolation> problems) {
        String normalised = IdNumbers.normalise(value);
        String problem = IdNumbers.problem(normalised, today);
        if (problem != null) {
            report(problems, row, ID_NUMBER, problem);
            return null;
        }
        return normalised;
    }

    private String mobile(int row, String value, Consumer<FieldViolation> problems) {
        if (value.isEmpty()) {
            report(problems, row, MOBILE, "手机号不能为空");
            return null;
        }
        String normalised = MOBILE_SEPARATORS.matcher(value).replaceAll("");
        if (!MOBILE_PATTERN.matcher(normalised).matches()) {
            report(problems, row, MOBILE, "手机号应为 11 位中国大陆手机号码（以 13–19 开头）");
            return null;
        }
        return normalised;
    }

    private String specialty(int row, String value, Consumer<FieldViolation> problems) {
        if (value.isEmpty()) {
            report(problems, row, SPECIALTY, "专业代码不能为空");
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (!specialties.contains(code)) {
            report(problems, row, SPECIALTY, "专业代码" + quoted(value, SPECIALTY_LIKE) + "不在评标专家专业分类中（见 GET /api/specialties）");
            return null;
        }
        return code;
    }

    private ExpertCategory category(int row, String value, Consumer<FieldViolation> problems) {
        for (ExpertCategory category : ExpertCategory.values()) {
            if (category.label().equals(value)) {
                return category;
            }
        }
        report(problems, row, CATEGORY, value.isEmpty() ? "专家类别不能为空，应填“技术”或“经济”"
                : "专家类别只能填“技术”或“经济”");
        return null;
    }

    private String employer(int row, String value, Consumer<FieldViolation> problems) {
        if (value.isEmpty()) {
            report(problems, row, EMPLOYER, "工作单位不能为空");
            return null;
        }
        if (value.codePointCount(0, value.length()) > EMPLOYER_MAX) {
            report(problems, row, EMPLOYER, "工作单位不能超过 " + EMPLOYER_MAX + " 个字");
            return null;
        }
        return value;
    }

    private String city(int row, String value, Consumer<FieldViolation> problems) {
        if (value.isEmpty()) {
            report(problems, row, CITY, "所在地市不能为空，应填交易中心代码（如 HRB）");
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (!centers.contains(code)) {
            report(problems, row, CITY, "所在地市应填交易中心代码（如 HRB、QQHR），" + quoted(value, CODE_LIKE) + "不是交易中心代码");
            return null;
        }
        return code;
    }

    /**
     * A wrong code or label is echoed only when it looks like one: a column filled from the wrong
     * source could hold a 身份证号 or a mobile, which must not reach a message.
     */
    private static String quoted(String value, Pattern harmless) {
        return harmless.matcher(value).matches() ? "“" + value + "”" : "（所填内容）";
    }
}
