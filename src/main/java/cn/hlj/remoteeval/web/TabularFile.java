package cn.hlj.remoteeval.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded table for an import: the first sheet of an {@code .xlsx} workbook or a UTF-8
 * {@code .csv} file (byte order mark tolerated), whose first row must be exactly the expected
 * header. Every cell is read as the text the user sees: a formula cell gives its cached value and is
 * never evaluated. Rows keep the number the spreadsheet shows (the header is row 1); rows whose
 * cells are all blank are left out.
 *
 * <p>A file that cannot be read, or whose header differs, is refused at once with a problem naming
 * {@code file} or row 1. Cells to the right of the header are reported in {@link #violations()},
 * so that the caller can list them together with its own row checks and reject the whole file.
 */
public final class TabularFile {

    /** More rows than any center or the expert pool registers at once. */
    public static final int MAX_DATA_ROWS = 5_000;

    /**
     * The largest file read whole into memory: {@link #MAX_DATA_ROWS} rows of a few hundred bytes each,
     * many times over, far below the multipart limit (which the streaming expert import needs).
     */
    public static final int MAX_FILE_BYTES = 8 * 1024 * 1024;

    /** What a workbook may inflate to in all: an in-memory workbook costs many times its XML. */
    public static final long MAX_XLSX_INFLATED_BYTES = 64L * 1024 * 1024;

    /** The longest CSV record (one row, quoted line breaks included). */
    public static final int MAX_RECORD_CHARS = 64 * 1024;

    private static final String FILE_FIELD = "file";
    private static final char BOM = '\uFEFF';

    private final List<String> header;
    private final List<DataRow> rows;
    private final List<FieldViolation> violations;

    private TabularFile(List<String> header, List<DataRow> rows, List<FieldViolation> violations) {
        this.header = List.copyOf(header);
        this.rows = Collections.unmodifiableList(rows);
        this.violations = Collections.unmodifiableList(violations);
    }

    /**
     * One data row: its number in the spreadsheet and one stripped cell per header column ("" when
     * empty).
     */
    public record DataRow(int number, List<String> cells) {

        public DataRow {
            cells = List.copyOf(cells);
        }

        public String cell(int column) {
            return cells.get(column);
        }

        /** The field name of a cell in an import's problem response: {@code 第{row}行.{header}}. */
        public String field(String headerName) {
            return TabularFile.field(number, headerName);
        }
    }

    /** The field name of a cell in an import's problem response: {@code 第{row}行.{header}}. */
    public static String field(int rowNumber, String headerName) {
        return "第" + rowNumber + "行." + headerName;
    }

    /** The field name of a whole row in an import's problem response: {@code 第{row}行}. */
    public static String rowField(int rowNumber) {
        return "第" + rowNumber + "行";
    }

    /**
     * Reads the upload, choosing the format by the file name's extension.
     *
     * @throws ApiProblemException (400) when the file is missing, empty, of another format,
     *             unreadable, not UTF-8, too long, or its header differs from {@code expectedHeader}
     */
    public static TabularFile read(MultipartFile file, List<String> expectedHeader) {
        if (file == null || file.isEmpty()) {
            throw ApiProblemException.invalid(FILE_FIELD, "请上传文件（表单字段 file），文件不能为空");
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            throw tooLarge();
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw ApiProblemException.invalid(FILE_FIELD, "文件读取失败，请重新上传");
        }
        if (name.endsWith(".xlsx")) {
            return fromRows(readXlsx(content), expectedHeader);
        }
        if (name.endsWith(".csv")) {
            return fromRows(readCsv(content), expectedHeader);
        }
        throw ApiProblemException.invalid(FILE_FIELD, "只支持 .xlsx 或 UTF-8 编码的 .csv 文件");
    }

    /** Reads {@code .xlsx} bytes; for callers that receive the file otherwise than as an upload. */
    public static TabularFile readXlsx(byte[] content, List<String> expectedHeader) {
        if (content.length > MAX_FILE_BYTES) {
            throw tooLarge();
        }
        return fromRows(readXlsx(content), expectedHeader);
    }

    /** Reads UTF-8 {@code .csv} bytes; for callers that receive the file otherwise than as an upload. */
    public static TabularFile readCsv(byte[] content, List<String> expectedHeader) {
        if (content.length > MAX_FILE_BYTES) {
            throw tooLarge();
        }
        return fromRows(readCsv(content), expectedHeader);
    }

    private static ApiProblemException tooLarge() {
        String limit = "文件不能超过 " + MAX_FILE_BYTES / (1024 * 1024) + " MB（最多 " + MAX_DATA_ROWS + " 行数据）";
        return new ApiProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大", limit + "，请拆分后分批导入。",
                List.of(new FieldViolation(FILE_FIELD, limit)));
    }

    private static ApiProblemException tooManyRows() {
        String limit = "一次最多导入 " + MAX_DATA_ROWS + " 行数据";
        return new ApiProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大", limit + "，请拆分文件后分批导入。",
                List.of(new FieldViolation(FILE_FIELD, limit + "，请拆分文件")));
    }

    public List<String> header() {
        return header;
    }

    /** The non-blank data rows, in file order. */
    public List<DataRow> rows() {
        return rows;
    }

    /** Problems of the file's shape found while reading (cells beyond the header's columns). */
    public List<FieldViolation> violations() {
        return violations;
    }

    /** A raw row: its number (1-based, as the spreadsheet shows it) and its cells as read. */
    private record RawRow(int number, List<String> cells) {
    }

    private static TabularFile fromRows(List<RawRow> raw, List<String> expectedHeader) {
        String expected = String.join(",", expectedHeader);
        if (raw.isEmpty() || raw.get(0).number() != 1) {
            throw ApiProblemException.invalid(rowField(1), "第 1 行应为表头：" + expected);
        }
        List<String> actual = new ArrayList<>();
        for (String cell : raw.get(0).cells()) {
            actual.add(cell.strip());
        }
        while (!actual.isEmpty() && actual.get(actual.size() - 1).isEmpty()) {
            actual.remove(actual.size() - 1);
        }
        if (!actual.equals(expectedHeader)) {
            throw ApiProblemException.invalid(rowField(1),
                    "表头应为：" + expected + "（实际为：" + String.join(",", actual) + "）");
        }
        List<DataRow> rows = new ArrayList<>();
        List<FieldViolation> violations = new ArrayList<>();
        int columns = expectedHeader.size();
        for (RawRow row : raw.subList(1, raw.size())) {
            List<String> cells = new ArrayList<>(columns);
            boolean blank = true;
            for (int i = 0; i < columns; i++) {
                String value = i < row.cells().size() ? row.cells().get(i).strip() : "";
                blank &= value.isEmpty();
                cells.add(value);
            }
            List<Integer> extra = new ArrayList<>();
            for (int i = columns; i < row.cells().size(); i++) {
                if (!row.cells().get(i).isBlank()) {
                    extra.add(i + 1);
                    blank = false;
                }
            }
            if (blank) {
                continue;
            }
            if (!extra.isEmpty()) {
                violations.add(new FieldViolation(rowField(row.number()),
                        "第 " + extra.get(0) + " 列有内容，但表头只有 " + columns + " 列"));
            }
            rows.add(new DataRow(row.number(), cells));
            if (rows.size() > MAX_DATA_ROWS) {
                throw tooManyRows();
            }
        }
        if (rows.isEmpty()) {
            throw ApiProblemException.invalid(FILE_FIELD, "文件中除表头外没有数据行");
        }
        return new TabularFile(expectedHeader, rows, violations);
    }

    private static List<RawRow> readXlsx(byte[] content) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        // The user's import is what they see, and evaluating their formulas would run their logic here.
        formatter.setUseCachedValuesForFormulaCells(true);
        checkInflatedSize(content);
        try (InputStream in = new ByteArrayInputStream(content); Workbook workbook = new XSSFWorkbook(in)) {
            if (workbook.getNumberOfSheets() == 0) {
                return List.of();
            }
            Sheet sheet = workbook.getSheetAt(0);
            List<RawRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                short last = row.getLastCellNum();
                for (int i = 0; i < last; i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                rows.add(new RawRow(row.getRowNum() + 1, cells));
                if (rows.size() > MAX_DATA_ROWS + 1) {
                    throw tooManyRows();
                }
            }
            return rows;
        } catch (ApiProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ApiProblemException.invalid(FILE_FIELD, "无法读取该 Excel 文件，请确认是 .xlsx 格式（不支持 .xls）且未加密");
        }
    }

    /**
     * Inflates the package once, counting, before POI builds the workbook in memory: POI's own guard
     * (the inflate ratio) lets a large workbook of plain rows through, and the in-memory model of one
     * costs many times its XML. Not a zip at all is left to POI, which refuses it.
     */
    private static void checkInflatedSize(byte[] content) {
        long inflated = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            while (zip.getNextEntry() != null) {
                for (int n; (n = zip.read(buffer)) > 0;) {
                    inflated += n;
                    if (inflated > MAX_XLSX_INFLATED_BYTES) {
                        String limit = "Excel 文件解压后不能超过 " + MAX_XLSX_INFLATED_BYTES / (1024 * 1024) + " MB";
                        throw new ApiProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大",
                                limit + "，请删除多余内容或拆分后分批导入。", List.of(new FieldViolation(FILE_FIELD, limit)));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // Not a readable zip: POI gives the answer for that.
        }
    }

    private static List<RawRow> readCsv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblemException.invalid(FILE_FIELD,
                    "CSV 文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重新上传");
        }
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        return new CsvParser(text).parse();
    }

    /** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; a record is one row. */
    private static final class CsvParser {

        private final String text;
        private int pos;
        private int rowNumber;

        CsvParser(String text) {
            this.text = text;
        }

        List<RawRow> parse() {
            List<RawRow> rows = new ArrayList<>();
            while (pos < text.length()) {
                rowNumber++;
                rows.add(new RawRow(rowNumber, record()));
                if (rows.size() > MAX_DATA_ROWS + 1) {
                    throw tooManyRows();
                }
            }
            return rows;
        }

        private List<String> record() {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean cellStarted = false;
            int start = pos;
            while (pos < text.length()) {
                if (pos - start > MAX_RECORD_CHARS) {
                    throw new ApiProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大",
                            "第 " + rowNumber + " 行超过 " + MAX_RECORD_CHARS + " 个字符，请检查该行（是否有未闭合的双引号）。",
                            List.of(new FieldViolation(rowField(rowNumber), "一行不能超过 " + MAX_RECORD_CHARS + " 个字符")));
                }
                char c = text.charAt(pos++);
                if (quoted) {
                    if (c == '"') {
                        if (pos < text.length() && text.charAt(pos) == '"') {
                            cell.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"' && !cellStarted) {
                    quoted = true;
                    cellStarted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    cellStarted = false;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                        pos++;
                    }
                    cells.add(cell.toString());
                    return cells;
                } else {
                    cell.append(c);
                    cellStarted = true;
                }
            }
            if (quoted) {
                throw ApiProblemException.invalid(rowField(rowNumber), "引号未闭合，请检查该行的双引号");
            }
            cells.add(cell.toString());
            return cells;
        }
    }
}
