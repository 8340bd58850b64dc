import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a synthetic expert pool for the import of {@code POST /api/experts/import} (bench/run-expert-draw.sh):
 * an {@code .xlsx} written with POI's streaming SXSSF (at most 200 rows in memory) and/or a UTF-8 {@code .csv}
 * with the same rows, header {@code 姓名,身份证号,手机号,专业代码,专家类别,工作单位,所在地市}.
 *
 * <pre>
 * java -cp poi-ooxml.jar:poi.jar:... bench/ExpertPoolGenerator.java --rows 100000 --specialties codes.txt
 *      --centers HRB,QQHR,... [--xlsx pool.xlsx] [--csv pool.csv] [--employers-out employers.txt]
 *      [--shared-strings true] [--seed 20261124]
 * </pre>
 *
 * <p>Row {@code i} (0-based) has specialty {@code codes[i mod S]} and city {@code centers[(i div S) mod C]},
 * so every (specialty, city) group has {@code rows / (S × C)} experts, ±1 (35–36 for 100,000 × 200 × 14).
 * Every 身份证号 is a valid GB 11643 number (Heilongjiang region codes, birth 1956–1988, check character by
 * ISO 7064 MOD 11-2) and unique: row {@code i} has region {@code i mod 20} and birth day {@code (i div 20) mod 12000}
 * (unique up to 240,000 rows; beyond, the sequence number's hundreds tell blocks apart). Every mobile is
 * unique: prefix {@code i mod 25} of 25 mainland prefixes and 8 digits {@code (k × 7919 + 12345678) mod 10^8}
 * with {@code k = i div 25} (7919 is prime to 10^8). Names are random (not unique). Employers are drawn
 * uniformly from a fixed list of organisations, written to {@code --employers-out} so that the load driver can
 * name tenderers and bidders that some experts work for. Category: 经济 for the cost, economics, business and
 * finance specialties (A06, C03, C04, C05 and below), 技术 otherwise.
 *
 * <p>{@code --shared-strings true} (the default) stores text in the shared-strings table as Excel does; the
 * import then reads that table once into memory. {@code false} writes inline strings.
 * The generator checks its own output: unique numbers and mobiles, valid check characters.
 */
public class ExpertPoolGenerator {

    static final List<String> HEADER = List.of("姓名", "身份证号", "手机号", "专业代码", "专家类别", "工作单位", "所在地市");
    static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** District codes of Heilongjiang (GB/T 2260). */
    static final String[] REGIONS = {"230102", "230103", "230104", "230108", "230109", "230110", "230111", "230112",
            "230113", "230202", "230203", "230302", "230402", "230502", "230602", "230702", "230803", "230902",
            "231002", "231202"};
    static final int BIRTH_DAYS = 12_000;
    static final LocalDate FIRST_BIRTH = LocalDate.of(1956, 1, 1);
    static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
            "151", "152", "157", "158", "159", "176", "177", "178", "180", "181", "186", "187", "188", "189", "199"};
    static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文";
    static final String GIVEN = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽";
    static final String[] CITIES = {"哈尔滨", "齐齐哈尔", "牡丹江", "佳木斯", "大庆", "鸡西", "双鸭山", "伊春", "七台河", "鹤岗",
            "黑河", "绥化", "大兴安岭"};
    static final String[] KINDS = {"建设工程有限公司", "市政工程设计研究院有限公司", "工程咨询有限公司", "电力工程有限公司",
            "信息技术有限公司", "会计师事务所有限公司", "律师事务所", "交通规划设计院有限公司", "水利勘测设计研究院有限公司",
            "医科大学附属医院"};
    static final String[] ORDINALS = {"", "第一", "第二"};

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        int rows = Integer.parseInt(opts.getOrDefault("rows", "100000"));
        List<String> specialties = Files.readAllLines(Path.of(required(opts, "specialties"))).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        List<String> centers = Arrays.stream(required(opts, "centers").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        long seed = Long.parseLong(opts.getOrDefault("seed", "20261124"));
        boolean sharedStrings = Boolean.parseBoolean(opts.getOrDefault("shared-strings", "true"));
        if (rows > REGIONS.length * BIRTH_DAYS * 10) {
            throw new IllegalArgumentException("at most " + REGIONS.length * BIRTH_DAYS * 10 + " rows");
        }
        List<String> employers = employers();
        if (opts.containsKey("employers-out")) {
            Files.write(Path.of(opts.get("employers-out")), employers, StandardCharsets.UTF_8);
        }

        long t0 = System.nanoTime();
        Random random = new Random(seed);
        Set<String> ids = new HashSet<>(rows * 2);
        Set<String> mobiles = new HashSet<>(rows * 2);
        Map<String, Integer> groups = new LinkedHashMap<>();
        SXSSFWorkbook workbook = null;
        Sheet sheet = null;
        BufferedWriter csv = null;
        if (opts.containsKey("xlsx")) {
            workbook = new SXSSFWorkbook(null, 200, true, sharedStrings);
            sheet = workbook.createSheet("专家库");
            write(sheet.createRow(0), HEADER);
        }
        if (opts.containsKey("csv")) {
            csv = Files.newBufferedWriter(Path.of(opts.get("csv")), StandardCharsets.UTF_8);
            csv.write('\uFEFF'); // as Excel's "CSV UTF-8" saves it
            csv.write(String.join(",", HEADER));
            csv.write("\r\n");
        }
        for (int i = 0; i < rows; i++) {
            String specialty = specialties.get(i % specialties.size());
            String city = centers.get((i / specialties.size()) % centers.size());
            String id = idNumber(i, random);
            String mobile = mobile(i);
            if (!ids.add(id) || !mobiles.add(mobile)) {
                throw new IllegalStateException("row " + i + ": duplicate id number or mobile");
            }
            if (checkCharacterOf(id.substring(0, 17)) != id.charAt(17)) {
                throw new IllegalStateException("row " + i + ": wrong check character");
            }
            groups.merge(specialty + "|" + city, 1, Integer::sum);
            List<String> cells = List.of(name(random), id, mobile, specialty, category(specialty),
                    employers.get(random.nextInt(employers.size())), city);
            if (sheet != null) {
                write(sheet.createRow(i + 1), cells);
            }
            if (csv != null) {
                csv.write(String.join(",", cells)); // no cell holds a comma, quote or line break
                csv.write("\r\n");
            }
        }
        if (csv != null) {
            csv.close();
        }
        if (workbook != null) {
            try (OutputStream out = Files.newOutputStream(Path.of(opts.get("xlsx")))) {
                workbook.write(out);
            }
            workbook.dispose();
            workbook.close();
        }
        int min = groups.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = groups.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        System.out.printf(Locale.ROOT, "generated %d experts over %d specialties x %d centers (%d groups of %d-%d experts),"
                + " %d employers, in %.1f s%s%s%n", rows, specialties.size(), centers.size(), groups.size(), min, max,
                employers.size(), (System.nanoTime() - t0) / 1e9,
                opts.containsKey("xlsx") ? "; " + opts.get("xlsx") + " " + size(opts.get("xlsx"))
                        + (sharedStrings ? " (shared strings)" : " (inline strings)") : "",
                opts.containsKey("csv") ? "; " + opts.get("csv") + " " + size(opts.get("csv")) : "");
    }

    static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            row.createCell(c).setCellValue(cells.get(c));
        }
    }

    /** Unique per row: (region, birth day) differ for rows below 20 × 12000; the sequence's hundreds beyond. */
    static String idNumber(int i, Random random) {
        String region = REGIONS[i % REGIONS.length];
        LocalDate birth = FIRST_BIRTH.plusDays((i / REGIONS.length) % BIRTH_DAYS);
        int block = i / (REGIONS.length * BIRTH_DAYS);
        int sequence = block * 100 + random.nextInt(100);
        String first17 = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format(Locale.ROOT, "%03d", sequence);
        return first17 + checkCharacterOf(first17);
    }

    static String mobile(int i) {
        long k = i / MOBILE_PREFIXES.length;
        return MOBILE_PREFIXES[i % MOBILE_PREFIXES.length]
                + String.format(Locale.ROOT, "%08d", (k * 7919 + 12_345_678) % 100_000_000L);
    }

    static char checkCharacterOf(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    static String name(Random random) {
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = random.nextInt(3) == 0 ? 1 : 2;
        for (int g = 0; g < given; g++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    static String category(String specialty) {
        for (String economic : new String[] {"A06", "C03", "C04", "C05"}) {
            if (specialty.startsWith(economic)) {
                return "经济";
            }
        }
        return "技术";
    }

    /** 13 cities × 10 kinds × 3 = 390 organisations, in a fixed order. */
    static List<String> employers() {
        List<String> employers = new ArrayList<>();
        for (String ordinal : ORDINALS) {
            for (String city : CITIES) {
                for (String kind : KINDS) {
                    employers.add(city + "市".repeat(city.equals("大兴安岭") ? 0 : 1) + ordinal + kind);
                }
            }
        }
        return employers;
    }

    static String size(String file) throws IOException {
        return String.format(Locale.ROOT, "%.1f MB", Files.size(Path.of(file)) / 1e6);
    }

    static String required(Map<String, String> opts, String key) {
        String value = opts.get(key);
        if (value == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return value;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }
}
