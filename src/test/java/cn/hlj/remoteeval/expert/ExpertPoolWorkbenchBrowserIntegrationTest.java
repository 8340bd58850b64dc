package cn.hlj.remoteeval.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.expert.ExpertRequests.ExpertRow;
import cn.hlj.remoteeval.testsupport.Browser;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * The workbench's expert pool pages ({@code /workbench/experts.html}, {@code /workbench/expert.html})
 * in headless Chromium: the pool administrator signs in, finds a fresh expert by specialty and city
 * (masked, as the list API gives it), opens it in full, is shown the API's field errors next to the
 * fields, suspends the expert, records a leave, a relation (and withdraws it) and a project stage, and
 * each change is in the API and the database; imports a file large enough for the background and
 * watches its progress to the end, then a file with bad rows and one with a wrong header; a staff
 * member who opens the pages is told in Chinese that they are not theirs. Every step is kept under
 * {@code target/browser-artifacts/<test>/}.
 */
@RemoteEvalIntegrationTest
class ExpertPoolWorkbenchBrowserIntegrationTest {

    /** Above the 128 KiB background threshold (about 190 KiB of CSV). */
    static final int BACKGROUND_ROWS = 2_500;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    ExpertRequests requests;

    @BeforeEach
    void setUp() {
        requests = new ExpertRequests(mvc, json);
    }

