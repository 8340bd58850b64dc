package cn.hlj.remoteeval.reporting.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.hlj.remoteeval.reporting.MonthlyReport;
import cn.hlj.remoteeval.reporting.ReportDetailSource;
import cn.hlj.remoteeval.reporting.ReportDetailSource.TenderRow;
import cn.hlj.remoteeval.reporting.ReportSheetSource;
import cn.hlj.remoteeval.reporting.ReportFigure;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.reporting.ReportNoteSource.ReportNote;

/**
 * The monthly report as an .xlsx, written with SXSSF so that only {@link #WINDOW} rows per sheet are
 * on the heap; the rest go to temporary files, removed when the workbook is written.
 * Every total is a number computed here, never a formula, and every text from data is neutralised
 * (see {@link #text}) so that Excel evaluates nothing in the file.
 */
final class MonthlyWorkbook {

    static final int WINDOW = 100;
    static final String PROVINCE_SHEET = "全省";
    static final String DETAIL_SHEET = "标段明细";
    static final String SHARE_LABEL = "转为协商确定副场占比";
    static final String CENTER_HEADER = "交易中心";
    /** Rows above the first data row: title, generation time, header. */
    static final int HEADER_ROW = 2;

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, String> CATEGORIES = Map.of("CONSTRUCTION", "施工", "GOODS", "货物", "SERVICES", "服务",
            "EPC", "工程总承包");
    private static final Map<String, String> SCOPES = Map.of("CROSS_PROVINCE", "跨省远程异地评标", "INTRA_PROVINCE",
            "省内跨区域远程异地评标", "EXEMPT", "不实行远程异地评标");
    private static final String[] DETAIL_HEADERS = { "标段编号", "标段名称", "主场交易中心", "项目类别", "评标方式", "是否纳入推广范围",
            "登记日期", "状态" };
    /** The data rows a detail sheet holds before the next one starts (Excel's limit, less the rows above). */
    static final int DETAIL_ROWS_PER_SHEET = SpreadsheetVersion.EXCEL2007.getMaxRows() - HEADER_ROW - 1;

    private final MonthlyReport report;
    private final List<ReportDetailSource> detailSources;
    private final int detailRowsPerSheet;
    private final List<ReportSheetSource> sheetSources;

    MonthlyWorkbook(MonthlyReport report, List<ReportDetailSource> detailSources) {
        this(report, detailSources, DETAIL_ROWS_PER_SHEET);
    }

    MonthlyWorkbook(MonthlyReport report, List<ReportDetailSource> detailSources, int detailRowsPerSheet) {
        this(report, detailSources, detailRowsPerSheet, List.of());
    }

    MonthlyWorkbook(MonthlyReport report, List<ReportDetailSource> detailSources, int detailRowsPerSheet,
            List<ReportSheetSource> sheetSources) {
        this.report = report;
        this.detailSources = List.copyOf(detailSources);
        this.detailRowsPerSheet = detailRowsPerSheet;
        this.sheetSources = List.copyOf(sheetSources);
    }

    /** "2026年10月远程异地评标工作情况". */
    static String title(ReportMonth month) {
        return month.month().getYear() + "年" + month.month().getMonthValue() + "月远程异地评标工作情况";
    }

    /**
     * Text that Excel (or another spreadsheet) could read as a formula or a command, per OWASP's CSV
     * injection advice, gets a leading apostrophe; the cell is a string cell either way.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    /** The sheet name of a center: its name without the trailing "市公共资源交易中心" and the like. */
    static String shortName(String name) {
        String shortName = name.replace("公共资源交易中心", "");
        if (shortName.endsWith("省")) {
            return "省中心";
        }
        if (shortName.endsWith("地区")) {
            return shortName.substring(0, shortName.length() - 2);
        }
        if (shortName.endsWith("市") && shortName.length() > 2) {
            return shortName.substring(0, shortName.length() - 1);
        }
        return shortName.isEmpty() ? name : shortName;
    }

    void write(OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        // Uncompressed temp files: a year of detail rows takes a few hundred MB of disk for the seconds of the
        // export, and gzipping them cost a fifth of the export time in bench/run-report-export.sh.
        workbook.setCompressTempFiles(false);
        try {
            Styles styles = new Styles(workbook);
            provinceSheet(workbook, styles);
            Set<String> names = new HashSet<>();
            names.add(PROVINCE_SHEET);
            for (MonthlyReport.Row center : report.centers()) {
                centerSheet(workbook, styles, center, uniqueSheetName(names, center));
            }
            detailSheets(workbook, styles);
            for (ReportSheetSource source : sheetSources) {
                sourceSheet(workbook, styles, source, names);
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static String uniqueSheetName(Set<String> taken, MonthlyReport.Row center) {
        String name = WorkbookUtil.createSafeSheetName(shortName(center.name()));
        if (!taken.add(name)) {
            name = WorkbookUtil.createSafeSheetName(name + "-" + center.code());
            taken.add(name);
        }
        return name;
    }

    private void heading(Sheet sheet, Styles styles, String title, int lastColumn) {
        Row titleRow = sheet.createRow(0);
        titleRow.setHeightInPoints(24);
        cell(titleRow, 0, styles.title).setCellValue(text(title));
        if (lastColumn > 0) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastColumn));
        }
        LocalDateTime generated = LocalDateTime.ofInstant(report.generatedAt(), ReportMonth.PROVINCE);
        sheet.createRow(1).createCell(0).setCellValue("生成时间：" + GENERATED.format(generated) + "（北京时间）");
    }

