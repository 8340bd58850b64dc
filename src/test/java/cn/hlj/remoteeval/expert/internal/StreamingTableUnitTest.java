package cn.hlj.remoteeval.expert.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingTableUnitTest {

    @TempDir
    Path dir;

    private record Read(int number, List<String> cells) {
    }

    private List<Read> read(Path file, StreamingTable.Format format) {
        List<Read> rows = new ArrayList<>();
        StreamingTable.read(file, format, (number, cells) -> rows.add(new Read(number, List.copyOf(cells))));
        return rows;
    }

    private Path csv(String content) throws IOException {
        return Files.write(dir.resolve("t.csv"), content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void choosesTheFormatByExtension() {
        assertThat(StreamingTable.Format.of("专家.XLSX")).isEqualTo(StreamingTable.Format.XLSX);
        assertThat(StreamingTable.Format.of("专家.csv")).isEqualTo(StreamingTable.Format.CSV);
        assertThat(StreamingTable.Format.of("专家.xls")).isNull();
        assertThat(StreamingTable.Format.of(null)).isNull();
    }

    @Test
    void readsCsvWithBomQuotesAndLineBreaksInsideQuotes() throws IOException {
        List<Read> rows = read(csv("\uFEFF姓名,单位\r\n张三,\"甲, 乙\"\n\"李\"\"四\",\"多\n行\"\n\n王五,"),
                StreamingTable.Format.CSV);

        assertThat(rows).containsExactly(new Read(1, List.of("姓名", "单位")), new Read(2, List.of("张三", "甲, 乙")),
                new Read(3, List.of("李\"四", "多\n行")), new Read(4, List.of("")), new Read(5, List.of("王五", "")));
    }

    @Test
    void refusesCsvThatIsNotUtf8OrHasAnOpenQuote() throws IOException {
        Path gbk = Files.write(dir.resolve("gbk.csv"), "姓名,单位\n张三,甲\n".getBytes(java.nio.charset.Charset.forName("GBK")));
        assertThatThrownBy(() -> read(gbk, StreamingTable.Format.CSV)).isInstanceOf(StreamingTable.Unreadable.class)
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> read(csv("a,b\n\"c,d\n"), StreamingTable.Format.CSV))
                .isInstanceOfSatisfying(StreamingTable.Unreadable.class, e -> assertThat(e.field()).isEqualTo("第2行"));
    }

    @Test
    void readsTheFirstSheetAsShownWithGapsAndNumbers() throws IOException {
        Path file = dir.resolve("t.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("专家");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("姓名");
            header.createCell(1).setCellValue("手机号");
            header.createCell(2).setCellValue("单位");
            Row row = sheet.createRow(3);
            row.createCell(1).setCellValue(13900001234d);
            row.createCell(2).setCellFormula("\"示例\"&\"单位\"");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.createSheet("其他").createRow(0).createCell(0).setCellValue("不读");
            workbook.write(out);
        }

        assertThat(read(file, StreamingTable.Format.XLSX)).containsExactly(new Read(1, List.of("姓名", "手机号", "单位")),
                new Read(4, List.of("", "13900001234", "示例单位")));
    }

    @Test
    void readsAStreamingWrittenWorkbookWithInlineStrings() throws IOException {
        Path file = dir.resolve("big.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet();
            for (int r = 0; r < 3_000; r++) {
                sheet.createRow(r).createCell(0).setCellValue("行" + (r + 1));
            }
            workbook.write(out);
        }

        List<Read> rows = read(file, StreamingTable.Format.XLSX);
        assertThat(rows).hasSize(3_000);
        assertThat(rows.get(2_999)).isEqualTo(new Read(3_000, List.of("行3000")));
    }

    @Test
    void aHandlerMayStopEarlyAndItsOwnExceptionsPassThrough() throws IOException {
        Path file = dir.resolve("t.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet();
            for (int r = 0; r < 10; r++) {
                sheet.createRow(r).createCell(0).setCellValue(r);
            }
            workbook.write(out);
        }
        List<Integer> seen = new ArrayList<>();
        StreamingTable.read(file, StreamingTable.Format.XLSX, (number, cells) -> {
            seen.add(number);
            throw new StreamingTable.Stop();
        });
        assertThat(seen).containsExactly(1);

        assertThatThrownBy(() -> StreamingTable.read(file, StreamingTable.Format.XLSX, (number, cells) -> {
            throw new IllegalArgumentException("mine");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("mine");
    }

    @Test
    void refusesAFileThatIsNotAWorkbook() throws IOException {
        Path file = Files.write(dir.resolve("fake.xlsx"), "not a zip".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> read(file, StreamingTable.Format.XLSX)).isInstanceOfSatisfying(
                StreamingTable.Unreadable.class, e -> assertThat(e.field()).isEqualTo("file"));
    }
}
