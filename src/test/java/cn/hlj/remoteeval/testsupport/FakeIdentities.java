package cn.hlj.remoteeval.testsupport;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Made-up personal data for tests: 身份证号 that pass GB 11643-1999 (region of Harbin, a birth date
 * from 1960 to 1995, the right check character), mainland mobiles and Chinese-looking names. Random,
 * so that tests sharing one database do not collide.
 */
public final class FakeIdentities {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };
    private static final String SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张";
    private static final String GIVEN = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸春夏秋冬梅兰竹菊";

    private static final int BIRTH_DAYS = 36 * 365;
    private static final long ID_SPACE = 8L * BIRTH_DAYS * 1000;
    // Coprime with ID_SPACE, so consecutive numbers spread over districts, dates and serials.
    private static final long ID_STRIDE = 7_919L;
    private static final AtomicLong NEXT_ID = new AtomicLong(ThreadLocalRandom.current().nextLong(ID_SPACE));

    private FakeIdentities() {
    }

    /**
     * A valid 18-character 身份证号 (its check character may be X), never the same twice in one JVM:
     * random numbers collided often enough (2,500 rows: about 3 %) to reject an import as "repeated in
     * the file". A random start keeps separate runs on one database apart.
     */
    public static String idNumber() {
        long n = Math.floorMod(NEXT_ID.getAndAdd(ID_STRIDE), ID_SPACE);
        int serial = (int) (n % 1000);
        int day = (int) (n / 1000 % BIRTH_DAYS);
        int district = (int) (n / 1000 / BIRTH_DAYS);
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(day);
        // Districts 230120–230127: no demo expert lives there (expert.internal.DemoPool uses 230102, 230103…),
        // so a test's expert never meets a demo expert's number.
        String first17 = "2301" + "%02d".formatted(20 + district) + "%04d%02d%02d".formatted(birth.getYear(),
                birth.getMonthValue(), birth.getDayOfMonth()) + "%03d".formatted(serial);
        return first17 + checkCharacter(first17);
    }

    /** A valid number whose check character is X, for the upper/lower-case tests. */
    public static String idNumberEndingInX() {
        String number;
        do {
            number = idNumber();
        } while (number.charAt(17) != 'X');
        return number;
    }

    /** The same number with a wrong check character. */
    public static String withWrongCheckCharacter(String idNumber) {
        char right = idNumber.charAt(17);
        char wrong = right == '0' ? '1' : '0';
        return idNumber.substring(0, 17) + wrong;
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** A mainland mobile number, 1[3-9] followed by nine digits. */
    public static String mobile() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000));
    }

    /** A two- or three-character name that no real test data uses by accident. */
    public static String name() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        for (int i = 0; i < 2; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }
}
