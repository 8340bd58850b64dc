package cn.hlj.remoteeval.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

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
 * A center's staff keep their workstation directory on the workbench page: register a workstation
 * (a missing answer is shown under its field), take it out of service and back, import a file and
 * read which rows a refused file has wrong. Every change is checked in the API afterwards.
 * Screenshots in {@code target/browser-artifacts/workstation-workbench/}.
 */
@RemoteEvalIntegrationTest
class WorkstationWorkbenchBrowserIntegrationTest {

    private static final String CENTER = "MDJ";
    private static final String DIRECTORY = "/api/centers/" + CENTER + "/workstations";

    @Autowired
    Api api;
    @LocalServerPort
    int port;

    @Test
    void staffRegisterAWorkstationTakeItOutOfServiceAndBackAndImportAFile() throws Exception {
        String code = VenueRequests.uniqueCode();
        try (Browser browser = Browser.signedOut().steps("workstation-workbench").signIn(base(), "staff-mdj")) {
            browser.driver().get(base() + "/workbench/workstations.html");
            awaitReady(browser);
            assertThat(new Select(byId(browser, "center")).getFirstSelectedOption().getText()).contains("牡丹江");
            assertThat(byId(browser, "summary").getText()).startsWith("共 ");
            browser.step("directory");

            byId(browser, "register-code").sendKeys(code);
            byId(browser, "register-submit").click();
            browser.waiting().until(d -> !d.findElements(By.cssSelector("[data-error-for='room']")).isEmpty());
            assertThat(fieldError(browser, "register-room")).isEqualTo("房间不能为空");
            assertThat(fieldError(browser, "register-cross")).contains("不能为空");
            browser.step("register-refused");
            assertThat(workstation(code)).isNull();

            byId(browser, "register-room").sendKeys("远程异地评标区 B 评标室 1");
            new Select(byId(browser, "register-cross")).selectByVisibleText("否");
            byId(browser, "register-av").sendKeys("双屏，高拍仪");
            byId(browser, "register-submit").click();
            String row = browser.waiting().until(d -> d.findElement(By.cssSelector("tr[data-workstation='" + code + "']")).getText());
            assertThat(row).contains("远程异地评标区 B 评标室 1").contains("双屏，高拍仪").contains("否");
            assertThat(byId(browser, "register-result").getText()).contains("工位 " + code + " 已登记");
            assertThat(browser.driver().findElements(By.cssSelector("#register-form .field-error"))).isEmpty();
            browser.step("registered");
            JsonNode registered = workstation(code);
            assertThat(registered.get("room").asText()).isEqualTo("远程异地评标区 B 评标室 1");
            assertThat(registered.get("crossProvince").asBoolean()).isFalse();
            assertThat(registered.get("registeredBy").asText()).isEqualTo("staff-mdj");

            byId(browser, "edit-" + code).click();
            byId(browser, "edit-room").clear();
            byId(browser, "edit-room").sendKeys("远程异地评标区 B 评标室 2");
            byId(browser, "edit-submit").click();
            browser.waiting().until(d -> d.findElement(By.cssSelector("tr[data-workstation='" + code + "']")).getText()
                    .contains("评标室 2"));
            assertThat(byId(browser, "edit-card").isDisplayed()).isFalse();
            browser.step("edited");
            assertThat(workstation(code).get("room").asText()).isEqualTo("远程异地评标区 B 评标室 2");
            assertThat(workstation(code).get("version").asLong()).isGreaterThan(registered.get("version").asLong());

            LocalDate from = LocalDate.now().plusDays(20);
            byId(browser, "outage-" + code).click();
            setDate(browser, "outage-from", from);
            setDate(browser, "outage-to", from.minusDays(1));
            byId(browser, "outage-reason").sendKeys("音视频设备检修");
            byId(browser, "outage-submit").click();
            browser.waiting().until(d -> !d.findElements(By.cssSelector("[data-error-for='to']")).isEmpty());
            assertThat(fieldError(browser, "outage-to")).isEqualTo("结束日期不能早于开始日期");
            browser.step("outage-refused");
            assertThat(workstation(code).get("outages")).isEmpty();

            setDate(browser, "outage-to", from.plusDays(2));
            byId(browser, "outage-submit").click();
            WebElement outage = browser.waiting().until(d -> d.findElement(
                    By.cssSelector("tr[data-workstation='" + code + "'] li[data-outage]")));
            assertThat(outage.getText()).contains(from + " 至 " + from.plusDays(2)).contains("音视频设备检修");
            assertThat(byId(browser, "status").getText()).contains("工位 " + code + " 已停用");
            browser.step("out-of-service");
            JsonNode outages = workstation(code).get("outages");
            assertThat(outages).hasSize(1);
            assertThat(outages.get(0).get("from").asText()).isEqualTo(from.toString());
            assertThat(outages.get(0).get("reason").asText()).isEqualTo("音视频设备检修");

            byId(browser, "restore-" + outages.get(0).get("id").asText()).click();
            browser.waiting().until(d -> d.findElements(By.cssSelector("tr[data-workstation='" + code + "'] li[data-outage]"))
                    .isEmpty());
            assertThat(byId(browser, "status").getText()).contains("工位 " + code + " 已恢复使用");
            browser.step("back-in-service");
            assertThat(workstation(code).get("outages")).isEmpty();

            String imported = VenueRequests.uniqueCode();
            upload(browser, "工位编号,房间,支持跨省,音视频设备说明\n" + imported + ",远程异地评标区 C 评标室 2,是,\n"
                    + code + ",远程异地评标区 B 评标室 5,否,双屏\n");
            browser.waiting().until(d -> d.findElement(By.id("import-result")).getText().contains("导入完成"));
            assertThat(byId(browser, "import-result").getText()).contains("新增 1 个工位，更新 1 个工位");
            browser.waiting().until(d -> !d.findElements(By.cssSelector("tr[data-workstation='" + imported + "']")).isEmpty());
            browser.step("imported");
            assertThat(workstation(imported).get("crossProvince").asBoolean()).isTrue();
            assertThat(workstation(code).get("room").asText()).isEqualTo("远程异地评标区 B 评标室 5");

            String refused = VenueRequests.uniqueCode();
            upload(browser, "工位编号,房间,支持跨省,音视频设备说明\n" + refused + ",远程异地评标区 D 评标室 1,是,\n"
                    + code + ",,可以,\n");
            browser.waiting().until(d -> d.findElement(By.id("import-rejected")).isDisplayed());
            List<String> rejected = browser.driver().findElements(By.cssSelector("#import-rejected tbody tr")).stream()
                    .map(WebElement::getText).toList();
            assertThat(rejected).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("3 "));
            assertThat(String.join("\n", rejected)).contains("房间 房间不能为空").contains("支持跨省 支持跨省应填“是”或“否”，不能填“可以”");
            assertThat(byId(browser, "import-form").getText()).contains("文件未导入：2 处错误");
            browser.step("import-refused");
            assertThat(workstation(refused)).isNull();
            assertThat(workstation(code).get("room").asText()).isEqualTo("远程异地评标区 B 评标室 5");
        }
    }

    private void upload(Browser browser, String csv) throws Exception {
        Path file = Files.createTempFile("workstations-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        browser.driver().findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        byId(browser, "import-submit").click();
    }

    /** The workstation as the API lists it to the center's staff, or null. */
    private JsonNode workstation(String code) throws Exception {
        for (JsonNode workstation : api.read(api.get("staff-mdj", DIRECTORY))) {
            if (workstation.get("code").asText().equals(code)) {
                return workstation;
            }
        }
        return null;
    }

    /** The message shown under an input, in the same field. */
    private static String fieldError(Browser browser, String inputId) {
        return byId(browser, inputId).findElement(By.xpath("./ancestor::div[contains(@class,'field')][1]"))
                .findElement(By.className("field-error")).getText();
    }

    /** Date inputs take typed keys in the browser's locale format; the value is what the page reads. */
    private static void setDate(Browser browser, String id, LocalDate date) {
        browser.driver().executeScript("arguments[0].value = arguments[1]", byId(browser, id), date.toString());
    }

    private static WebElement byId(Browser browser, String id) {
        return browser.driver().findElement(By.id(id));
    }

    private static void awaitReady(Browser browser) {
        browser.waiting().until(d -> !d.findElements(By.cssSelector("body[data-ready='true']")).isEmpty());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
