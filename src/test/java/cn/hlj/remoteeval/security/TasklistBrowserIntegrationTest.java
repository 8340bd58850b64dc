package cn.hlj.remoteeval.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
 * Tasklist as staff and supervisors really use it, in headless Chromium through the real login page:
 * a hosting center's staff member finds a sub-venue duty in the saved filter 本中心待办, claims it and
 * completes its Camunda Form; another center's staff member neither sees nor opens it; the main
 * center's supervisor confirms the negotiation fallback of a tender whose random venue draw failed.
 * Every step is kept under {@code target/browser-artifacts/<test>/}.
 */
@RemoteEvalIntegrationTest
class TasklistBrowserIntegrationTest {

    static final String CENTER_FILTER = "本中心待办";
    static final List<String> FILTERS = List.of("我的任务", CENTER_FILTER, "即将到期", "已超期");
    private static final ZoneId PROVINCE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    SeatBookings bookings;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Api api;

    @Test
    void aHostingCentersStaffMemberFindsClaimsAndCompletesTheSessionsDutyInTasklist() throws Exception {
        Task duty = workstationDutyOfASessionHostedBy("HRB");

        try (Browser browser = Browser.signedOut().steps("tasklist-staff-hrb-completes-duty")) {
            browser.signIn(base(), "staff-hrb");
            assertThat(browser.driver().getCurrentUrl()).contains("/camunda/app/tasklist/");
            Tasklist tasklist = new Tasklist(browser);
            assertThat(tasklist.filterNames()).containsExactlyElementsOf(FILTERS);
            // Camunda's end-of-life notice is for whoever runs the platform, not for staff.
            assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "var notice = document.querySelector('.ce-eol-banner');"
                            + " return notice ? getComputedStyle(notice).display : 'absent';"))
                    .as("the notice is on the page, not shown").isEqualTo("none");
            browser.step("tasklist-filters");

            tasklist.pickFilter(CENTER_FILTER);
            WebElement entry = tasklist.awaitListed(duty.getId());
            assertThat(entry.getText()).contains("工位准备");
            browser.step("duty-in-center-filter");

            tasklist.open(duty.getId());
            assertThat(tasklist.formText()).contains("本场次评标工位已准备就绪", "场次代码");
            // Tasklist's own chrome speaks Chinese too: the application's zh locale, picked for zh-CN.
            assertThat(tasklist.claimButton().getText()).isEqualTo("认领");
            browser.step("duty-opened-unclaimed");

            tasklist.claim();
            browser.step("duty-claimed");
            assertThat(tasks.createTaskQuery().taskId(duty.getId()).singleResult().getAssignee()).isEqualTo("staff-hrb");

            tasklist.complete();
            assertThat(tasklist.awaitFieldError()).contains("required");
            assertThat(tasklist.awaitNotice()).contains("提交任务表单时出错");
            browser.step("required-confirmation-enforced");
            assertThat(tasks.createTaskQuery().taskId(duty.getId()).count()).isOne();

            tasklist.check("本场次评标工位已准备就绪");
            browser.step("form-filled");
            tasklist.complete();
            tasklist.awaitGone(duty.getId());
            browser.step("duty-completed");

