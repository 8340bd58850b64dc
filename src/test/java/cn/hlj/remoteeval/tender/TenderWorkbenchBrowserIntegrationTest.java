package cn.hlj.remoteeval.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.Browser;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.BookingPurpose;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.Slot;

/**
 * The staff's tender pages in headless Chromium, signed in through the login page: a staff member
 * registers a tender (a mistake is shown next to its field and registers nothing), finds it in the
 * list by search and filters, reads its page with the timeline and deadlines; another center's staff
 * are told it does not exist; the main venue's staff enter the negotiated venues from the tender's
 * page. Screenshots under {@code target/browser-artifacts/tender-workbench*}.
 */
@RemoteEvalIntegrationTest
class TenderWorkbenchBrowserIntegrationTest {

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    SeatBookings bookings;
    @Autowired
    TransactionTemplate transactions;
    @LocalServerPort
    int port;

    private final List<String> blockers = new ArrayList<>();

    @AfterEach
    void releaseBlockers() {
        blockers.forEach(holder -> transactions.executeWithoutResult(tx -> bookings.release(holder)));
    }

    @Test
    void staffRegisterATenderFindItAndReadItsPageWhileOtherCentersAreToldItDoesNotExist() throws Exception {
        String sectionCode = "WB-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();
        String name = "工作台登记测试标段" + System.nanoTime();
        LocalDate date = TenderBody.freshDate();
        try (Browser browser = Browser.signedOut().steps("tender-workbench")) {
            browser.signIn(base(), "staff-hrb");
            open(browser, "/workbench/register.html");
            type(browser, "sectionCode", sectionCode);
            type(browser, "name", name);
            new Select(field(browser, "category")).selectByValue("SERVICES");
            type(browser, "estimatedPrice", "-5");
            browser.driver().executeScript("document.getElementById('evaluationDate').value = arguments[0]", date.toString());
            browser.driver().findElement(By.cssSelector(".specialty-code")).sendKeys("A0101");
            browser.driver().findElement(By.cssSelector(".specialty-count")).sendKeys("5");
            field(browser, "submit").click();

            WebElement priceError = browser.waiting().until(d -> d.findElement(By.cssSelector("[data-error-for='estimatedPrice']")));
            assertThat(priceError.getText()).isNotBlank();
            assertThat(field(browser, "estimatedPrice").getDomAttribute("class")).contains("invalid");
            assertThat(priceError.findElement(By.xpath("..")).findElement(By.id("estimatedPrice"))).isNotNull();
            browser.step("registration-refused");
            assertThat(tendersWithSectionCode(sectionCode)).isZero();

            field(browser, "estimatedPrice").clear();
            type(browser, "estimatedPrice", "9000000.00");
            field(browser, "submit").click();
            browser.waiting().until(d -> d.getCurrentUrl().contains("/workbench/tender.html"));
            browser.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            assertThat(tendersWithSectionCode(sectionCode)).isOne();
            String tenderId = browser.driver().getCurrentUrl().replaceAll(".*[?&]id=([^&]+).*", "$1");
            assertThat(field(browser, "title").getText()).contains(sectionCode, name);
            assertThat(field(browser, "status").getText()).contains("标段已登记");
            assertThat(field(browser, "facts").getText()).contains("哈尔滨", "服务", date.toString(), "省内跨区域远程异地评标");
            browser.waiting().until(d -> d.findElement(By.id("timeline")).getText().contains("登记标段"));
            browser.step("tender-page");

            open(browser, "/workbench/?q=" + sectionCode);
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#tenders tbody tr"));
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getText()).contains(sectionCode, name, "哈尔滨");
            browser.step("found-by-search");

            new Select(field(browser, "state")).selectByValue("WITHDRAWN");
            field(browser, "search").click();
            browser.waiting().until(d -> d.findElement(By.id("summary")).getText().contains("没有符合条件的标段"));
            assertThat(browser.driver().getCurrentUrl()).contains("state=WITHDRAWN");
            browser.step("filtered-out");

            new Select(field(browser, "state")).selectByValue("");
            new Select(field(browser, "category")).selectByValue("SERVICES");
            browser.driver().executeScript("document.getElementById('from').value = arguments[0];"
                    + "document.getElementById('to').value = arguments[0]", date.toString());
            field(browser, "search").click();
            browser.waiting().until(d -> d.findElements(By.cssSelector("#tenders tbody tr[data-tender='" + tenderId + "']")).size() == 1);
            browser.step("filtered-by-date-and-category");

            try (Browser other = Browser.signedOut().steps("tender-workbench-other-center")) {
                other.signIn(base(), "staff-qqhr");
                open(other, "/workbench/tender.html?id=" + tenderId);
                assertThat(field(other, "status").getText()).contains("标段不存在");
                assertThat(other.driver().getPageSource()).doesNotContain(sectionCode).doesNotContain(name);
                open(other, "/workbench/?q=" + sectionCode);
                assertThat(other.driver().findElements(By.cssSelector("#tenders tbody tr"))).isEmpty();
                other.step("not-found");
            }
        }
    }

    @Test
    void theMainVenuesStaffEnterNegotiatedVenuesFromTheTendersPageAndAMistakeIsShownNextToItsField() throws Exception {
        LocalDate date = TenderBody.freshDate();
        Slot slot = new Slot(date, HalfDay.AM);
        String open = leaveOnlyOneOtherCenterFree(slot);
        String tenderId = api.register(TenderBody.valid().with("evaluationDate", date.toString())).get("id").asText();
        approveNegotiation(tenderId);
        String second;
        try (Browser browser = Browser.signedOut().steps("tender-workbench-negotiation")) {
            browser.signIn(base(), "staff-hrb");
            open(browser, "/workbench/tender.html?id=" + tenderId);
            assertThat(field(browser, "state").getText()).contains("协商确定副场中");
            field(browser, "negotiate-link").click();
            browser.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            assertThat(field(browser, "rules").getText()).contains("5 人");
            browser.step("candidates");

            // Everything at the one open center: the distribution rules refuse it, next to the sub-venues.
            type(browser, "mainVenueSeats", "2");
            type(browser, "seats-" + open, "3");
            field(browser, "submit").click();
            browser.waiting().until(d -> !d.findElements(By.cssSelector(".form-error")).isEmpty());
            assertThat(browser.driver().findElement(By.cssSelector(".form-error")).getText()).isNotBlank();
            browser.step("entry-refused");
            assertThat(bookedCenters(tenderId)).isEmpty();

            second = freeOneSeatElsewhere(slot, open);
            open(browser, "/workbench/negotiated-venues.html?tender=" + tenderId);
            type(browser, "mainVenueSeats", "2");
            type(browser, "seats-" + open, "2");
            type(browser, "seats-" + second, "1");
            field(browser, "submit").click();
            browser.waiting().until(d -> d.findElement(By.id("status")).getText().contains("已录入协商确定的副场"));
            assertThat(field(browser, "plan").getText()).contains("主场");
            browser.step("entered");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "AWAITING_EXPERT_DRAW"
                .equals(api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("state").asText()));
        assertThat(bookedCenters(tenderId)).isEqualTo(Map.of("HRB", 2, open, 2, second, 1));
    }

    @Test
    void staffRecordTheWinnerAndTheTendererFilesItsWrittenExplanationOnTheTendersPage() throws Exception {
        String tenderId = api.register(TenderBody.valid().with("tenderer", TenderBody.DEMO_TENDERER)
                .exemption("TECHNICAL_COMPLEXITY", "技术复杂，需现场评审")).get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> "AWAITING_WINNING_BIDDER"
                .equals(api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("state").asText()));

        try (Browser staff = Browser.signedOut().steps("tender-workbench-winner")) {
            staff.signIn(base(), "staff-hrb");
            open(staff, "/workbench/tender.html?id=" + tenderId);
            assertThat(staff.driver().findElements(By.id("exemption-explanation-form"))).isEmpty();
            type(staff, "winningBidder", "某某建设有限公司");
            field(staff, "winner-submit").click();
            staff.waiting().until(d -> d.findElement(By.id("status")).getText().contains("已办理：登记中标人"));
            staff.step("winner-recorded");
        }
        assertThat(api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("winner").get("winningBidder").asText())
                .isEqualTo("某某建设有限公司");

        try (Browser tenderer = Browser.signedOut().steps("tender-workbench-tenderer-explains")) {
            tenderer.signIn(base(), "tenderer");
            open(tenderer, "/workbench/");
            assertThat(tenderer.driver().findElements(By.cssSelector("#tenders tbody tr[data-tender='" + tenderId + "']"))).hasSize(1);
            open(tenderer, "/workbench/tender.html?id=" + tenderId);
            assertThat(field(tenderer, "state").getText()).contains("等待招标人提交书面说明");
            assertThat(tenderer.driver().findElements(By.id("withdrawal-form"))).isEmpty();
            tenderer.step("tender-page");

            // A date in the future is refused next to its field, and nothing is filed.
            tenderer.driver().executeScript("document.getElementById('submittedOn').value = '2099-01-01'");
            type(tenderer, "explanation", "本项目技术复杂，经研究不实行远程异地评标。");
            field(tenderer, "exemption-explanation-submit").click();
            WebElement error = tenderer.waiting().until(d -> d.findElement(By.cssSelector("[data-error-for='submittedOn']")));
            assertThat(error.getText()).isNotBlank();
            tenderer.step("future-date-refused");
            assertThat(api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).path("exemptionExplanation").path("explanation")
                    .isMissingNode()).isTrue();

            tenderer.driver().executeScript("document.getElementById('submittedOn').value = arguments[0]",
                    api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("winner").get("decidedOn").asText());
            field(tenderer, "exemption-explanation-submit").click();
            tenderer.waiting().until(d -> d.findElement(By.id("status")).getText().contains("已办理：提交书面说明"));
            tenderer.step("explanation-filed");
        }
        assertThat(api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("exemptionExplanation").get("explanation")
                .asText()).contains("技术复杂");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void open(Browser browser, String path) {
        browser.driver().get(base() + path);
        browser.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private static WebElement field(Browser browser, String id) {
        return browser.driver().findElement(By.id(id));
    }

    private static void type(Browser browser, String id, String text) {
        field(browser, id).sendKeys(text);
    }

    private long tendersWithSectionCode(String sectionCode) {
        return jdbc.sql("SELECT COUNT(*) FROM tender WHERE section_code = ?").param(sectionCode).query(Long.class).single();
    }

    private void approveNegotiation(String tenderId) {
        Task confirm = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(tenderId).taskDefinitionKey("ConfirmVenueNegotiation").singleResult(),
                task -> task != null);
        tasks.setAssignee(confirm.getId(), "supervisor-hrb");
        tasks.complete(confirm.getId(), Variables.createVariables().putValue("venueNegotiationDecision", "APPROVE"));
    }

    /** Books every free seat of the slot away except at the main venue and one other center with 3 or more. */
    private String leaveOnlyOneOtherCenterFree(Slot slot) {
        Map<String, Integer> free = bookings.freeSeats(slot, false);
        String keep = free.entrySet().stream().filter(e -> !e.getKey().equals("HRB") && e.getValue() >= 3)
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        Map<String, Integer> taken = new HashMap<>(free);
        taken.keySet().removeIf(code -> code.equals("HRB") || code.equals(keep));
        taken.values().removeIf(count -> count == 0);
        String holder = "blocker-" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> bookings.book(holder, BookingPurpose.PARTNER_HOSTING, slot, taken, false));
        blockers.add(holder);
        return keep;
    }

    /** Gives one seat back at a third center, so that a negotiation can spread over two other centers. */
    private String freeOneSeatElsewhere(Slot slot, String notThis) {
        String holder = blockers.get(blockers.size() - 1);
        String[] center = new String[1];
        transactions.executeWithoutResult(tx -> {
            bookings.release(holder);
            Map<String, Integer> free = bookings.freeSeats(slot, false);
            center[0] = free.entrySet().stream().filter(e -> !e.getKey().equals("HRB") && !e.getKey().equals(notThis)
                    && e.getValue() > 0).map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
            Map<String, Integer> taken = new HashMap<>(free);
            taken.keySet().removeIf(code -> code.equals("HRB") || code.equals(notThis));
            taken.computeIfPresent(center[0], (code, count) -> count - 1);
            taken.values().removeIf(count -> count == 0);
            bookings.book(holder, BookingPurpose.PARTNER_HOSTING, slot, taken, false);
        });
        return center[0];
    }

    private Map<String, Integer> bookedCenters(String tenderId) {
        Map<String, Integer> seats = new HashMap<>();
        jdbc.sql("SELECT w.center_code, COUNT(*) FROM workstation_booking b JOIN workstation w ON w.id = b.workstation_id "
                + "WHERE b.holder_ref = ? GROUP BY w.center_code").param(tenderId)
                .query((rs, row) -> seats.put(rs.getString(1), rs.getInt(2))).list();
        return seats;
    }
}