    @Test
    void thePoolAdministratorFindsAnExpertSuspendsItAndRecordsALeaveARelationAndAProjectStage() throws Exception {
        String specialty = requests.newSpecialty();
        ExpertRow row = ExpertRow.random(specialty, "MDJ").withEmployer("工作台测试单位");
        requests.importCsv(List.of(row));
        String ref = requests.refOf(specialty, row.idNumber());
        LocalDate today = LocalDate.now(clock);

        try (Browser browser = Browser.signedOut().steps("experts-pool-admin-maintains-an-expert")) {
            WebDriver driver = browser.driver();
            driver.get(base() + "/workbench/experts.html");
            browser.waiting().until(ExpectedConditions.urlContains("/login.html"));
            browser.signInOnThisPage("pool-admin");
            awaitReady(browser);
            assertThat(driver.getCurrentUrl()).contains("/workbench/experts.html");
            assertThat(driver.findElement(By.cssSelector("header.wb nav a.active")).getText()).isEqualTo("专家库");
            assertThat(driver.findElement(By.id("denied")).isDisplayed()).isFalse();
            browser.step("pool-opened");

            // Search: the new specialty and the city narrow the pool down to the fresh expert, masked.
            new Select(driver.findElement(By.id("specialty"))).selectByValue(specialty);
            new Select(driver.findElement(By.id("city"))).selectByValue("MDJ");
            driver.findElement(By.id("find")).click();
            WebElement found = browser.waiting().until(d -> {
                List<WebElement> rows = d.findElements(By.cssSelector("#experts tbody tr"));
                return rows.size() == 1 && ref.equals(rows.get(0).getDomAttribute("data-expert")) ? rows.get(0) : null;
            });
            String masked = row.name().charAt(0) + "*".repeat(row.name().length() - 1);
            assertThat(found.getText()).contains(masked, row.mobile().substring(0, 3) + "****" + row.mobile().substring(7),
                    row.idNumber().substring(0, 4) + "**********" + row.idNumber().substring(14), "工作台测试单位", "在库")
                    .doesNotContain(row.mobile()).doesNotContain(row.idNumber());
            assertThat(driver.findElement(By.id("summary")).getText()).isEqualTo("共 1 位专家");
            assertThat(driver.getCurrentUrl()).contains("specialty=" + specialty).contains("city=MDJ");
            browser.step("found-by-specialty-and-city-masked");

            // By 身份证号: a mistyped number is refused at its field; the right one finds the expert, masked,
            // and the number is in no address.
            driver.findElement(By.id("lookup-id-number")).sendKeys(row.idNumber().substring(0, 17) + "0".repeat(1)
                    .replace("0", row.idNumber().endsWith("0") ? "1" : "0"));
            driver.findElement(By.id("lookup")).click();
            assertThat(browser.waiting().until(d -> d.findElement(By.cssSelector("[data-error-for='idNumber']"))).getText())
                    .contains("身份证号");
            driver.findElement(By.id("lookup-id-number")).clear();
            driver.findElement(By.id("lookup-id-number")).sendKeys(row.idNumber().toLowerCase());
            driver.findElement(By.id("lookup")).click();
            assertThat(browser.waiting().until(d -> d.findElement(By.id("lookup-found"))).getText()).contains(masked)
                    .doesNotContain(row.idNumber());
            assertThat(driver.getCurrentUrl()).doesNotContain(row.idNumber());
            browser.step("found-by-id-number");

            // One expert: in full, as the API gives it to the pool administrator.
            found.findElement(By.cssSelector("a.open")).click();
            awaitReady(browser);
            assertThat(driver.getCurrentUrl()).contains("/workbench/expert.html?ref=" + ref);
            assertThat(fact(driver, "name")).isEqualTo(row.name());
            assertThat(fact(driver, "idNumber")).isEqualTo(row.idNumber());
            assertThat(fact(driver, "mobile")).isEqualTo(row.mobile());
            assertThat(fact(driver, "status")).isEqualTo("在库");
            assertThat(driver.findElements(By.cssSelector("#history tbody tr"))).hasSize(1);
            browser.step("expert-opened-in-full");

            // A suspension needs a reason: the API's message stands under the reason field; nothing changes.
            new Select(driver.findElement(By.id("new-status"))).selectByValue("SUSPENDED");
            driver.findElement(By.id("status-reason")).clear();
            driver.findElement(By.id("status-submit")).click();
            WebElement reasonError = fieldError(browser, "status-form", "reason");
            assertThat(reasonError.getText()).isEqualTo("不能为空");
            assertThat(reasonError.findElement(By.xpath("..")).findElements(By.id("status-reason"))).hasSize(1);
            assertThat(driver.findElement(By.id("status-reason")).getDomAttribute("class")).contains("invalid");
            assertThat(driver.findElement(By.cssSelector("#status-form .form-error")).getText()).contains("请求中有 1 处错误").contains("标红").doesNotContain("errors");
            browser.step("suspension-without-reason-refused-next-to-the-field");
            assertThat(storedStatus(ref)).isEqualTo("ACTIVE");

            driver.findElement(By.id("status-reason")).sendKeys("年度考核待复核");
            driver.findElement(By.id("status-submit")).click();
            browser.waiting().until(ExpectedConditions.textToBe(By.id("status-badge"), "暂停抽取"));
            assertThat(driver.findElement(By.cssSelector("#status-form .notice")).getText()).contains("暂停抽取");
            assertThat(driver.findElements(By.cssSelector("#status-form .field-error"))).isEmpty();
            assertThat(fact(driver, "statusReason")).isEqualTo("年度考核待复核");
            WebElement version1 = browser.waiting().until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#history tr[data-version='1']")));
            assertThat(version1.getText()).contains("pool-admin", "手工修改", "状态、状态原因", "状态：在库");
            browser.step("suspended-with-reason");
            assertThat(storedStatus(ref)).isEqualTo("SUSPENDED");
            JsonNode detail = requests.read(requests.get(ExpertRequests.ADMIN, "/api/experts/" + ref)
                    .andExpect(status().isOk()));
            assertThat(detail.get("status").asText()).isEqualTo("SUSPENDED");
            assertThat(detail.get("statusReason").asText()).isEqualTo("年度考核待复核");

            // A leave that ends before it starts: the message stands under the end date.
            setValue(driver, "leave-from", today.plusDays(10).toString());
            setValue(driver, "leave-to", today.plusDays(5).toString());
            driver.findElement(By.id("leave-reason")).sendKeys("出差");
            driver.findElement(By.id("leave-submit")).click();
            assertThat(fieldError(browser, "leave-form", "to").getText()).isEqualTo("结束日期不能早于开始日期");
            browser.step("leave-ending-before-it-starts-refused");
            assertThat(leaves(ref)).isZero();

            setValue(driver, "leave-to", today.plusDays(12).toString());
            driver.findElement(By.id("leave-submit")).click();
            WebElement leave = browser.waiting().until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#leaves tbody tr[data-leave]")));
            assertThat(leave.getText()).contains(today.plusDays(10).toString(), today.plusDays(12).toString(), "出差",
                    "pool-admin");
            assertThat(driver.findElements(By.cssSelector("#leave-form .field-error"))).isEmpty();
            assertThat(driver.findElement(By.id("leave-from")).getDomProperty("value")).as("the form is emptied").isEmpty();
            browser.step("leave-recorded");
            assertThat(leaves(ref)).isOne();
            assertThat(jdbc.sql("SELECT to_date FROM expert_leave WHERE expert_ref = ?").param(ref)
                    .query(java.sql.Date.class).single().toLocalDate()).isEqualTo(today.plusDays(12));

            // A declared relation, recorded and withdrawn again.
            driver.findElement(By.id("relation-organisation")).sendKeys("黑龙江某建设集团有限公司");
            driver.findElement(By.id("relation-relation")).sendKeys("近三年曾在该单位任职");
            driver.findElement(By.id("relation-submit")).click();
            WebElement relation = browser.waiting().until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#relations tbody tr[data-relation]")));
            assertThat(relation.getText()).contains("黑龙江某建设集团有限公司", "近三年曾在该单位任职");
            browser.step("relation-declared");
            assertThat(count("expert_relation", ref)).isOne();
            relation.findElement(By.cssSelector("button.remove")).click();
            browser.waiting().until(d -> d.findElements(By.cssSelector("#relations tbody tr[data-relation]")).isEmpty());
            assertThat(driver.findElement(By.cssSelector("#relation-form .notice")).getText()).contains("已撤销回避申报");
            browser.step("relation-withdrawn");
            assertThat(count("expert_relation", ref)).isZero();

            // An earlier project stage; an empty stage is refused next to its field first.
            driver.findElement(By.id("participation-project")).sendKeys("2026-230100-48-01-000001");
            driver.findElement(By.id("participation-submit")).click();
            assertThat(fieldError(browser, "participation-form", "stage").getText()).isEqualTo("不能为空");
            driver.findElement(By.id("participation-stage")).sendKeys("可行性研究");
            driver.findElement(By.id("participation-submit")).click();
            WebElement participation = browser.waiting().until(ExpectedConditions
                    .presenceOfElementLocated(By.cssSelector("#participations tbody tr[data-participation]")));
            assertThat(participation.getText()).contains("2026-230100-48-01-000001", "可行性研究");
            browser.step("project-stage-recorded");
            assertThat(count("expert_project_participation", ref)).isOne();

            // Back to the list with its filters: the expert now shows as suspended.
            driver.findElement(By.id("back")).click();
            awaitReady(browser);
            WebElement again = browser.waiting().until(d -> {
                List<WebElement> rows = d.findElements(By.cssSelector("#experts tbody tr[data-expert='" + ref + "']"));
                return rows.size() == 1 ? rows.get(0) : null;
            });
            assertThat(again.getText()).contains("暂停抽取");
            new Select(driver.findElement(By.id("status"))).selectByValue("ACTIVE");
            driver.findElement(By.id("find")).click();
            browser.waiting().until(ExpectedConditions.textToBe(By.id("summary"), "没有符合条件的专家"));
            browser.step("back-in-the-list-suspended-not-active");
        }
    }

