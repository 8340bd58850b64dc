package cn.hlj.remoteeval.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import cn.hlj.remoteeval.web.TabularFile.DataRow;

class TabularFileUnitTest {

    private static final List<String> HEADER = List.of("工位编号", "房间", "支持跨省", "音视频设备说明");

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "工位.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiProblemException refused(MockMultipartFile file) {
        try {
            TabularFile.read(file, HEADER);
        } catch (ApiProblemException e) {
            return e;
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void readsAUtf8CsvWithAByteOrderMarkQuotedCommasAndQuotes() {
        TabularFile file = TabularFile.read(csv("\uFEFF工位编号,房间,支持跨省,音视频设备说明\r\n"
                + "X01,\"评标室 1, 东侧\",是,\"摄像头 \"\"A\"\" 型\"\r\n"
                + "X02,评标室 2,否,\r\n"), HEADER);

        assertThat(file.rows()).containsExactly(new DataRow(2, List.of("X01", "评标室 1, 东侧", "是", "摄像头 \"A\" 型")),
                new DataRow(3, List.of("X02", "评标室 2", "否", "")));
        assertThat(file.violations()).isEmpty();
    }

    @Test
    void numbersRowsAsTheSpreadsheetDoesSkippingBlankRowsAndCountingQuotedLineBreaksAsOneRow() {
        TabularFile file = TabularFile.read(csv("工位编号,房间,支持跨省,音视频设备说明\n"
                + "X01,\"两行\n房间\",是,\n"
                + ",,,\n"
                + "\n"
                + "X02,房间,否"), HEADER);

        assertThat(file.rows()).extracting(DataRow::number).containsExactly(2, 5);
        assertThat(file.rows().get(0).cell(1)).isEqualTo("两行\n房间");
        assertThat(file.rows().get(1).cells()).containsExactly("X02", "房间", "否", "");
        assertThat(file.rows().get(1).field("房间")).isEqualTo("第5行.房间");
    }

    @Test
    void aDifferentHeaderIsRefusedNamingRowOne() {
        ApiProblemException e = refused(csv("工位编号,房间,跨省,音视频设备说明\nX01,房间,是,\n"));

        assertThat(e.status().value()).isEqualTo(400);
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("第1行");
            assertThat(v.message()).contains("工位编号,房间,支持跨省,音视频设备说明");
        });
    }

    @Test
    void columnsInAnotherOrderAreADifferentHeader() {
        assertThat(refused(csv("房间,工位编号,支持跨省,音视频设备说明\n")).violations()).extracting(FieldViolation::field)
                .containsExactly("第1行");
    }

    @Test
    void cellsBeyondTheHeaderAreReportedForTheirRow() {
        TabularFile file = TabularFile.read(csv("工位编号,房间,支持跨省,音视频设备说明\nX01,房间,是,,多余\nX02,房间,否,,\n"),
                HEADER);

        assertThat(file.violations()).containsExactly(new FieldViolation("第2行", "第 5 列有内容，但表头只有 4 列"));
        assertThat(file.rows()).hasSize(2);
    }

    @Test
    void aCsvInAnotherEncodingIsRefused() {
        MockMultipartFile gbk = new MockMultipartFile("file", "工位.csv", "text/csv",
                "工位编号,房间,支持跨省,音视频设备说明\nX01,房间,是,\n".getBytes(Charset.forName("GBK")));

        assertThat(refused(gbk).violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("file");
            assertThat(v.message()).contains("UTF-8");
        });
    }

    @Test
    void otherFormatsEmptyFilesAndFilesWithoutDataAreRefused() {
        assertThat(refused(new MockMultipartFile("file", "a.xls", "application/vnd.ms-excel", new byte[] { 1 }))
                .violations()).extracting(FieldViolation::field).containsExactly("file");
        assertThat(refused(new MockMultipartFile("file", "a.csv", "text/csv", new byte[0])).violations())
                .extracting(FieldViolation::field).containsExactly("file");
        assertThat(refused(csv("工位编号,房间,支持跨省,音视频设备说明\n,,,\n")).violations())
                .extracting(FieldViolation::message).containsExactly("文件中除表头外没有数据行");
        assertThatThrownBy(() -> TabularFile.read(null, HEADER)).isInstanceOf(ApiProblemException.class);
        assertThat(refused(new MockMultipartFile("file", "a.xlsx", "application/octet-stream", "not a zip".getBytes()))
                .violations()).extracting(FieldViolation::field).containsExactly("file");
    }

    @Test
    void readsTheFirstSheetOfAnXlsxAsDisplayedTextAndFormulasAsTheirCachedValue() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("工位");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
            }
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue(101);
            first.createCell(1).setCellValue("远程异地评标区 A 评标室 3");
            XSSFCell formula = (XSSFCell) first.createCell(2);
            formula.setCellFormula("IF(1=1,\"是\",\"否\")");
            formula.setCellValue("是");
            // Row 3 left empty on purpose; row 4 follows.
            Row fourth = sheet.createRow(3);
            fourth.createCell(0).setCellValue("X02");
            fourth.createCell(1).setCellValue("评标室");
            XSSFCell uncached = (XSSFCell) fourth.createCell(2);
            uncached.setCellFormula("HYPERLINK(\"http://example.invalid\",\"否\")");
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        TabularFile file = TabularFile.read(new MockMultipartFile("file", "工位.XLSX", "application/octet-stream", xlsx),
                HEADER);

        assertThat(file.rows()).extracting(DataRow::number).containsExactly(2, 4);
        assertThat(file.rows().get(0).cells()).containsExactly("101", "远程异地评标区 A 评标室 3", "是", "");
        // Never evaluated: the value stored with the formula (POI stores 0 when none was computed), not 否.
        assertThat(file.rows().get(1).cell(2)).isEqualTo("0");
    }
}
