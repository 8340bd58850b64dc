package cn.hlj.remoteeval.crossprovince;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;
import cn.hlj.remoteeval.testsupport.Browser;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * 联调测试 on the workbench's partner-province page in headless Chromium: an operator runs the joint test
 * of a negotiating partner whose key and address are not entered yet and is told so at the top of that
 * partner's block (nothing is run, the partner stays negotiating), and finds no runs in its history; once
 * they are entered, a run against a node that cannot be reached shows each scenario's outcome and is
 * listed among the partner's runs.
 * Screenshots in {@code target/browser-artifacts/partner-joint-test-workbench*}.
 */
@RemoteEvalIntegrationTest
class PartnerJointTestWorkbenchBrowserIntegrationTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    /** A province code of its own, so that no run meets another's. */
    private final String partner = RANDOM.ints(6, 'A', 'Z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

    @BeforeEach
    void enterANegotiatingPartner() {
        jdbc.sql("INSERT INTO partner_province (code, name, state, negotiation_started_on, last_step_on, version, "
                + "registered_by, registered_at) VALUES (?, '联调测试省', 'NEGOTIATING', ?, ?, 0, 'test', ?)")
                .params(partner, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5), Timestamp.from(Instant.now())).update();
    }

    @AfterEach
    void removeThePartner() {
        jdbc.sql("DELETE FROM joint_test_result WHERE run_id IN (SELECT id FROM joint_test_run WHERE partner = ?)").param(partner)
                .update();
        jdbc.sql("DELETE FROM joint_test_run WHERE partner = ?").param(partner).update();
        jdbc.sql("DELETE FROM partner_province WHERE code = ?").param(partner).update();
    }

    @Test
    void anOperatorIsToldThatThePartnersKeyAndAddressAreMissing() throws Exception {
        try (Browser browser = Browser.signedOut().steps("partner-joint-test-workbench").signIn(base(), "demo")) {
            browser.driver().get(base() + "/workbench/partners.html");
            browser.waiting().until(d -> !d.findElements(By.cssSelector("body[data-ready='true']")).isEmpty());
            WebElement run = browser.driver().findElement(By.id("joint-test-" + partner));
            assertThat(run.getText()).isEqualTo("联调测试");
            run.click();

            WebElement refusal = browser.waiting().until(d -> d.findElements(
                    By.cssSelector("#joint-test-status-" + partner + " .form-error")).stream().findFirst().orElse(null));
            assertThat(refusal.getAttribute("data-status")).isEqualTo("409");
            assertThat(refusal.getText()).contains("联调测试省（" + partner + "）尚未登记交换公钥和报文接收地址，不能进行联调测试");
            assertThat(refusal.findElement(By.cssSelector("li[data-field='exchangePublicKey']")).getText()).isEqualTo("尚未登记交换公钥");
            assertThat(refusal.findElement(By.cssSelector("li[data-field='exchangeEndpoint']")).getText())
                    .isEqualTo("尚未登记报文接收地址");
            // The block sits right under the partner's row.
            WebElement block = browser.driver().findElement(By.cssSelector("#partners tr[data-joint-test-for='" + partner + "']"));
            assertThat(block.findElement(By.xpath("preceding-sibling::tr[1]")).getAttribute("data-partner")).isEqualTo(partner);
            assertThat(browser.driver().findElements(By.id("joint-test-moved-" + partner))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#joint-test-result-" + partner + " li"))).isEmpty();
            browser.step("refused");

            browser.driver().findElement(By.cssSelector("button[data-joint-tests='" + partner + "']")).click();
            WebElement none = browser.waiting().until(d -> d.findElements(By.cssSelector("#joint-test-runs-" + partner + " p")).stream()
                    .findFirst().orElse(null));
            assertThat(none.getText()).isEqualTo("尚无联调测试记录。");
            assertThat(browser.driver().findElement(By.cssSelector("#partners tr[data-partner='" + partner + "'] .badge"))
                    .getAttribute("data-state")).isEqualTo("NEGOTIATING");
            browser.step("no-runs");
        }
        assertThat(jdbc.sql("SELECT state FROM partner_province WHERE code = ?").param(partner).query(String.class).single())
                .isEqualTo("NEGOTIATING");
    }

    @Test
    void anOperatorRunsTheJointTestAgainstANodeThatCannotBeReachedAndReadsTheRun() throws Exception {
        // A closed port: the first scenario fails at once and the others are not run; nothing leaves the machine.
        jdbc.sql("UPDATE partner_province SET exchange_public_key = ?, exchange_endpoint = ? WHERE code = ?")
                .params(new NationalCrypto(RANDOM).newKeyPair().publicKey(), "http://127.0.0.1:9/exchange/v1/messages", partner)
                .update();
        try (Browser browser = Browser.signedOut().steps("partner-joint-test-workbench-run").signIn(base(), "demo")) {
            browser.driver().get(base() + "/workbench/partners.html");
            browser.waiting().until(d -> !d.findElements(By.cssSelector("body[data-ready='true']")).isEmpty());
            browser.driver().findElement(By.id("joint-test-" + partner)).click();

            List<WebElement> scenarios = browser.waiting().until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector("#joint-test-result-" + partner + " li[data-scenario]"));
                return found.isEmpty() ? null : found;
            });
            assertThat(scenarios).hasSize(6);
            WebElement connectivity = scenarios.get(0);
            assertThat(connectivity.getAttribute("data-scenario")).isEqualTo("CONNECTIVITY");
            assertThat(connectivity.getText()).startsWith("✘").contains("连通与签名");
            assertThat(connectivity.findElement(By.cssSelector(".name")).getAttribute("title")).contains("PING");
            assertThat(scenarios.get(1).getText()).startsWith("✘").contains("重复投递").contains("未执行");
            WebElement result = browser.driver().findElement(By.id("joint-test-result-" + partner));
            assertThat(result.findElement(By.cssSelector(".badge")).getText()).isEqualTo("未通过（0/6 项）");
            assertThat(browser.driver().findElement(By.id("joint-test-status-" + partner)).getText()).contains("联调测试未通过");
            assertThat(browser.driver().findElements(By.id("joint-test-moved-" + partner))).isEmpty();
            // The register was read again, and the block stayed under the partner's row.
            WebElement block = browser.driver().findElement(By.cssSelector("#partners tr[data-joint-test-for='" + partner + "']"));
            assertThat(block.findElement(By.xpath("preceding-sibling::tr[1]")).getAttribute("data-partner")).isEqualTo(partner);
            assertThat(browser.driver().findElement(By.cssSelector("#partners tr[data-partner='" + partner + "'] .badge"))
                    .getAttribute("data-state")).isEqualTo("NEGOTIATING");
            browser.step("failed-run");

            browser.driver().findElement(By.cssSelector("button[data-joint-tests='" + partner + "']")).click();
            WebElement run = browser.waiting().until(d -> d.findElements(By.cssSelector("#joint-test-runs-" + partner + " li[data-run]"))
                    .stream().findFirst().orElse(null));
            assertThat(browser.driver().findElements(By.cssSelector("#joint-test-runs-" + partner + " li[data-run]"))).hasSize(1);
            assertThat(run.getText()).contains("demo").contains("未通过");
            assertThat(run.findElements(By.cssSelector("li[data-scenario]")).get(0).isDisplayed()).isFalse();
            run.findElement(By.tagName("summary")).click();
            assertThat(run.findElements(By.cssSelector("li[data-scenario]"))).hasSize(6);
            assertThat(run.findElements(By.cssSelector("li[data-scenario]")).get(0).isDisplayed()).isTrue();
            browser.step("runs");
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
