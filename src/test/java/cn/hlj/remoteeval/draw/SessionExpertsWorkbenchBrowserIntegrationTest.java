package cn.hlj.remoteeval.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hlj.remoteeval.evaluation.CommitteeRoster;
import cn.hlj.remoteeval.expert.ExpertContacts;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.Browser;
import cn.hlj.remoteeval.testsupport.ControllableClock;
import cn.hlj.remoteeval.testsupport.OwnPeriods;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * A sub-venue's staff on the workbench's sessions page, for a tender whose committee accepted: they
 * see their anonymous session; its experts only on the evaluation day (before it, the API's refusal
 * is shown), and they report a no-show, which vacates the seat for a supplementary draw. The staff of
 * a center that hosts nothing of the tender see neither the session nor its experts. The tender's
 * evaluation day lies in a month this test owns, and the application's clock is moved onto it.
 * Screenshots in {@code target/browser-artifacts/session-experts-workbench/}.
 */
@RemoteEvalIntegrationTest
class SessionExpertsWorkbenchBrowserIntegrationTest {

    private static final Pattern ACCEPT = Pattern.compile("“1 ([0-9A-Z]{12})”");
    private static final String MAIN = "HRB";
    private static final List<String> CITY_CENTERS = List.of("QQHR", "MDJ", "JMS", "DQ", "JX", "SYS", "YC", "QTH", "HG",
            "HH", "SH", "DXAL");

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    SeatBookings bookings;
    @Autowired
    CommitteeRoster roster;
    @Autowired
    ExpertContacts contacts;
    @Autowired
    ControllableClock clock;
    @LocalServerPort
    int port;

    @Test
    void theHostingCentersStaffSeeTheirSessionsExpertsOnTheDayAndAnotherCenterSeesNothing() throws Exception {
        LocalDate day = OwnPeriods.month().firstDay().plusDays(14);
        String tenderId = committeeAcceptedFor(day);
        SeatBookings.VenueSession hosted = bookings.sessionsOf(tenderId).stream()
                .filter(s -> !s.centerCode().equals(MAIN) && !roster.seatsAt(tenderId, s.sessionCode()).isEmpty())
                .findFirst().orElseThrow();
        String session = hosted.sessionCode();
        List<CommitteeRoster.Seat> seats = roster.seatsAt(tenderId, session);
        String dates = "from=" + day + "&to=" + day;

        try (Browser browser = Browser.signedOut().steps("session-experts-workbench")
                .signIn(base(), "staff-" + hosted.centerCode().toLowerCase())) {
            open(browser, "/workbench/sessions.html?" + dates + "&session=" + session);
            WebElement row = browser.driver().findElement(By.cssSelector("#sessions tr[data-session='" + session + "']"));
            assertThat(row.getText()).contains(day.toString()).contains("上午").contains(String.valueOf(hosted.seats()));
            assertThat(text(browser, "experts-status")).isEqualTo("专家信息仅在评标当日向本场次工作人员提供。");
            assertThat(browser.driver().findElement(By.id("experts-body")).isDisplayed()).isFalse();
            browser.step("before-the-day");

            clock.set(day.atTime(8, 30).atZone(ReportMonth.PROVINCE).toInstant());
            try {
                open(browser, "/workbench/sessions.html?" + dates);
                browser.driver().findElement(By.id("choose-" + session)).click();
                browser.waiting().until(d -> d.findElements(By.cssSelector("#experts tbody tr")).size() == seats.size());
                Map<Integer, String> shown = browser.driver().findElements(By.cssSelector("#experts tbody tr")).stream()
                        .collect(Collectors.toMap(tr -> Integer.valueOf(tr.getDomAttribute("data-seat")), WebElement::getText));
                for (CommitteeRoster.Seat seat : seats) {
                    assertThat(shown.get(seat.seat())).contains(nameOf(seat)).contains("已确认");
                }
                assertThat(browser.driver().getCurrentUrl()).endsWith("session=" + session)
                        .doesNotContain(hosted.centerCode());
                browser.step("experts-on-the-day");
                assertThat(viewsAudited(tenderId, hosted.centerCode())).isPositive();

                CommitteeRoster.Seat absent = seats.get(0);
                new Select(browser.driver().findElement(By.id("no-show-seat")))
                        .selectByValue(String.valueOf(absent.seat()));
                browser.driver().findElement(By.id("no-show-submit")).click();
                browser.waiting().until(d -> d.switchTo().alert()).accept();
                browser.waiting().until(d -> d.findElement(By.id("experts-status")).getText().contains("已登记席位"));
                assertThat(text(browser, "experts-status")).contains("席位 " + absent.seat()).contains("补抽专家");
                browser.step("no-show-reported");
                assertThat(jdbc.sql("SELECT state FROM committee_seat WHERE tender_id = ? AND seat_no = ? AND state = 'NO_SHOW'")
                        .param(tenderId).param(absent.seat()).query(String.class).list()).hasSize(1);
                await().atMost(Duration.ofSeconds(30)).until(() -> roster.seatsAt(tenderId, session).stream()
                        .anyMatch(s -> s.seat() == absent.seat() && !s.expertRef().equals(absent.expertRef())));
            } finally {
                clock.reset();
            }
        }

        String outsider = outsiderOf(tenderId);
        try (Browser browser = Browser.signedOut().steps("session-experts-workbench-outsider")
                .signIn(base(), "staff-" + outsider.toLowerCase())) {
            open(browser, "/workbench/sessions.html?" + dates);
            assertThat(browser.driver().findElements(By.cssSelector("#sessions tr[data-session='" + session + "']"))).isEmpty();
            assertThat(text(browser, "summary")).contains("本中心没有承担评标场次");
            browser.step("no-session");

            open(browser, "/workbench/sessions.html?" + dates + "&session=" + session);
            assertThat(text(browser, "experts-status")).isEqualTo("本中心没有该场次：" + session);
            assertThat(browser.driver().getPageSource()).doesNotContain(nameOf(seats.get(1)));
            browser.step("session-refused");
        }
        api.get("staff-" + outsider.toLowerCase(), "/api/centers/" + outsider + "/sessions/" + session + "/experts")
                .andExpect(status().isNotFound());
        assertThat(api.read(api.get("staff-" + outsider.toLowerCase(), "/api/centers/" + outsider + "/sessions?" + dates)))
                .isEmpty();
    }

