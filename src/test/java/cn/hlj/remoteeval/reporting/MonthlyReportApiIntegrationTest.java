package cn.hlj.remoteeval.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.time.ZoneId;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * The report's two endpoints through the real security chain. Whatever figure sources the application
 * has, the province row must be the sum of the 14 center rows: no test here depends on particular counts.
 */
@RemoteEvalIntegrationTest
class MonthlyReportApiIntegrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int FIGURES = ReportFigure.values().length;

    @Autowired
    Api api;
    @Autowired
    MockMvc mvc;

    private static String lastMonth() {
        return YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
    }

    @Test
    void theJsonViewHasFourteenCentersAndAProvinceThatIsTheirSum() throws Exception {
        String month = lastMonth();
        JsonNode report = api.read(api.get("staff-prov", "/api/reports/monthly/" + month).andExpect(status().isOk()));
        assertThat(report.get("month").asText()).isEqualTo(month);
        JsonNode centers = report.get("centers");
        assertThat(centers).hasSize(14);
        assertThat(centers.get(0).get("code").asText()).isEqualTo("PROV");
        assertThat(centers.get(1).get("name").asText()).isEqualTo("哈尔滨市公共资源交易中心");
        for (ReportFigure figure : ReportFigure.values()) {
            long sum = 0;
            for (JsonNode center : centers) {
                assertThat(center.get("figures").has(figure.name())).isTrue();
                sum += center.get("figures").get(figure.name()).asLong();
            }
            assertThat(report.get("province").get("figures").get(figure.name()).asLong()).as(figure.name()).isEqualTo(sum);
        }
        assertThat(report.has("negotiatedShare")).isTrue();
        assertThat(report.get("notes").isArray()).isTrue();
    }

    @Test
    void theProvincialCenterTheDrcAndOperatorsMayReadCityCentersMayNot() throws Exception {
        String path = "/api/reports/monthly/" + lastMonth();
        for (String reader : new String[] { "staff-prov", "drc", "demo" }) {
            api.get(reader, path).andExpect(status().isOk());
        }
        for (String other : new String[] { "staff-hrb", "supervisor-hrb", "supervisor-prov", "tenderer" }) {
            api.get(other, path).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            api.get(other, path + ".xlsx").andExpect(status().isForbidden());
        }
    }

    @Test
    void aBadMonthIsA400NamingTheMonthAndAFutureMonthA422() throws Exception {
        for (String bad : new String[] { "2026-1", "2026-13", "202610", "abc" }) {
            JsonNode problem = api.read(api.get("staff-prov", "/api/reports/monthly/" + bad).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json")));
            assertThat(problem.get("errors").get(0).get("field").asText()).as(bad).isEqualTo("month");
        }
        api.get("staff-prov", "/api/reports/monthly/2026-00.xlsx").andExpect(status().isBadRequest());
        String next = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString();
        JsonNode problem = api.read(api.get("drc", "/api/reports/monthly/" + next).andExpect(status().isUnprocessableEntity()));
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("month");
        api.get("drc", "/api/reports/monthly/" + next + ".xlsx").andExpect(status().isUnprocessableEntity());
    }

    @Test
    void theWorkbookDownloadsAndItsProvinceSheetTotalsTheFourteenCenters() throws Exception {
        String month = lastMonth();
        MvcResult started = mvc.perform(get("/api/reports/monthly/" + month + ".xlsx").with(httpBasic("drc", "drc")))
                .andExpect(request().asyncStarted()).andReturn();
        MvcResult done = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", XLSX))
                .andReturn();
        String disposition = done.getResponse().getHeader("Content-Disposition");
        assertThat(disposition).startsWith("attachment;")
                .contains("filename*=UTF-8''%E8%BF%9C%E7%A8%8B%E5%BC%82%E5%9C%B0%E8%AF%84%E6%A0%87%E6%9C%88%E6%8A%A5-" + month + ".xlsx");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(done.getResponse().getContentAsByteArray()))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("全省");
            assertThat(workbook.getSheet("哈尔滨")).isNotNull();
            assertThat(workbook.getSheet("标段明细")).isNotNull();
            Sheet province = workbook.getSheet("全省");
            int first = 3;
            for (int f = 1; f <= FIGURES; f++) {
                long sum = 0;
                for (int r = first; r < first + 14; r++) {
                    Cell cell = province.getRow(r).getCell(f);
                    assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                    sum += (long) cell.getNumericCellValue();
                }
                Row total = province.getRow(first + 14);
                assertThat(total.getCell(0).getStringCellValue()).isEqualTo("全省合计");
                assertThat((long) total.getCell(f).getNumericCellValue()).isEqualTo(sum);
            }
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }
}
