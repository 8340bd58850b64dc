package cn.hlj.remoteeval.expert.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import cn.hlj.remoteeval.web.TabularFile;

/**
 * Reads an uploaded table row by row without holding it in memory: the first sheet of an
 * {@code .xlsx} workbook through POI's SAX event API (shared strings read once, cells as the user
 * sees them, formulas by their cached value, never evaluated), or a UTF-8 {@code .csv} (byte order
 * mark tolerated, RFC 4180 quoting). Rows keep the number the spreadsheet shows (1-based); a sheet
 * row without any cell is not reported, an empty CSV line is a row of one empty cell. Cells are
 * passed as read, not stripped.
 */
final class StreamingTable {

    /** The formats an import accepts, by the file name's extension. */
    enum Format {
        XLSX, CSV;

        static Format of(String fileName) {
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".xlsx")) {
                return XLSX;
            }
            if (name.endsWith(".csv")) {
                return CSV;
            }
            return null;
        }
    }

    /** Receives each row; may throw {@link Stop} to end the reading early. */
    @FunctionalInterface
    interface RowHandler {
        void row(int number, List<String> cells);
    }

    /** Thrown by a {@link RowHandler} that has read enough. */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** The file cannot be read as the format says; the message is for the person who uploaded it. */
    static final class Unreadable extends RuntimeException {
        private final String field;

        Unreadable(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    static final String FILE_FIELD = "file";
    private static final char BOM = '\uFEFF';

    private StreamingTable() {
    }

    /** Reads the whole file (or until the handler stops it). */
    static void read(Path file, Format format, RowHandler handler) {
        try {
            if (format == Format.XLSX) {
                readXlsx(file, handler);
            } else {
                readCsv(file, handler);
            }
        } catch (Stop stop) {
            // The handler has what it needs.
        }
    }

    private static void readXlsx(Path file, RowHandler handler) {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            throw unreadableXlsx();
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new SheetRows(handler), formatter,
                        false));
                parser.parse(new InputSource(sheet));
            }
        } catch (FromHandler e) {
            throw e.original();
        } catch (SAXException e) {
            Throwable cause = e.getException() != null ? e.getException() : e.getCause();
            if (cause instanceof FromHandler fromHandler) {
                throw fromHandler.original();
            }
            throw unreadableXlsx();
        } catch (IOException | OpenXML4JException | ParserConfigurationException | RuntimeException e) {
            throw unreadableXlsx();
        } finally {
            pkg.revert();
        }
    }

    private static Unreadable unreadableXlsx() {
        return new Unreadable(FILE_FIELD, "无法读取该 Excel 文件，请确认是 .xlsx 格式（不支持 .xls）且未加密");
    }

    /** Carries a row handler's own exception through POI and the SAX parser, apart from POI's errors. */
    private static final class FromHandler extends RuntimeException {
        FromHandler(RuntimeException original) {
            super(original);
        }

        RuntimeException original() {
            return (RuntimeException) getCause();
        }
    }

    /** Collects the cells of one sheet row, filling the columns without a cell with "". */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowHandler handler;
        private List<String> cells = new ArrayList<>();
        private int column = -1;

        SheetRows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>(8);
            column = -1;
        }

        @Override
        public void endRow(int rowNum) {
            try {
                handler.row(rowNum + 1, cells);
            } catch (RuntimeException e) {
                throw new FromHandler(e);
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int at = reference == null ? column + 1 : columnOf(reference);
            while (cells.size() < at) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
            column = at;
        }

        /** {@code "C12"} → 2. */
        private static int columnOf(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
            }
            return column - 1;
        }
    }

    private static void readCsv(Path file, RowHandler handler) {
        try (InputStream in = Files.newInputStream(file);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            new CsvRecords(reader).forEach(handler);
        } catch (CharacterCodingException e) {
            throw new Unreadable(FILE_FIELD, "CSV 文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重新上传");
        } catch (IOException e) {
            throw new Unreadable(FILE_FIELD, "文件读取失败，请重新上传");
        }
    }

    /** RFC 4180 over a stream: quoted cells may hold commas, doubled quotes and line breaks. */
    private static final class CsvRecords {

        private final Reader reader;
        private final char[] buffer = new char[64 * 1024];
        private int length;
        private int pos;
        private int rowNumber;
        private boolean first = true;

        CsvRecords(Reader reader) {
            this.reader = reader;
        }

        void forEach(RowHandler handler) throws IOException {
            while (peek() >= 0) {
                rowNumber++;
                handler.row(rowNumber, record());
            }
        }

        private int peek() throws IOException {
            if (pos == length) {
                length = reader.read(buffer);
                pos = 0;
                if (length <= 0) {
                    length = 0;
                    return -1;
                }
                if (first) {
                    first = false;
                    if (buffer[0] == BOM) {
                        pos = 1;
                        return peek();
                    }
                }
            }
            return buffer[pos];
        }

        private int next() throws IOException {
            int c = peek();
            if (c >= 0) {
                pos++;
            }
            return c;
        }

        private List<String> record() throws IOException {
            List<String> cells = new ArrayList<>(8);
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean cellStarted = false;
            int length = 0;
            int c;
            while ((c = next()) >= 0) {
                if (++length > TabularFile.MAX_RECORD_CHARS) {
                    throw new Unreadable(TabularFile.rowField(rowNumber),
                            "一行不能超过 " + TabularFile.MAX_RECORD_CHARS + " 个字符，请检查该行（是否有未闭合的双引号）");
                }
                if (quoted) {
                    if (c == '"') {
                        if (peek() == '"') {
                            cell.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cell.append((char) c);
                    }
                } else if (c == '"' && !cellStarted) {
                    quoted = true;
                    cellStarted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    cellStarted = false;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && peek() == '\n') {
                        pos++;
                    }
                    cells.add(cell.toString());
                    return cells;
                } else {
                    cell.append((char) c);
                    cellStarted = true;
                }
            }
            if (quoted) {
                throw new Unreadable(TabularFile.rowField(rowNumber), "引号未闭合，请检查该行的双引号");
            }
            cells.add(cell.toString());
            return cells;
        }
    }
}
