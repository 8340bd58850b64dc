import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes an expert pool import file for the benchmark: N experts over S specialties (Z001, Z002, …,
 * which the run registers first through POST /api/specialties) and the 14 centers, technical and
 * economic, with 身份证号 that pass GB 11643 and are unique by construction (birth date and sequence
 * from the row number), unique mobiles and made-up names. .xlsx through POI's streaming writer (so
 * that the generator itself needs little memory), or UTF-8 .csv.
 *
 * Usage: java -cp <poi jars> bench/ExpertPoolFile.java <file.xlsx|file.csv> [rows=100000] [specialties=200]
 *        java bench/ExpertPoolFile.java --specialties [specialties=200]     (prints the codes, one a line)
 */
public class ExpertPoolFile {

    static final String[] CENTERS = { "PROV", "HRB", "QQHR", "MDJ", "JMS", "DQ", "JX", "SYS", "YC", "QTH", "HG", "HH",
            "SH", "DXAL" };
    static final String[] HEADER = { "姓名", "身份证号", "手机号", "专业代码", "专家类别", "工作单位", "所在地市" };
    static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };
    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石";
    static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红娥玲兰斌宇浩凯鹏飞鑫波宁琳颖晨阳欣怡佳雪梅";

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("--specialties")) {
            int specialties = args.length > 1 ? Integer.parseInt(args[1]) : 200;
            for (int s = 1; s <= specialties; s++) {
                System.out.println(specialty(s));
            }
            return;
        }
        Path file = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int specialties = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        if (file.toString().endsWith(".csv")) {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(String.join(",", HEADER));
                out.write("\r\n");
                for (int i = 0; i < rows; i++) {
                    out.write(String.join(",", row(i, specialties)));
                    out.write("\r\n");
                }
            }
        } else {
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(500); OutputStream out = Files.newOutputStream(file)) {
                workbook.setCompressTempFiles(true);
                Sheet sheet = workbook.createSheet("专家");
                write(sheet.createRow(0), HEADER);
                for (int i = 0; i < rows; i++) {
                    write(sheet.createRow(i + 1), row(i, specialties));
                }
                workbook.write(out);
                workbook.dispose();
            }
        }
        System.out.println(file + ": " + rows + " experts, " + specialties + " specialties, " + Files.size(file) + " bytes");
    }

    static String specialty(int s) {
        return "Z%03d".formatted(s);
    }

    static String[] row(int i, int specialties) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(i / 1000);
        String first17 = "230102" + "%04d%02d%02d".formatted(birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + "%03d".formatted(i % 1000);
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (first17.charAt(k) - '0') * WEIGHTS[k];
        }
        String name = "" + SURNAMES.charAt(i % SURNAMES.length()) + GIVEN.charAt((i / 7) % GIVEN.length())
                + (i % 3 == 0 ? "" : String.valueOf(GIVEN.charAt((i / 13) % GIVEN.length())));
        return new String[] { name, first17 + CHECK[sum % 11], "13" + "%09d".formatted(i), specialty(i % specialties + 1),
                i % 3 == 0 ? "经济" : "技术", "示例单位" + (i % 500 + 1), CENTERS[i % CENTERS.length] };
    }

    static void write(Row row, String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            row.createCell(c).setCellValue(cells[c]);
        }
    }
}
