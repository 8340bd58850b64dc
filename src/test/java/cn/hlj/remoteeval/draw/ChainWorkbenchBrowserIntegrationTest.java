package cn.hlj.remoteeval.draw;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.hlj.remoteeval.testsupport.Browser;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * The operator's chain check as a workbench page in headless Chromium: one click checks the draw chain (notices
 * and beacon signatures included), the audit chain and the published heads, and says what it found; a center's
 * staff member has no such page. Screenshots in {@code target/browser-artifacts/chain-workbench-*}.
 */
@RemoteEvalIntegrationTest
class ChainWorkbenchBrowserIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void anOperatorChecksBothChainsAndThePublishedHeadsWithOneClick() throws Exception {
        try (Browser browser = Browser.signedOut().steps("chain-workbench-operator").signIn(base(), "demo")) {
            open(browser);
            assertThat(browser.driver().findElements(By.cssSelector("header.wb nav a[data-page='chain']"))).hasSize(1);
            browser.driver().findElement(By.id("verify")).click();

            WebElement status = browser.waiting().until(d -> {
                WebElement element = d.findElement(By.id("status"));
                return element.getText().startsWith("校验完成") ? element : null;
            });
            browser.step("checked");

            assertThat(status.getText()).contains("全部完好");
            assertThat(browser.driver().findElement(By.id("draws")).getText()).contains("完好").contains("记录数")
                    .contains("未被使用的抽取公告");
            assertThat(browser.driver().findElement(By.id("audit")).getText()).contains("完好").contains("已封存条数");
            assertThat(browser.driver().findElement(By.id("heads")).getText()).contains("已公布的链头声明");
            assertThat(browser.driver().findElement(By.id("findings")).isDisplayed()).isFalse();
        }
    }

    @Test
    void aCentersStaffMemberIsToldTheCheckIsTheOperatorsAndCannotRunIt() throws Exception {
        try (Browser browser = Browser.signedOut().steps("chain-workbench-staff").signIn(base(), "staff-hrb")) {
            open(browser);

            assertThat(browser.driver().findElements(By.cssSelector("header.wb nav a[data-page='chain']"))).isEmpty();
            assertThat(browser.driver().findElement(By.id("verify")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("status")).getText()).contains("仅限运维人员");
            assertThat(browser.driver().findElement(By.id("draws-card")).isDisplayed()).isFalse();
        }
    }

    private void open(Browser browser) {
        browser.driver().get(base() + "/workbench/chain.html");
        browser.waiting().until(d -> !d.findElements(By.cssSelector("body[data-ready='true']")).isEmpty());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
