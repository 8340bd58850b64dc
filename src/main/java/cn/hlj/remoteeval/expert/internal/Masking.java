package cn.hlj.remoteeval.expert.internal;

/** The masked forms of personal data that lists show to the pool administrators. */
final class Masking {

    private Masking() {
    }

    /** {@code 张三} → {@code 张*}: the first character, then one star per remaining character. */
    static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        int rest = name.codePointCount(first, name.length());
        return name.substring(0, first) + "*".repeat(rest);
    }

    /** {@code 13900001234} → {@code 139****1234}. */
    static String mobile(String mobile) {
        if (mobile == null || mobile.length() < 7) {
            return mobile == null ? null : "*".repeat(mobile.length());
        }
        return mobile.substring(0, 3) + "*".repeat(mobile.length() - 7) + mobile.substring(mobile.length() - 4);
    }

    /** The first 4 and the last 4 characters of the 身份证号, stars between. */
    static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.length() < 9) {
            return idNumber == null ? null : "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }
}