    private void provinceSheet(SXSSFWorkbook workbook, Styles styles) {
        SXSSFSheet sheet = workbook.createSheet(PROVINCE_SHEET);
        ReportFigure[] figures = ReportFigure.values();
        int shareColumn = figures.length + 1;
        heading(sheet, styles, title(report.month()), shareColumn);
        Row header = sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(48);
        cell(header, 0, styles.header).setCellValue(CENTER_HEADER);
        for (int i = 0; i < figures.length; i++) {
            cell(header, i + 1, styles.header).setCellValue(figures[i].label());
        }
        cell(header, shareColumn, styles.header).setCellValue(SHARE_LABEL);
        int rowIndex = HEADER_ROW + 1;
        for (MonthlyReport.Row center : report.centers()) {
            figureRow(sheet.createRow(rowIndex++), center, styles.text, styles.integer, styles.share);
        }
        figureRow(sheet.createRow(rowIndex++), report.province(), styles.totalText, styles.totalInteger, styles.totalShare);
        sheet.createFreezePane(1, HEADER_ROW + 1);
        sheet.setColumnWidth(0, 30 * 256);
        for (int i = 1; i <= shareColumn; i++) {
            sheet.setColumnWidth(i, 14 * 256);
        }
        if (!report.notes().isEmpty()) {
            rowIndex++;
            cell(sheet.createRow(rowIndex++), 0, styles.header).setCellValue("说明");
            for (ReportNote note : report.notes()) {
                Row row = sheet.createRow(rowIndex++);
                cell(row, 0, styles.text).setCellValue(text(note.topic()));
                cell(row, 1, styles.plain).setCellValue(text((note.alert() ? "【需关注】" : "") + note.text()));
            }
        }
    }

    private static void figureRow(Row row, MonthlyReport.Row figures, CellStyle textStyle, CellStyle integer, CellStyle share) {
        cell(row, 0, textStyle).setCellValue(text(figures.name()));
        ReportFigure[] all = ReportFigure.values();
        for (int i = 0; i < all.length; i++) {
            cell(row, i + 1, integer).setCellValue(figures.get(all[i]));
        }
        Cell shareCell = cell(row, all.length + 1, share);
        Double value = figures.negotiatedShare();
        if (value != null) {
            shareCell.setCellValue(value);
        }
    }

