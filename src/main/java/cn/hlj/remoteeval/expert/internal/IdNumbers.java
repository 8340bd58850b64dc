package cn.hlj.remoteeval.expert.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * The 18-character citizen identity number of GB 11643-1999: a 6-digit region code, the birth date
 * (yyyyMMdd), a 3-digit sequence and a check character computed with ISO 7064 MOD 11-2 (0–9 or X).
 * Messages are for the person importing the file and never repeat the number.
 */
final class IdNumbers {

    static final int LENGTH = 18;
    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };
    /** Province-level codes of GB/T 2260, and 81–83 of the residence permits of Hong Kong, Macao and Taiwan residents. */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82", "83");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private IdNumbers() {
    }

    /** The form the blind index is computed over: stripped, with a lower-case x made upper-case. */
    static String normalise(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    /** What is wrong with an already normalised number, or null when it is a valid one. */
    static String problem(String normalised, LocalDate today) {
        if (normalised == null || normalised.isEmpty()) {
            return "身份证号不能为空";
        }
        if (normalised.length() != LENGTH || !digits(normalised, 0, 17) || !checkCharacter(normalised.charAt(17))) {
            return "身份证号应为 18 位：前 17 位为数字，最后一位为数字或 X";
        }
        if (!PROVINCES.contains(normalised.substring(0, 2))) {
            return "身份证号的前 6 位地区码无效";
        }
        LocalDate birth = birthDate(normalised);
        if (birth == null || birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return "身份证号第 7–14 位的出生日期无效";
        }
        if (checkCharacterOf(normalised.substring(0, 17)) != normalised.charAt(17)) {
            return "身份证号校验码不正确（GB 11643 第 18 位），请核对号码";
        }
        return null;
    }

    /** The check character (ISO 7064 MOD 11-2) of the first 17 digits. */
    static char checkCharacterOf(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static LocalDate birthDate(String number) {
        try {
            return LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean digits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean checkCharacter(char c) {
        return (c >= '0' && c <= '9') || c == 'X';
    }
}
