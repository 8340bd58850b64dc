package cn.hlj.remoteeval.confidentiality;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.hlj.remoteeval.testsupport.FakeIdentities;

/**
 * The values the audit searches for, fresh per run: a canary expert (name, 身份证号, mobile) and a
 * canary sub-venue (center code, center name, the room names of its workstations). Each is made so
 * that it is no substring of anything else a test writes: the code takes its letters from G–Z (never
 * a hexadecimal digit, so no hash or UUID contains it), the names carry random CJK characters, and the
 * mobile starts with 19 (no millisecond timestamp of this century does).
 */
record Canaries(String centerCode, String centerName, List<String> rooms, String expertName, String idNumber,
        String mobile, String staffUser, LocalDate evaluationDate) {

    static final String CENTER_NAME_PREFIX = "金丝雀";

    private static final SecureRandom RANDOM = new SecureRandom();

    static Canaries fresh() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append((char) ('G' + RANDOM.nextInt(20)));
        }
        String tag = cjk(3);
        List<String> rooms = List.of("雀" + tag + "评标甲室", "雀" + tag + "评标乙室", "雀" + tag + "评标丙室");
        String staff = "wang-" + (100_000 + RANDOM.nextInt(900_000));
        // 2045..2049: after every date the other tests pick (FarDates 2031..2035, TenderBody 2036 onwards).
        LocalDate date = LocalDate.of(2045, 1, 2).plusDays(RANDOM.nextInt(5 * 365 - 10));
        return new Canaries(code.toString(), CENTER_NAME_PREFIX + tag + "公共资源交易中心", rooms, "欧阳" + cjk(2),
                FakeIdentities.idNumber(), "19" + "%09d".formatted(RANDOM.nextInt(1_000_000_000)), staff, date);
    }

    String staffGroup() {
        return "staff-" + centerCode;
    }

    /** The expert's personal data, by label. */
    Map<String, String> expertTerms() {
        Map<String, String> terms = new LinkedHashMap<>();
        terms.put("expert name", expertName);
        terms.put("expert 身份证号", idNumber);
        terms.put("expert mobile", mobile);
        return terms;
    }

    /** What names the sub-venue, by label. */
    Map<String, String> centerTerms() {
        Map<String, String> terms = new LinkedHashMap<>();
        terms.put("center code", centerCode);
        terms.put("center name", centerName);
        for (int i = 0; i < rooms.size(); i++) {
            terms.put("room " + (i + 1), rooms.get(i));
        }
        return terms;
    }

    Map<String, String> allTerms() {
        Map<String, String> terms = new LinkedHashMap<>(expertTerms());
        terms.putAll(centerTerms());
        return terms;
    }

    private static String cjk(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            // CJK Unified Ideographs, the rarer second half (U+7000..U+9FA5).
            text.append((char) (0x7000 + RANDOM.nextInt(0x9FA5 - 0x7000)));
        }
        return text.toString();
    }
}