    private void centerSheet(SXSSFWorkbook workbook, Styles styles, MonthlyReport.Row center, String sheetName) {
        SXSSFSheet sheet = workbook.createSheet(sheetName);
        heading(sheet, styles, title(report.month()) + "（" + center.name() + "）", 1);
        Row header = sheet.createRow(HEADER_ROW);
        cell(header, 0, styles.header).setCellValue("指标");
        cell(header, 1, styles.header).setCellValue("数值");
        int rowIndex = HEADER_ROW + 1;
        for (ReportFigure figure : ReportFigure.values()) {
            Row row = sheet.createRow(rowIndex++);
            cell(row, 0, styles.text).setCellValue(figure.label());
            cell(row, 1, styles.integer).setCellValue(center.get(figure));
        }
        Row shareRow = sheet.createRow(rowIndex);
        cell(shareRow, 0, styles.text).setCellValue(SHARE_LABEL);
        Cell share = cell(shareRow, 1, styles.share);
        if (center.negotiatedShare() != null) {
            share.setCellValue(center.negotiatedShare());
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        sheet.setColumnWidth(0, 36 * 256);
        sheet.setColumnWidth(1, 16 * 256);
    }

    private void detailSheets(SXSSFWorkbook workbook, Styles styles) {
        Map<String, String> centerNames = new HashMap<>();
        for (MonthlyReport.Row center : report.centers()) {
            centerNames.put(center.code(), center.name());
        }
        DetailWriter writer = new DetailWriter(workbook, styles, centerNames);
        writer.startSheet();
        for (ReportDetailSource source : detailSources) {
            source.tenders(report.month(), writer::write);
        }
    }

    private void sourceSheet(SXSSFWorkbook workbook, Styles styles, ReportSheetSource source, Set<String> taken) {
        String name = WorkbookUtil.createSafeSheetName(source.sheetName());
        if (!taken.add(name) || name.equals(DETAIL_SHEET)) {
            throw new IllegalStateException("Report sheet source repeats the sheet name '" + name + "'");
        }
        List<String> headers = source.headers();
        SXSSFSheet sheet = workbook.createSheet(name);
        heading(sheet, styles, source.title(report.month()), headers.size() - 1);
        Row header = sheet.createRow(HEADER_ROW);
        for (int i = 0; i < headers.size(); i++) {
            cell(header, i, styles.header).setCellValue(headers.get(i));
            sheet.setColumnWidth(i, 20 * 256);
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        int[] next = { HEADER_ROW + 1 };
        source.rows(report.month(), cells -> {
            Row row = sheet.createRow(next[0]++);
            for (int i = 0; i < cells.size(); i++) {
                cell(row, i, styles.text).setCellValue(text(cells.get(i)));
            }
        });
    }

    /** Appends detail rows, starting a further sheet when one is full. */
    private final class DetailWriter {

        private final SXSSFWorkbook workbook;
        private final Styles styles;
        private final Map<String, String> centerNames;
        private SXSSFSheet sheet;
        private int sheets;
        private int next;

        DetailWriter(SXSSFWorkbook workbook, Styles styles, Map<String, String> centerNames) {
            this.workbook = workbook;
            this.styles = styles;
            this.centerNames = centerNames;
        }

        void startSheet() {
            sheets++;
            sheet = workbook.createSheet(sheets == 1 ? DETAIL_SHEET : DETAIL_SHEET + "（" + sheets + "）");
            heading(sheet, styles, report.month().month().getYear() + "年" + report.month().month().getMonthValue() + "月登记标段明细",
                    DETAIL_HEADERS.length - 1);
            Row header = sheet.createRow(HEADER_ROW);
            for (int i = 0; i < DETAIL_HEADERS.length; i++) {
                cell(header, i, styles.header).setCellValue(DETAIL_HEADERS[i]);
            }
            sheet.createFreezePane(0, HEADER_ROW + 1);
            int[] widths = { 22, 40, 30, 12, 24, 16, 12, 14 };
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            next = HEADER_ROW + 1;
        }

        void write(TenderRow tender) {
            String center = centerNames.get(tender.mainCenter());
            if (center == null) {
                throw new IllegalStateException("Report detail source named unknown main center '" + tender.mainCenter()
                        + "' for section " + tender.sectionCode());
            }
            if (next - HEADER_ROW - 1 >= detailRowsPerSheet) {
                startSheet();
            }
            Row row = sheet.createRow(next++);
            row.createCell(0).setCellValue(text(tender.sectionCode()));
            row.createCell(1).setCellValue(text(tender.name()));
            row.createCell(2).setCellValue(text(center));
            row.createCell(3).setCellValue(text(CATEGORIES.getOrDefault(tender.category(), tender.category())));
            row.createCell(4).setCellValue(text(SCOPES.getOrDefault(tender.scope(), tender.scope())));
            row.createCell(5).setCellValue(tender.notInRollout() ? "否" : "是");
            Cell registered = row.createCell(6);
            if (tender.registeredOn() != null) {
                registered.setCellValue(tender.registeredOn());
                registered.setCellStyle(styles.date);
            }
            row.createCell(7).setCellValue(text(tender.state()));
        }
    }

    private static Cell cell(Row row, int column, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        return cell;
    }

    /** The handful of styles the workbook shares: a style per cell would exhaust Excel's limit. */
    private static final class Styles {

        final CellStyle title;
        final CellStyle header;
        final CellStyle plain;
        final CellStyle text;
        final CellStyle integer;
        final CellStyle share;
        final CellStyle totalText;
        final CellStyle totalInteger;
        final CellStyle totalShare;
        final CellStyle date;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            short integerFormat = workbook.createDataFormat().getFormat("#,##0");
            short shareFormat = workbook.createDataFormat().getFormat("0.0%");
            short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");

            title = workbook.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            plain = workbook.createCellStyle();
            header = bordered(workbook);
            header.setFont(bold);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            text = bordered(workbook);
            integer = bordered(workbook);
            integer.setDataFormat(integerFormat);
            share = bordered(workbook);
            share.setDataFormat(shareFormat);
            totalText = bordered(workbook);
            totalText.setFont(bold);
            totalInteger = bordered(workbook);
            totalInteger.setFont(bold);
            totalInteger.setDataFormat(integerFormat);
            totalShare = bordered(workbook);
            totalShare.setFont(bold);
            totalShare.setDataFormat(shareFormat);
            date = workbook.createCellStyle();
            date.setDataFormat(dateFormat);
        }

        private static CellStyle bordered(SXSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