    @Test
    void thePoolAdministratorImportsAFileInTheBackgroundAndSeesItsProgressToTheEnd(@TempDir Path dir) throws Exception {
        String specialty = requests.newSpecialty();
        List<ExpertRow> rows = ExpertRequests.randomRows(BACKGROUND_ROWS, specialty, "JMS");
        Path large = dir.resolve("experts-" + specialty + ".csv");
        Files.write(large, ExpertRequests.csv(rows));
        assertThat(Files.size(large)).isGreaterThan(128 * 1024);

        try (Browser browser = Browser.as("pool-admin").steps("experts-pool-admin-imports")) {
            WebDriver driver = browser.driver();
            driver.get(base() + "/workbench/experts.html");
            awaitReady(browser);
            browser.step("pool-opened");

            driver.findElement(By.id("import-file")).sendKeys(large.toAbsolutePath().toString());
            browser.step("file-chosen");
            driver.findElement(By.id("upload")).click();
            WebElement run = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("import-run")));
            browser.step("import-started");
            List<String> seen = new ArrayList<>();
            new WebDriverWait(driver, Duration.ofSeconds(90)).pollingEvery(Duration.ofMillis(100)).until(d -> {
                // Read in one go: the page redraws the counts at every poll.
                String shown = (String) ((JavascriptExecutor) d).executeScript("return document.getElementById('import-run')"
                        + ".dataset.state + ' ' + document.querySelector(\"#import-counts dd[data-count='已读取行数']\").textContent");
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(shown)) {
                    seen.add(shown);
                }
                return shown.startsWith("SUCCEEDED") || shown.startsWith("REJECTED") || shown.startsWith("FAILED");
            });
            browser.step("import-done");
            assertThat(run.getDomAttribute("data-state")).as("states seen: %s", seen).isEqualTo("SUCCEEDED");
            String id = run.getDomAttribute("data-import");
            assertThat(driver.findElement(By.id("import-state")).getText()).isEqualTo("已导入");
            assertThat(driver.findElement(By.id("import-name")).getText()).isEqualTo(large.getFileName().toString());
            WebElement progress = driver.findElement(By.id("import-progress"));
            assertThat(progress.getDomProperty("max")).isEqualTo(String.valueOf(BACKGROUND_ROWS));
            assertThat(progress.getDomProperty("value")).isEqualTo(String.valueOf(BACKGROUND_ROWS));
            assertThat(countShown(driver, "已读取行数")).isEqualTo(String.valueOf(BACKGROUND_ROWS));
            assertThat(countShown(driver, "无误行数")).isEqualTo(String.valueOf(BACKGROUND_ROWS));
            assertThat(countShown(driver, "错误数")).isEqualTo("0");
            assertThat(countShown(driver, "新增专家")).isEqualTo(String.valueOf(BACKGROUND_ROWS));
            assertThat(countShown(driver, "更新专家")).isEqualTo("0");
            assertThat(driver.findElement(By.id("import-rejected")).isDisplayed()).isFalse();
            WebElement recent = browser.waiting().until(ExpectedConditions
                    .presenceOfElementLocated(By.cssSelector("#imports tr[data-import='" + id + "']")));
            assertThat(recent.getText()).contains(large.getFileName().toString(), "后台", "pool-admin", "已导入");
            assertThat(recent.getDomAttribute("data-state")).isEqualTo("SUCCEEDED");
            // The experts exist afterwards, in the database and in the page's search.
            assertThat(jdbc.sql("SELECT COUNT(*) FROM expert WHERE specialty_code = ?").param(specialty)
                    .query(Long.class).single()).isEqualTo(BACKGROUND_ROWS);
            JsonNode imported = requests.read(requests.get(ExpertRequests.ADMIN, "/api/experts/imports/" + id)
                    .andExpect(status().isOk()));
            assertThat(imported.get("created").asLong()).isEqualTo(BACKGROUND_ROWS);
            new Select(driver.findElement(By.id("specialty"))).selectByValue(specialty);
            driver.findElement(By.id("find")).click();
            browser.waiting().until(ExpectedConditions.textToBe(By.id("summary"), "共 " + BACKGROUND_ROWS + " 位专家"));
            browser.step("imported-experts-found");

            // A file with bad rows: nothing is imported, each refused row is listed with its number and reason.
            List<ExpertRow> bad = ExpertRequests.randomRows(3, specialty, "JMS");
            bad.set(1, bad.get(1).withMobile("2390000123"));
            bad.set(2, bad.get(2).withCity("XYZ"));
            Path rejected = dir.resolve("bad-rows.csv");
            Files.write(rejected, ExpertRequests.csv(bad));
            driver.findElement(By.id("import-file")).sendKeys(rejected.toAbsolutePath().toString());
            driver.findElement(By.id("upload")).click();
            browser.waiting().until(d -> "REJECTED".equals(run.getDomAttribute("data-state"))
                    && !id.equals(run.getDomAttribute("data-import")));
            WebElement errors = browser.waiting()
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("import-errors")));
            assertThat(driver.findElement(By.id("import-state")).getText()).isEqualTo("文件有误，未导入");
            assertThat(errors.findElement(By.cssSelector("tr[data-row='3']")).getText()).startsWith("3 手机号");
            assertThat(errors.findElement(By.cssSelector("tr[data-row='4']")).getText()).startsWith("4 所在地市")
                    .contains("XYZ").contains("不是交易中心代码");
            assertThat(driver.findElement(By.id("import-rejected-summary")).getText()).contains("2 处错误", "整个文件未导入");
            assertThat(countShown(driver, "已读取行数")).isEqualTo("3");
            assertThat(countShown(driver, "错误数")).isEqualTo("2");
            browser.step("bad-rows-listed");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM expert WHERE specialty_code = ?").param(specialty)
                    .query(Long.class).single()).isEqualTo(BACKGROUND_ROWS);

            // A file whose header is wrong is refused at once, the message next to the file field.
            Path wrongHeader = dir.resolve("wrong-header.csv");
            Files.writeString(wrongHeader, "姓名,手机号\r\n张三,13900001234\r\n", StandardCharsets.UTF_8);
            driver.findElement(By.id("import-file")).sendKeys(wrongHeader.toAbsolutePath().toString());
            driver.findElement(By.id("upload")).click();
            WebElement fileError = fieldError(browser, "import-form", "file");
            assertThat(fileError.getText()).startsWith("第 1 行应为表头").contains("姓名,身份证号,手机号");
            assertThat(driver.findElement(By.id("import-run")).isDisplayed()).as("the previous import is no longer shown").isFalse();
            assertThat(fileError.findElement(By.xpath("..")).findElements(By.id("import-file"))).hasSize(1);
            browser.step("wrong-header-refused-next-to-the-file-field");
        }
    }

    @Test
    void aStaffMemberWhoOpensThePoolPagesIsToldTheyAreNotTheirs() throws Exception {
        String specialty = requests.newSpecialty();
        ExpertRow row = ExpertRow.random(specialty, "HRB");
        requests.importCsv(List.of(row));
        String ref = requests.refOf(specialty, row.idNumber());

        try (Browser browser = Browser.as("staff-hrb").steps("experts-staff-refused")) {
            WebDriver driver = browser.driver();
            driver.get(base() + "/workbench/experts.html");
            awaitReady(browser);
            WebElement denied = driver.findElement(By.id("denied"));
            assertThat(denied.isDisplayed()).isTrue();
            assertThat(denied.getText()).contains("无权查看", "专家库仅限专家库管理员");
            assertThat(driver.findElement(By.id("pool")).isDisplayed()).isFalse();
            assertThat(driver.findElements(By.cssSelector("#experts tbody tr"))).isEmpty();
            assertThat(driver.findElements(By.cssSelector("header.wb nav a[data-page='experts']"))).isEmpty();
            assertThat(browser.console()).doesNotContain("Uncaught");
            browser.step("pool-refused");

            driver.get(base() + "/workbench/expert.html?ref=" + ref);
            awaitReady(browser);
            WebElement refused = driver.findElement(By.id("denied"));
            assertThat(refused.isDisplayed()).isTrue();
            assertThat(refused.getText()).contains("无权查看", "专家库仅限专家库管理员");
            assertThat(driver.findElement(By.id("expert")).isDisplayed()).isFalse();
            assertThat(driver.getPageSource()).doesNotContain(row.name()).doesNotContain(row.mobile())
                    .doesNotContain(row.idNumber());
            assertThat(browser.console()).doesNotContain("Uncaught");
            browser.step("expert-refused");
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static void awaitReady(Browser browser) {
        browser.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private static String fact(WebDriver driver, String key) {
        return driver.findElement(By.cssSelector("#facts dd[data-fact='" + key + "']")).getText();
    }

    private static String countShown(WebDriver driver, String label) {
        return driver.findElement(By.cssSelector("#import-counts dd[data-count='" + label + "']")).getText();
    }

    private static WebElement fieldError(Browser browser, String form, String field) {
        return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#" + form + " .field-error[data-error-for='" + field + "']")));
    }

    private static void setValue(WebDriver driver, String id, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                driver.findElement(By.id(id)), value);
    }

    private String storedStatus(String ref) {
        return jdbc.sql("SELECT status FROM expert WHERE expert_ref = ?").param(ref).query(String.class).single();
    }

    private long leaves(String ref) {
        return count("expert_leave", ref);
    }

    private long count(String table, String ref) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE expert_ref = ?").param(ref).query(Long.class).single();
    }
}
