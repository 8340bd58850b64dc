package cn.hlj.remoteeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.hlj.remoteeval.testsupport.Browser;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** The operators' page in real headless Chromium: the month's figures, the partner targets and the chart. */
@RemoteEvalIntegrationTest
class OperatorsPageIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theProvincialCentersStaffSeeTheMonthsFiguresThePartnerTargetsAndTheChart() throws Exception {
        try (Browser browser = Browser.as("staff-prov")) {
            browser.driver().get("http://localhost:" + port + "/operators.html");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));

            wait.until(d -> d.findElements(By.cssSelector("#figures tbody tr")).size() == 15);
            wait.until(d -> d.findElements(By.cssSelector("#chart rect")).size() >= 12);
            browser.screenshot("operators-page-staff-prov");

            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#figures tbody tr"));
            assertThat(rows.get(0).getText()).startsWith("黑龙江省公共资源交易中心");
            assertThat(rows.get(14).getText()).startsWith("全省合计");
            assertThat(browser.driver().findElement(By.cssSelector("#figures thead")).getText()).contains("登记标段数")
                    .contains("副场随机抽取次数");
            assertThat(browser.driver().findElements(By.cssSelector("#targets tbody tr"))).hasSize(3);
            assertThat(browser.driver().findElement(By.id("targets")).getText()).contains("2026-11-30");
            assertThat(browser.driver().findElement(By.id("status")).getText()).isEmpty();
        }
    }

    @Test
    void aCityCentersStaffMemberIsToldTheReportIsNotTheirs() throws Exception {
        try (Browser browser = Browser.as("staff-hrb")) {
            browser.driver().get("http://localhost:" + port + "/operators.html");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));

            WebElement status = wait.until(d -> {
                WebElement element = d.findElement(By.id("status"));
                return element.getText().isBlank() || element.getText().contains("加载中") ? null : element;
            });
            browser.screenshot("operators-page-staff-hrb-refused");

            assertThat(status.getText()).contains("月报仅限省公共资源交易中心工作人员");
            assertThat(browser.driver().findElements(By.cssSelector("#figures tbody tr"))).isEmpty();
        }
    }
}