    // --- the tender up to the evaluation day

    /** A tender on the given day whose five experts all accepted their invitations by SMS reply. */
    private String committeeAcceptedFor(LocalDate day) throws Exception {
        String tenderId = api.register(TenderBody.valid().with("evaluationDate", day.toString())
                .with("committee", Map.of("size", 5, "tendererRepresentatives", 0,
                        "specialties", List.of(Map.of("code", "A0101", "count", 5))))).get("id").asText();
        awaitState(tenderId, "AWAITING_EXPERT_DRAW");
        String lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("tender-lifecycle")
                .processInstanceBusinessKey(tenderId).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(lifecycle).timers().activityId("AwaitExpertDraw")
                .singleResult().getId());
        List<String> invited = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
                .sql("SELECT id FROM committee_seat WHERE tender_id = ? AND state = 'INVITED'").param(tenderId)
                .query(String.class).list(), list -> list.size() == 5);
        // An answer is heard once the seat's confirmation process waits for it.
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("expert-seat-confirmation").processInstanceBusinessKey(tenderId).count() == 5);
        for (String seatId : invited) {
            String sms = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
                    .sql("SELECT text_enc FROM sms_outbox WHERE idempotency_key = ?").param("invite:" + seatId)
                    .query(String.class).optional().orElse(null), text -> text != null);
            Matcher accept = ACCEPT.matcher(cipher.decrypt(sms));
            assertThat(accept.find()).as("the invitation says how to accept").isTrue();
            api.postAnonymous("/api/expert-invitations/" + accept.group(1) + "/answer", "{\"answer\":\"ACCEPT\"}")
                    .andExpect(status().isOk());
        }
        awaitState(tenderId, "EVALUATING");
        return tenderId;
    }

    private void awaitState(String tenderId, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("state").asText()).isEqualTo(state));
    }

    // --- helpers

    /** A city center of the demo directory that hosts no session of the tender. */
    private String outsiderOf(String tenderId) {
        Set<String> hosts = bookings.sessionsOf(tenderId).stream().map(SeatBookings.VenueSession::centerCode)
                .collect(Collectors.toSet());
        return CITY_CENTERS.stream().filter(c -> !hosts.contains(c)).findFirst().orElseThrow();
    }

    private String nameOf(CommitteeRoster.Seat seat) {
        return contacts.contactOf(seat.expertRef()).orElseThrow().name();
    }

    private int viewsAudited(String tenderId, String center) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'SESSION_EXPERTS_VIEWED' AND subject_id = ? "
                + "AND actor = ? AND detail = ?").param(tenderId).param("staff-" + center.toLowerCase())
                .param("center=" + center).query(Integer.class).single();
    }

    private void open(Browser browser, String path) {
        browser.driver().get(base() + path);
        browser.waiting().until(d -> !d.findElements(By.cssSelector("body[data-ready='true']")).isEmpty());
    }

    private static String text(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
