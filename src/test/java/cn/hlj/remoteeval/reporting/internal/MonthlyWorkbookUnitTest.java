package cn.hlj.remoteeval.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.reporting.MonthlyFigureSource;
import cn.hlj.remoteeval.reporting.MonthlyReport;
import cn.hlj.remoteeval.reporting.ReportDetailSource;
import cn.hlj.remoteeval.reporting.ReportDetailSource.TenderRow;
import cn.hlj.remoteeval.reporting.ReportFigure;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.reporting.ReportNoteSource;
import cn.hlj.remoteeval.reporting.ReportNoteSource.ReportNote;

class MonthlyWorkbookUnitTest {

    private static final ReportMonth OCTOBER = ReportMonth.of(2026, 10);
    private static final ReportFigure[] FIGURES = ReportFigure.values();
    private static final int FIRST_DATA_ROW = MonthlyWorkbook.HEADER_ROW + 1;
    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)",
            "\t=1", "\r=1", "=cmd|' /C calc'!A0");

    /** A figure per center and figure that differs everywhere, so that a column or row mix-up shows. */
    private static final MonthlyFigureSource EVERYTHING = (month, sink) -> {
        int c = 0;
        for (String center : List.of("PROV", "HRB", "QQHR", "MDJ", "JMS", "DQ", "JX", "SYS", "YC", "QTH", "HG", "HH", "SH")) {
            c++;
            for (ReportFigure figure : FIGURES) {
                sink.add(center, figure, c * 1000L + figure.ordinal());
            }
        }
        // DXAL says nothing: zeros.
    };
    private static final ReportNoteSource NOTES = month -> List.of(
            new ReportNote("合作省份目标", "2026-11-30 前接入 ≥ 3 个省份：已接入 2 个", true),
            new ReportNote("@topic", "=1+1", false),
            new ReportNote("-x", "+SUM(1)", false));
    private static final ReportDetailSource DETAILS = (month, rows) -> {
        int n = 0;
        for (String hostile : HOSTILE) {
            rows.accept(new TenderRow(hostile, hostile, "HRB", "SERVICES", "INTRA_PROVINCE", false,
                    LocalDate.of(2026, 10, 1 + n), hostile));
            n++;
        }
        rows.accept(new TenderRow("HRB-2026-001", "哈尔滨某道路工程", "QQHR", "CONSTRUCTION", "CROSS_PROVINCE", true,
                LocalDate.of(2026, 10, 31), "评标中"));
    };

    private static byte[] export(MonthlyReportService service) throws IOException {
        MonthlyReport report = service.generate(OCTOBER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.writeWorkbook(report, out);
        return out.toByteArray();
    }

    private static byte[] export() throws IOException {
        return export(ReportFixtures.service(List.of(EVERYTHING), List.of(NOTES), List.of(DETAILS)));
    }

    private static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    @Test
    void sheetsAreTheProvinceEachCenterByItsChineseNameAndTheDetail() throws IOException {
        try (XSSFWorkbook workbook = read(export())) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("全省", "省中心", "哈尔滨", "齐齐哈尔", "牡丹江", "佳木斯", "大庆", "鸡西", "双鸭山", "伊春",
                    "七台河", "鹤岗", "黑河", "绥化", "大兴安岭", "标段明细");
        }
    }

    @Test
    void theProvinceSheetHasATitleHeadersFourteenCentersAndATotalEqualToTheirSum() throws IOException {
        try (XSSFWorkbook workbook = read(export())) {
            Sheet sheet = workbook.getSheet("全省");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2026年10月远程异地评标工作情况");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("生成时间：2026-11-02 09:30:00");
            Row header = sheet.getRow(MonthlyWorkbook.HEADER_ROW);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("交易中心");
            for (int i = 0; i < FIGURES.length; i++) {
                assertThat(header.getCell(i + 1).getStringCellValue()).isEqualTo(FIGURES[i].label());
            }
            assertThat(header.getCell(FIGURES.length + 1).getStringCellValue()).isEqualTo("转为协商确定副场占比");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) FIRST_DATA_ROW);

            for (int i = 0; i < 14; i++) {
                assertThat(sheet.getRow(FIRST_DATA_ROW + i).getCell(0).getStringCellValue())
                        .isEqualTo(ReportFixtures.CENTERS.get(i).name());
            }
            Row total = sheet.getRow(FIRST_DATA_ROW + 14);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("全省合计");
            for (int f = 0; f < FIGURES.length; f++) {
                long sum = 0;
                for (int i = 0; i < 14; i++) {
                    Cell cell = sheet.getRow(FIRST_DATA_ROW + i).getCell(f + 1);
                    assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
                    sum += (long) cell.getNumericCellValue();
                }
                assertThat(total.getCell(f + 1).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat((long) total.getCell(f + 1).getNumericCellValue()).as(FIGURES[f].name()).isEqualTo(sum);
            }
            // HRB: 2000 + ordinal; DXAL all zeros with an empty share.
            assertThat(sheet.getRow(FIRST_DATA_ROW + 1).getCell(1 + ReportFigure.VENUE_DRAWS.ordinal()).getNumericCellValue())
                    .isEqualTo(2000 + ReportFigure.VENUE_DRAWS.ordinal());
            Row dxal = sheet.getRow(FIRST_DATA_ROW + 13);
            assertThat(dxal.getCell(1).getNumericCellValue()).isZero();
            Cell emptyShare = dxal.getCell(FIGURES.length + 1);
            assertThat(emptyShare == null || emptyShare.getCellType() == CellType.BLANK).isTrue();
            Cell share = sheet.getRow(FIRST_DATA_ROW + 1).getCell(FIGURES.length + 1);
            assertThat(share.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(share.getNumericCellValue()).isEqualTo(
                    (2000.0 + ReportFigure.VENUE_DRAWS_NEGOTIATED.ordinal()) / (2000 + ReportFigure.VENUE_DRAWS.ordinal()));
        }
    }

    @Test
    void aCenterSheetListsItsFiguresVertically() throws IOException {
        try (XSSFWorkbook workbook = read(export())) {
            Sheet sheet = workbook.getSheet("哈尔滨");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2026年10月远程异地评标工作情况（哈尔滨市公共资源交易中心）");
            assertThat(sheet.getRow(MonthlyWorkbook.HEADER_ROW).getCell(0).getStringCellValue()).isEqualTo("指标");
            for (int i = 0; i < FIGURES.length; i++) {
                Row row = sheet.getRow(FIRST_DATA_ROW + i);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(FIGURES[i].label());
                assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(2000 + i);
            }
            assertThat(sheet.getRow(FIRST_DATA_ROW + FIGURES.length).getCell(0).getStringCellValue()).isEqualTo("转为协商确定副场占比");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) FIRST_DATA_ROW);
        }
    }

    @Test
    void formulaLikeTextStaysTextAndNoCellIsAFormula() throws IOException {
        try (XSSFWorkbook workbook = read(export())) {
            Sheet detail = workbook.getSheet("标段明细");
            assertThat(detail.getRow(MonthlyWorkbook.HEADER_ROW).getCell(0).getStringCellValue()).isEqualTo("标段编号");
            for (int i = 0; i < HOSTILE.size(); i++) {
                Row row = detail.getRow(FIRST_DATA_ROW + i);
                for (int column : new int[] { 0, 1, 7 }) {
                    Cell cell = row.getCell(column);
                    assertThat(cell.getCellType()).as("row %d column %d", i, column).isEqualTo(CellType.STRING);
                    assertThat(cell.getStringCellValue()).isEqualTo("'" + HOSTILE.get(i));
                }
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo("哈尔滨市公共资源交易中心");
            }
            Row plain = detail.getRow(FIRST_DATA_ROW + HOSTILE.size());
            assertThat(plain.getCell(1).getStringCellValue()).isEqualTo("哈尔滨某道路工程");
            assertThat(plain.getCell(3).getStringCellValue()).isEqualTo("施工");
            assertThat(plain.getCell(4).getStringCellValue()).isEqualTo("跨省远程异地评标");
            assertThat(plain.getCell(5).getStringCellValue()).isEqualTo("否");
            assertThat(new DataFormatter().formatCellValue(plain.getCell(6))).isEqualTo("2026-10-31");

            Sheet province = workbook.getSheet("全省");
            List<String> noteCells = new ArrayList<>();
            for (int r = FIRST_DATA_ROW + 15; r <= province.getLastRowNum(); r++) {
                Row row = province.getRow(r);
                if (row == null) {
                    continue;
                }
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                    noteCells.add(cell.getStringCellValue());
                }
            }
            assertThat(noteCells).contains("说明", "合作省份目标", "【需关注】2026-11-30 前接入 ≥ 3 个省份：已接入 2 个", "'@topic", "'=1+1",
                    "'-x", "'+SUM(1)");

            int cells = 0;
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells++;
                        assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
            assertThat(cells).isGreaterThan(500);
        }
    }

    @Test
    void theNeutraliserLeavesOrdinaryTextAlone() {
        assertThat(MonthlyWorkbook.text("哈尔滨")).isEqualTo("哈尔滨");
        assertThat(MonthlyWorkbook.text("a=b")).isEqualTo("a=b");
        assertThat(MonthlyWorkbook.text("")).isEmpty();
        assertThat(MonthlyWorkbook.text(null)).isEmpty();
        assertThat(MonthlyWorkbook.text("=1")).isEqualTo("'=1");
    }

    @Test
    void regeneratingTheMonthGivesTheSameCellsSaveTheGenerationTime() throws IOException {
        MutableClock clock = new MutableClock();
        MonthlyReportService service = ReportFixtures.service(List.of(EVERYTHING), List.of(NOTES), List.of(DETAILS), clock);
        List<String> first = cells(export(service));
        clock.advance(Duration.ofHours(5));
        List<String> second = cells(export(service));
        assertThat(first).hasSizeGreaterThan(500);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aFullDetailSheetContinuesOnTheNext() throws IOException {
        MonthlyReportService service = ReportFixtures.service(List.of(), List.of(), List.of(DETAILS));
        MonthlyReport report = service.generate(OCTOBER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MonthlyWorkbook(report, List.of(DETAILS), 3).write(out);
        try (XSSFWorkbook workbook = read(out.toByteArray())) {
            assertThat(workbook.getSheet("标段明细").getLastRowNum()).isEqualTo(FIRST_DATA_ROW + 2);
            assertThat(workbook.getSheet("标段明细（2）").getLastRowNum()).isEqualTo(FIRST_DATA_ROW + 2);
            assertThat(workbook.getSheet("标段明细（3）").getLastRowNum()).isEqualTo(FIRST_DATA_ROW + 1);
            assertThat(workbook.getSheet("标段明细（3）").getRow(FIRST_DATA_ROW + 1).getCell(0).getStringCellValue())
                    .isEqualTo("HRB-2026-001");
        }
    }

    @Test
    void aDetailRowOfAnUnknownCenterFails() {
        ReportDetailSource typo = (month, rows) -> rows.accept(new TenderRow("X-1", "x", "HARBIN", "GOODS", "EXEMPT", false,
                LocalDate.of(2026, 10, 2), "已登记"));
        MonthlyReportService service = ReportFixtures.service(List.of(), List.of(), List.of(typo));
        assertThatThrownBy(() -> export(service)).isInstanceOf(IllegalStateException.class).hasMessageContaining("'HARBIN'");
    }

    /** Every cell as sheet!address=value, skipping the generation time. */
    private static List<String> cells(byte[] bytes) throws IOException {
        List<String> cells = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = read(bytes)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    if (row.getRowNum() == 1) {
                        assertThat(row.getCell(0).getStringCellValue()).startsWith("生成时间：");
                        continue;
                    }
                    for (Cell cell : row) {
                        String value = switch (cell.getCellType()) {
                            case NUMERIC -> Double.toString(cell.getNumericCellValue()) + "|" + formatter.formatCellValue(cell);
                            case STRING -> cell.getStringCellValue();
                            case BLANK -> "";
                            default -> cell.getCellType().name();
                        };
                        cells.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + value);
                    }
                }
            }
        }
        return cells;
    }

    private static final class MutableClock extends Clock {
        private java.time.Instant now = ReportFixtures.CLOCK.instant();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ReportFixtures.CLOCK.getZone();
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }
}