            // 退出: the session ends and the browser lands on the application's login page, not Camunda's.
            browser.driver().findElement(By.cssSelector("li.account a.dropdown-toggle")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();
            browser.waiting().until(ExpectedConditions.urlContains("/login.html"));
            browser.step("signed-out");
            assertThat(browser.driver().findElement(By.id("logout")).isDisplayed()).isTrue();
            browser.driver().get(base() + "/camunda/app/tasklist/default/");
            browser.waiting().until(ExpectedConditions.urlContains("/login.html"));
            // Signing in again returns to Tasklist, not to a font the signed-out page loaded meanwhile.
            browser.signInOnThisPage("staff-hrb");
            assertThat(browser.driver().getCurrentUrl()).contains("/camunda/app/tasklist/default/");
            assertThat(new Tasklist(browser).filterNames()).containsExactlyElementsOf(FILTERS);
            browser.step("signed-in-again");
        }

        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(duty.getId()).singleResult();
        assertThat(done.getEndTime()).isNotNull();
        assertThat(done.getAssignee()).isEqualTo("staff-hrb");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(duty.getProcessInstanceId())
                .variableName("workstationsReady").singleResult().getValue()).isEqualTo(true);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(duty.getProcessInstanceId())
                .activityId("JoinDuties").count()).isOne();
        assertThat(tasks.createTaskQuery().processInstanceId(duty.getProcessInstanceId())
                .taskDefinitionKey("PrepareWorkstations").count()).isZero();
    }

    @Test
    void anotherCentersStaffMemberNeitherFindsTheDutyInAnyFilterNorOpensIt() throws Exception {
        Task duty = workstationDutyOfASessionHostedBy("HRB");

        try (Browser browser = Browser.signedOut().steps("tasklist-staff-qqhr-refused")) {
            browser.signIn(base(), "staff-qqhr");
            Tasklist tasklist = new Tasklist(browser);
            assertThat(tasklist.filterNames()).containsExactlyElementsOf(FILTERS);
            for (String filter : FILTERS) {
                tasklist.pickFilter(filter);
                tasklist.awaitListLoaded();
                browser.step("filter-" + filter);
                assertThat(tasklist.listedTaskLinks()).as(filter).noneMatch(href -> href.contains(duty.getId()));
            }

            browser.driver().get(base() + "/camunda/app/tasklist/default/#/?task=" + duty.getId());
            String shown = tasklist.awaitRefusal();
            browser.step("duty-url-opened-directly");
            assertThat(shown).contains("该任务已不存在").contains(duty.getId());
            assertThat(browser.driver().findElements(By.cssSelector(".fjs-container"))).isEmpty();
        }
        assertThat(tasks.createTaskQuery().taskId(duty.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void theMainCentersSupervisorConfirmsTheNegotiationFallbackInTasklist() throws Exception {
        LocalDate date = TenderBody.freshDate();
        Slot slot = new Slot(date, HalfDay.AM);
        String blocker = leaveOnlyOneOtherCenterFree(slot, "HRB");
        try {
            String tenderId = api.register(TenderBody.valid().with("evaluationDate", date.toString())).get("id").asText();
            awaitState(tenderId, "AWAITING_NEGOTIATION_APPROVAL");
            Task confirm = tasks.createTaskQuery().processInstanceBusinessKey(tenderId).singleResult();
            assertThat(confirm.getTaskDefinitionKey()).isEqualTo("ConfirmVenueNegotiation");

            try (Browser browser = Browser.signedOut().steps("tasklist-supervisor-hrb-confirms-fallback")) {
                browser.signIn(base(), "supervisor-hrb");
                Tasklist tasklist = new Tasklist(browser);
                tasklist.pickFilter(CENTER_FILTER);
                assertThat(tasklist.awaitListed(confirm.getId()).getText()).contains("确认协商确定副场");
                browser.step("fallback-in-center-filter");

                tasklist.open(confirm.getId());
                assertThat(tasklist.formText()).contains("行政监督部门意见", "同意协商确定副场", "标段编号");
                browser.step("fallback-opened");
                tasklist.claim();
                browser.step("fallback-claimed");

                tasklist.complete();
                assertThat(tasklist.awaitFieldError()).contains("required");
                browser.step("decision-required");
                assertThat(tasks.createTaskQuery().taskId(confirm.getId()).count()).isOne();

                tasklist.choose("同意协商确定副场");
                browser.step("approved-in-form");
                tasklist.complete();
                tasklist.awaitGone(confirm.getId());
                browser.step("fallback-confirmed");
            }

            awaitState(tenderId, "NEGOTIATING_VENUES");
            HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(confirm.getId()).singleResult();
            assertThat(done.getEndTime()).isNotNull();
            assertThat(done.getAssignee()).isEqualTo("supervisor-hrb");
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(confirm.getProcessInstanceId())
                    .variableName("venueNegotiationDecision").singleResult().getValue()).isEqualTo("APPROVE");
            Task entry = tasks.createTaskQuery().processInstanceBusinessKey(tenderId).singleResult();
            assertThat(entry.getTaskDefinitionKey()).isEqualTo("EnterNegotiatedVenues");

            // The main venue's staff follow the task form's link to the workbench page where the venues are entered.
            try (Browser browser = Browser.signedOut().steps("tasklist-staff-hrb-follows-link-to-workbench")) {
                browser.signIn(base(), "staff-hrb");
                Tasklist tasklist = new Tasklist(browser);
                tasklist.pickFilter(CENTER_FILTER);
                tasklist.awaitListed(entry.getId());
                tasklist.open(entry.getId());
                WebElement link = browser.waiting().until(d -> d.findElement(
                        By.cssSelector(".fjs-container a[href*='/workbench/negotiated-venues.html']")));
                assertThat(link.getDomAttribute("href")).endsWith("?tender=" + tenderId);
                assertThat(tasklist.formText()).doesNotContain("/api/");
                browser.step("form-links-to-workbench");
                browser.driver().get(base() + link.getDomAttribute("href"));
                browser.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
                assertThat(browser.driver().findElement(By.id("rules")).getText()).contains("评标委员会需抽取");
                browser.step("workbench-negotiation-page");
            }
        } finally {
            transactions.executeWithoutResult(tx -> bookings.release(blocker));
        }
    }

    // --- set-ups

    /** The duty 工位准备 of a session the given center hosts as a sub-venue of an MDJ tender, from the real venue-duties process. */
    private Task workstationDutyOfASessionHostedBy(String center) {
        String holder = "tasklist-" + UUID.randomUUID();
        // Near today: staff hold the engine groups of the sessions their center hosts within 14 days only.
        LocalDate day = LocalDate.now(PROVINCE).plusDays(ThreadLocalRandom.current().nextInt(3, 10));
        Slot slot = new Slot(day, ThreadLocalRandom.current().nextBoolean() ? HalfDay.AM : HalfDay.PM);
        transactions.executeWithoutResult(tx -> bookings.book(holder, BookingPurpose.RANDOM_DRAW, slot,
                Map.of("MDJ", 1, center, 1), false));
        String session = bookings.sessionCodeOf(holder, center).orElseThrow();
        ProcessInstance duties = runtime.startProcessInstanceByKey("venue-duties", holder,
                Map.of("sessionCode", session, "mainCenter", "MDJ"));
        return tasks.createTaskQuery().processInstanceId(duties.getId()).taskDefinitionKey("PrepareWorkstations")
                .singleResult();
    }

    /** Books every free seat of the slot away except at the main venue and one other center: no random pick fits. */
    private String leaveOnlyOneOtherCenterFree(Slot slot, String mainCenter) {
        Map<String, Integer> free = bookings.freeSeats(slot, false);
        String keep = free.entrySet().stream().filter(e -> !e.getKey().equals(mainCenter) && e.getValue() >= 3)
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        Map<String, Integer> taken = new HashMap<>();
        free.forEach((code, count) -> {
            if (!code.equals(mainCenter) && !code.equals(keep) && count > 0) {
                taken.put(code, count);
            }
        });
        String holder = "blocker-" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> bookings.book(holder, BookingPurpose.PARTNER_HOSTING, slot, taken, false));
        return holder;
    }

    private void awaitState(String tenderId, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("state").asText()).isEqualTo(state));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** What a person does in Camunda Tasklist 7.24, by its real DOM. */
    static final class Tasklist {

        private final Browser browser;

        Tasklist(Browser browser) {
            this.browser = browser;
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters")));
            browser.waiting().until(d -> !filterNames().isEmpty());
        }

        List<String> filterNames() {
            return browser.driver().findElements(By.cssSelector(".task-filters .content h4 a")).stream()
                    .map(link -> link.getText().replaceAll("\\s*\\(?\\d+\\)?\\s*$", "").trim()).toList();
        }

        void pickFilter(String name) {
            WebElement link = browser.driver().findElements(By.cssSelector(".task-filters .content h4 a")).stream()
                    .filter(a -> a.getText().startsWith(name)).findFirst().orElseThrow();
            link.click();
            browser.waiting().until(d -> d.getCurrentUrl().contains("filter=")
                    && !d.findElements(By.cssSelector(".task-filters .content div.item.active")).isEmpty()
                    && d.findElement(By.cssSelector(".task-filters .content div.item.active")).getText().startsWith(name));
        }

        void awaitListLoaded() {
            browser.waiting().until(d -> !d.findElements(By.cssSelector(".tasks-list li h4.task a")).isEmpty()
                    || d.findElements(By.cssSelector("[cam-tasks]")).stream()
                            .anyMatch(list -> list.getText().contains("没有符合过滤条件的任务")));
        }

        List<String> listedTaskLinks() {
            return browser.driver().findElements(By.cssSelector(".tasks-list li h4.task a")).stream()
                    .map(a -> a.getAttribute("href")).toList();
        }

        WebElement awaitListed(String taskId) {
            return browser.waiting().until(d -> d.findElements(By.cssSelector(".tasks-list li")).stream()
                    .filter(li -> !li.findElements(By.cssSelector("h4.task a[href*='task=" + taskId + "']")).isEmpty())
                    .findFirst().orElse(null));
        }

        void open(String taskId) {
            awaitListed(taskId).findElement(By.cssSelector("h4.task a")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container .fjs-form")));
        }

        String formText() {
            return browser.driver().findElement(By.cssSelector(".fjs-container")).getText();
        }

        WebElement claimButton() {
            return browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
        }

        void claim() {
            claimButton().click();
            browser.waiting().until(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty()
                    && !d.findElements(By.cssSelector(".fjs-container .fjs-form")).isEmpty());
        }

        void complete() {
            dismissNotices();
            WebElement button = completeButton(browser.driver());
            // The page footer overlaps the form's lower edge in a 1000 px high window.
            browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
            button.click();
        }

        /** Tasklist's notices float over the form's buttons until closed. */
        void dismissNotices() {
            for (WebElement close : browser.driver().findElements(By.cssSelector(".page-notifications .alert button.close"))) {
                if (close.isDisplayed()) {
                    close.click();
                }
            }
            browser.waiting().until(d -> d.findElements(By.cssSelector(".page-notifications .alert")).stream()
                    .noneMatch(WebElement::isDisplayed));
        }

        /** Waits for Tasklist's notice that it refused to submit the form; answers the notice. */
        String awaitNotice() {
            return browser.waiting().until(d -> d.findElements(By.cssSelector(".page-notifications .alert")).stream()
                    .filter(WebElement::isDisplayed).map(WebElement::getText).filter(text -> !text.isBlank())
                    .findFirst().orElse(null));
        }

        String awaitFieldError() {
            return browser.waiting().until(d -> d.findElements(By.cssSelector(".fjs-form-field-error")).stream()
                    .map(WebElement::getText).filter(text -> !text.isBlank()).findFirst().orElse(null));
        }

        void check(String label) {
            WebElement box = browser.driver().findElement(By.xpath(
                    "//label[contains(@class,'fjs-form-field-label') and contains(.,'" + label + "')]/input[@type='checkbox']"));
            if (!box.isSelected()) {
                box.click();
            }
        }

        void choose(String option) {
            browser.driver().findElement(By.xpath(
                    "//div[contains(@class,'fjs-form-field-radio')]//label[contains(.,'" + option + "')]")).click();
        }

        void awaitGone(String taskId) {
            browser.waiting().until(d -> d.findElements(By.cssSelector(".tasks-list li h4.task a[href*='task=" + taskId + "']"))
                    .isEmpty() && d.findElements(By.cssSelector(".fjs-container")).isEmpty());
        }

        /** Waits for Tasklist to say that a task cannot be shown; answers the notice. */
        String awaitRefusal() {
            return awaitNotice();
        }

        private static WebElement completeButton(WebDriver driver) {
            return driver.findElement(By.cssSelector("button.btn-primary[ng-click='complete()']"));
        }
    }
}
