package cn.hlj.remoteeval.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.Browser;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/**
 * The workbench's monthly report page in headless Chromium, for the present month (the clock is left
 * alone; a tender registered here makes the month's figures non-empty): the DRC sees every center's
 * figures and downloads the workbook through the page's link; a city center's staff member is told the
 * province's report is not theirs and sees their own center's figures. Screenshots in
 * {@code target/browser-artifacts/monthly-report-workbench*}.
 */
@RemoteEvalIntegrationTest
class MonthlyReportWorkbenchBrowserIntegrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String FIGURE = "TENDERS_REGISTERED";

    @Autowired
    Api api;
    @LocalServerPort
    int port;

    @Test
    void theDrcOpensAMonthSeesEveryCentersFiguresAndDownloadsTheWorkbook() throws Exception {
        String month = monthOfARegistration();

        try (Browser browser = Browser.signedOut().steps("monthly-report-workbench-drc").signIn(base(), "drc")) {
            open(browser, "?month=" + month);
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#figures tbody tr"));
            assertThat(rows).hasSize(15);
            assertThat(rows.get(0).getText()).startsWith("黑龙江省公共资源交易中心");
            assertThat(rows.get(14).getText()).startsWith("全省合计");
            assertThat(browser.driver().findElement(By.cssSelector("#figures thead")).getText()).contains("登记标段数")
                    .contains("副场随机抽取次数").contains("跨省评标（本省副场）");
            assertThat(browser.driver().findElement(By.id("report-month")).getText()).isEqualTo(month);
            assertThat(browser.driver().findElement(By.id("submission")).getText()).contains("尚未报送");
            long shownHrb = Long.parseLong(figure(browser, "#figures tr[data-center='HRB']"));
            long shownProvince = Long.parseLong(figure(browser, "#figures tbody tr:last-child"));
            browser.step("report");

            JsonNode report = api.read(api.get("drc", "/api/reports/monthly/" + month).andExpect(status().isOk()));
            long hrb = 0;
            for (JsonNode center : report.get("centers")) {
                if (center.get("code").asText().equals("HRB")) {
                    hrb = center.get("figures").get(FIGURE).asLong();
                }
            }
            assertThat(shownHrb).isEqualTo(hrb).isPositive();
            assertThat(shownProvince).isEqualTo(report.get("province").get("figures").get(FIGURE).asLong());
            api.get("drc", "/api/reports/monthly/" + month + "/submission").andExpect(status().isNotFound());

            WebElement link = browser.driver().findElement(By.id("xlsx"));
            assertThat(link.getAttribute("href")).endsWith("/api/reports/monthly/" + month + ".xlsx");
            // The link fetched with the page's own session, as a click downloads it.
            @SuppressWarnings("unchecked")
            Map<String, Object> download = (Map<String, Object>) browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], { credentials: 'same-origin' }).then(async r => {
                      const bytes = new Uint8Array(await r.arrayBuffer());
                      let text = '';
                      for (const b of bytes) text += String.fromCharCode(b);
                      done({ status: r.status, type: r.headers.get('Content-Type'), body: btoa(text) });
                    }).catch(e => done({ status: 0, type: String(e), body: '' }));
                    """, link.getAttribute("href"));
            assertThat(download.get("status")).isEqualTo(200L);
            assertThat(download.get("type")).isEqualTo(XLSX);
            byte[] workbook = Base64.getDecoder().decode((String) download.get("body"));
            try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
                assertThat(xlsx.getSheetAt(0).getSheetName()).isEqualTo("全省");
                assertThat(xlsx.getSheet("哈尔滨")).isNotNull();
                assertThat(xlsx.getSheet("标段明细")).isNotNull();
            }
        }
    }

    @Test
    void aCityCentersStaffMemberSeesOnlyTheirOwnCentersFigures() throws Exception {
        String month = monthOfARegistration();

        try (Browser browser = Browser.signedOut().steps("monthly-report-workbench-city").signIn(base(), "staff-hrb")) {
            open(browser, "?month=" + month);
            assertThat(browser.driver().findElement(By.id("report-status")).getText()).contains("月报仅限省公共资源交易中心工作人员");
            assertThat(browser.driver().findElement(By.id("report")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElements(By.cssSelector("#figures tbody tr"))).isEmpty();
            Select center = new Select(browser.driver().findElement(By.id("center")));
            assertThat(center.getOptions()).extracting(o -> o.getAttribute("value")).containsExactly("", "HRB");
            assertThat(center.getFirstSelectedOption().getAttribute("value")).isEqualTo("HRB");
            assertThat(browser.driver().findElements(By.cssSelector("#center-figures tbody tr"))).hasSize(23);
            String shown = browser.driver().findElement(By.cssSelector("#center-figures tr[data-figure='" + FIGURE + "'] td.num"))
                    .getText();
            assertThat(browser.driver().getCurrentUrl()).contains("center=HRB");
            browser.step("own-center");

            JsonNode own = api.read(api.get("staff-hrb", "/api/reports/monthly/" + month + "/centers/HRB").andExpect(status().isOk()));
            assertThat(Long.parseLong(shown)).isEqualTo(own.get("figures").get(FIGURE).asLong()).isPositive();

            // Another center's figures, asked for in the address, are the API's to refuse.
            open(browser, "?month=" + month + "&center=QQHR");
            assertThat(new Select(browser.driver().findElement(By.id("center"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("HRB");
            browser.step("other-center-ignored");
        }
        api.get("staff-hrb", "/api/reports/monthly/" + month).andExpect(status().isForbidden());
        api.get("staff-hrb", "/api/reports/monthly/" + month + ".xlsx").andExpect(status().isForbidden());
        api.get("staff-hrb", "/api/reports/monthly/" + month + "/centers/QQHR").andExpect(status().isForbidden());
    }

    /** Registers a tender at HRB now and returns the month its registration counts in. */
    private String monthOfARegistration() throws Exception {
        JsonNode tender = api.register(TenderBody.valid().with("name", "月报工作台测试标段" + System.nanoTime()));
        return YearMonth.from(Instant.parse(tender.get("registeredAt").asText()).atZone(ZoneId.of("Asia/Shanghai"))).toString();
    }

    private static String figure(Browser browser, String row) {
        return browser.driver().findElement(By.cssSelector(row + " td[data-figure='" + FIGURE + "']")).getText();
    }

    private void open(Browser browser, String query) {
        browser.driver().get(base() + "/workbench/reports.html" + query);
        browser.waiting().until(d -> !d.findElements(By.cssSelector("body[data-ready='true']")).isEmpty());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
