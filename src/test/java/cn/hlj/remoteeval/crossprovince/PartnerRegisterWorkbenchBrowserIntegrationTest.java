package cn.hlj.remoteeval.crossprovince;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

/**
 * The workbench's partner-province page in headless Chromium: an operator adds a province not yet in
 * the register and records its joint test (a date before the negotiation is refused under the date
 * field first); the DRC reads the register and the targets without the forms that change them.
 * Screenshots in {@code target/browser-artifacts/partner-register-workbench*}.
 */
@RemoteEvalIntegrationTest
class PartnerRegisterWorkbenchBrowserIntegrationTest {

    private static final String PATH = "/api/partner-provinces";
    /** Provinces no other test registers (they use JL, LN, NM and NX). */
    private static final List<String> CANDIDATES = List.of("SD", "GD", "ZJ", "JS", "SC", "HB", "HN", "FJ", "AH", "YN",
            "GZ", "SN", "GS", "QH", "XJ", "XZ", "HI", "GX", "CQ", "TJ", "BJ", "HE", "SX", "JX", "HA", "SH");

    @Autowired
    Api api;
    @LocalServerPort
    int port;

    @Test
    void anOperatorAddsAPartnerAndRecordsItsJointTest() throws Exception {
        String code = unregistered();
        int jointTestsBefore = jointTestsReached();

        try (Browser browser = Browser.signedOut().steps("partner-register-workbench").signIn(base(), "demo")) {
            open(browser);
            assertThat(browser.driver().findElements(By.cssSelector("#targets tbody tr"))).hasSize(3);
            assertThat(browser.driver().findElements(By.cssSelector("#partners tr[data-partner='" + code + "']"))).isEmpty();

            browser.driver().findElement(By.id("add-code")).sendKeys(code.toLowerCase());
            setDate(browser, "add-started", "2024-01-15");
            browser.driver().findElement(By.id("add-submit")).click();
            WebElement row = browser.waiting().until(d -> d.findElements(By.cssSelector("#partners tr[data-partner='" + code + "']"))
                    .stream().findFirst().orElse(null));
            assertThat(row.findElement(By.cssSelector(".badge")).getText()).isEqualTo("洽谈中");
            assertThat(row.getText()).contains("2024-01-15");
            browser.step("added");

            // The new province is picked for its next step, the joint test.
            assertThat(new Select(browser.driver().findElement(By.id("step-code"))).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo(code);
            assertThat(new Select(browser.driver().findElement(By.id("step-kind"))).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("joint-test");
            assertThat(browser.driver().findElement(By.id("step-reason")).isDisplayed()).isFalse();

            setDate(browser, "step-date", "2024-01-10");
            browser.driver().findElement(By.id("step-submit")).click();
            WebElement error = browser.waiting().until(d -> d.findElements(By.cssSelector("#step .field-error[data-error-for='passedOn']"))
                    .stream().findFirst().orElse(null));
            assertThat(error.findElement(By.xpath("..")).findElements(By.id("step-date"))).hasSize(1);
            assertThat(error.getText()).contains("不能早于上一步骤的日期");
            browser.step("date-refused");

            setDate(browser, "step-date", "2024-02-20");
            browser.driver().findElement(By.id("step-submit")).click();
            browser.waiting().until(d -> !d.findElements(By.cssSelector(
                    "#partners tr[data-partner='" + code + "'] .badge[data-state='JOINT_TEST_PASSED']")).isEmpty());
            assertThat(browser.driver().findElements(By.cssSelector("#step .field-error"))).isEmpty();
            assertThat(browser.driver().findElement(By.id("keeper-result")).getText()).contains("已通过联调测试");
            WebElement jointTestTarget = browser.driver().findElement(By.cssSelector("#targets tbody tr[data-target='JOINT_TEST']"));
            assertThat(jointTestTarget.findElements(By.tagName("td")).get(2).getText())
                    .isEqualTo(String.valueOf(jointTestsReached()));
            browser.step("joint-test");

            browser.driver().findElement(By.cssSelector("button[data-history='" + code + "']")).click();
            browser.waiting().until(d -> d.findElements(By.cssSelector("#history li")).size() == 2);
            assertThat(browser.driver().findElement(By.id("history")).getText()).contains("2024-02-20").contains("已通过联调测试");
            browser.step("history");
        }

        JsonNode province = api.read(api.get("demo", PATH + "/" + code).andExpect(status().isOk()));
        assertThat(province.get("state").asText()).isEqualTo("JOINT_TEST_PASSED");
        assertThat(province.get("negotiationStartedOn").asText()).isEqualTo("2024-01-15");
        assertThat(province.get("jointTestPassedOn").asText()).isEqualTo("2024-02-20");
        assertThat(province.get("history")).hasSize(2);
        assertThat(province.get("history").get(1).get("changedBy").asText()).isEqualTo("demo");
        assertThat(jointTestsReached()).isEqualTo(jointTestsBefore + 1);
    }

    @Test
    void theDrcReadsTheRegisterAndTargetsWithoutTheFormsThatChangeThem() throws Exception {
        JsonNode register = api.read(api.get("drc", PATH).andExpect(status().isOk()));
        try (Browser browser = Browser.signedOut().steps("partner-register-workbench-drc").signIn(base(), "drc")) {
            open(browser);
            assertThat(browser.driver().findElements(By.cssSelector("#partners tbody tr"))).hasSize(register.size());
            assertThat(browser.driver().findElements(By.cssSelector("#targets tbody tr"))).hasSize(3);
            assertThat(browser.driver().findElement(By.id("keeper")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("read-only")).getText()).contains("您可以查看");
            browser.step("read-only");
        }
        api.post("drc", PATH, java.util.Map.of("code", unregistered(), "negotiationStartedOn", "2024-01-15"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCityCentersStaffMemberIsToldTheRegisterIsNotTheirs() throws Exception {
        try (Browser browser = Browser.signedOut().steps("partner-register-workbench-staff").signIn(base(), "staff-hrb")) {
            open(browser);
            assertThat(browser.driver().findElement(By.id("partners-status")).getText()).contains("合作省份情况仅供");
            assertThat(browser.driver().findElements(By.cssSelector("#partners tbody tr"))).isEmpty();
            assertThat(browser.driver().findElement(By.id("keeper")).isDisplayed()).isFalse();
            browser.step("refused");
        }
        api.get("staff-hrb", PATH).andExpect(status().isForbidden());
    }

    private void open(Browser browser) {
        browser.driver().get(base() + "/workbench/partners.html");
        browser.waiting().until(d -> !d.findElements(By.cssSelector("body[data-ready='true']")).isEmpty());
    }

    private static void setDate(Browser browser, String id, String date) {
        browser.driver().executeScript("arguments[0].value = arguments[1]", browser.driver().findElement(By.id(id)), date);
    }

    private String unregistered() throws Exception {
        Set<String> registered = new HashSet<>();
        api.read(api.get("demo", PATH).andExpect(status().isOk())).forEach(p -> registered.add(p.get("code").asText()));
        return CANDIDATES.stream().filter(c -> !registered.contains(c)).findFirst()
                .orElseThrow(() -> new IllegalStateException("every candidate province is registered in this run"));
    }

    private int jointTestsReached() throws Exception {
        JsonNode dashboard = api.read(api.get("demo", PATH + "/targets").andExpect(status().isOk()));
        for (JsonNode target : dashboard.get("targets")) {
            if (target.get("kind").asText().equals("JOINT_TEST")) {
                return target.get("reached").asInt();
            }
        }
        throw new IllegalStateException("no joint-test target");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
