package cn.hlj.remoteeval.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.Browser;
import cn.hlj.remoteeval.testsupport.OwnPeriods;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * The workbench's calendar page in headless Chromium, signed in through the login page: an operator
 * uploads a year's schedule and counts working days on it; a bad file's row error appears under the
 * file field and nothing is loaded; a center's staff member is told the page's upload and deadline list
 * are the operators'. Screenshots in {@code target/browser-artifacts/calendar-workbench-*}.
 */
@RemoteEvalIntegrationTest
class CalendarWorkbenchBrowserIntegrationTest {

    @Autowired
    Api api;
    @Autowired
    MockMvc mvc;
    @Autowired
    WorkingDayCalendar calendar;
    @LocalServerPort
    int port;

    @Test
    void anOperatorUploadsAYearSeesItLoadedAndCountsWorkingDaysOnIt() throws Exception {
        int year = OwnPeriods.uploadYear();
        LocalDate monday = firstMondayOfMarch(year);
        Path file = csv("date,kind,name\n" + monday.plusDays(1) + ",HOLIDAY,工作台测试假日\n");

        try (Browser browser = Browser.signedOut().steps("calendar-workbench-upload").signIn(base(), "demo")) {
            open(browser);
            assertThat(browser.driver().findElements(By.cssSelector("#years tr[data-year='" + year + "']"))).isEmpty();
            browser.driver().findElement(By.id("year")).sendKeys(String.valueOf(year));
            browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.step("filled");
            browser.driver().findElement(By.id("upload-submit")).click();

            WebElement row = browser.waiting().until(d -> d.findElements(By.cssSelector("#years tr[data-year='" + year + "']"))
                    .stream().findFirst().orElse(null));
            assertThat(row.getText()).contains(year + " 年").contains("运维人员上传");
            assertThat(browser.driver().findElement(By.id("upload-result")).getText())
                    .contains("已导入 " + year + " 年节假日安排（1 天");
            assertThat(browser.driver().findElements(By.cssSelector("#upload .field-error"))).isEmpty();
            browser.step("uploaded");

            assertThat(calendar.loadedYears()).contains(year);
            assertThat(calendar.isWorkingDay(monday.plusDays(1))).isFalse();
            api.get("demo", "/api/calendar/years").andExpect(status().isOk())
                    .andExpect(jsonPath("$.years[?(@.year == " + year + ")].source").value("UPLOAD"));

            // The Tuesday is a holiday now: one working day after the Monday is the Wednesday.
            WebElement from = browser.driver().findElement(By.id("from"));
            browser.driver().executeScript("arguments[0].value = arguments[1]", from, monday.toString());
            WebElement add = browser.driver().findElement(By.id("add"));
            add.clear();
            add.sendKeys("1");
            browser.driver().findElement(By.id("working-days-submit")).click();
            WebElement due = browser.waiting().until(d -> d.findElements(By.id("working-days-date")).stream().findFirst().orElse(null));
            assertThat(due.getAttribute("data-date")).isEqualTo(monday.plusDays(2).toString());
            assertThat(due.getText()).contains(monday.plusDays(2).toString());
            browser.step("working-days");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aBadFileShowsItsRowErrorUnderTheFileFieldAndLoadsNothing() throws Exception {
        int year = OwnPeriods.uploadYear();
        Path file = csv("date,kind,name\n" + year + "-13-01,HOLIDAY,坏日期\n");

        try (Browser browser = Browser.signedOut().steps("calendar-workbench-bad-file").signIn(base(), "demo")) {
            open(browser);
            browser.driver().findElement(By.id("year")).sendKeys(String.valueOf(year));
            browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.driver().findElement(By.id("upload-submit")).click();

            WebElement error = browser.waiting().until(d -> d.findElements(By.cssSelector("#upload .field-error[data-error-for='file']"))
                    .stream().findFirst().orElse(null));
            assertThat(error.getText()).contains("第2行").contains("date").contains("格式不正确");
            WebElement field = error.findElement(By.xpath(".."));
            assertThat(field.findElements(By.id("file"))).hasSize(1);
            assertThat(browser.driver().findElement(By.cssSelector("#upload .form-error")).getText())
                    .contains("整个文件未导入");
            assertThat(browser.driver().findElements(By.cssSelector("#years tr[data-year='" + year + "']"))).isEmpty();
            browser.step("rejected");
        } finally {
            Files.deleteIfExists(file);
        }
        assertThat(calendar.loadedYears()).doesNotContain(year);
        api.get("demo", "/api/calendar/years").andExpect(status().isOk())
                .andExpect(jsonPath("$.years[?(@.year == " + year + ")]").isEmpty());
    }

    @Test
    void aCenterStaffMemberIsToldUploadsAndWaitingDeadlinesAreForOperators() throws Exception {
        try (Browser browser = Browser.signedOut().steps("calendar-workbench-staff").signIn(base(), "staff-hrb")) {
            open(browser);
            assertThat(browser.driver().findElement(By.id("upload")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("upload-refused")).getText()).contains("仅限系统运维人员");
            assertThat(browser.driver().findElement(By.id("awaiting-status")).getText()).contains("只有运维人员可以查看期限列表");
            // What the API lets everybody see still shows: the bundled years.
            assertThat(browser.driver().findElements(By.cssSelector("#years tr[data-year='2026']"))).hasSize(1);
            browser.step("refused");
        }
        // The page only says what the API decides.
        int year = OwnPeriods.uploadYear();
        mvc.perform(MockMvcRequestBuilders.put("/api/calendar/years/" + year).with(httpBasic("staff-hrb", "staff-hrb"))
                .contentType("text/csv").content(("date,kind,name\n" + year + "-01-01,HOLIDAY,元旦\n").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isForbidden());
        assertThat(calendar.loadedYears()).doesNotContain(year);
        api.get("staff-hrb", "/api/deadlines?state=AWAITING_CALENDAR").andExpect(status().isForbidden());
    }

    private void open(Browser browser) {
        browser.driver().get(base() + "/workbench/calendar.html");
        browser.waiting().until(d -> !d.findElements(By.cssSelector("body[data-ready='true']")).isEmpty());
    }

    private static Path csv(String content) throws java.io.IOException {
        Path file = Files.createTempFile("calendar-", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static LocalDate firstMondayOfMarch(int year) {
        LocalDate day = LocalDate.of(year, 3, 1);
        while (day.getDayOfWeek() != DayOfWeek.MONDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
