package cn.hlj.remoteeval.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hlj.remoteeval.expert.ExpertContacts;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.Browser;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;

/**
 * Cockpit as operators really use it, in headless Chromium through the real login page: on every
 * page and tab of a drawn tender's process instance and of the expert seats it called, no expert's
 * name or mobile number and no sub-venue (code or name) appears. Nobody but operators gets Cockpit.
 */
@RemoteEvalIntegrationTest
class CockpitBrowserIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Api api;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExpertContacts contacts;
    @Autowired
    TradingCenters centers;

    @Test
    void anOperatorSeesNoExpertAndNoSubVenueOnAnyPageOfTheTendersInstances() throws Exception {
        String tenderId = api.register(TenderBody.valid()).get("id").asText();
        awaitState(tenderId, "AWAITING_EXPERT_DRAW");
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("tender-lifecycle")
                .processInstanceBusinessKey(tenderId).singleResult();
        Job timer = management.createJobQuery().processInstanceId(lifecycle.getId()).timers().activityId("AwaitExpertDraw")
                .singleResult();
        management.executeJob(timer.getId());
        awaitState(tenderId, "AWAITING_EXPERT_CONFIRMATIONS");
        List<String> experts = jdbc.sql("SELECT expert_ref FROM committee_seat WHERE tender_id = ?").param(tenderId)
                .query(String.class).list();
        await().atMost(Duration.ofSeconds(20)).until(() -> seatInstances(tenderId).size() == experts.size());
        List<String> secrets = secretsOf(tenderId, experts);

        Map<String, String> visited = new java.util.LinkedHashMap<>();
        try (Browser browser = Browser.signedOut().steps("cockpit-demo-tender-instance")) {
            browser.signIn(base(), "demo");
            Cockpit cockpit = new Cockpit(browser);
            cockpit.visitInstance(lifecycle.getId(), "lifecycle", visited);
            List<ProcessInstance> seats = seatInstances(tenderId);
            for (int i = 0; i < Math.min(2, seats.size()); i++) {
                cockpit.visitInstance(seats.get(i).getId(), "seat-" + (i + 1), visited);
            }
        }

        assertThat(visited).hasSizeGreaterThanOrEqualTo(8);
        visited.forEach((page, text) -> {
            for (String secret : secrets) {
                assertThat(mentions(text, secret)).as("%s shows %s", page, secret).isFalse();
            }
        });
    }

    @Test
    void staffGetNoCockpit() throws Exception {
        try (Browser browser = Browser.signedOut().steps("cockpit-staff-hrb-refused")) {
            browser.signIn(base(), "staff-hrb");
            browser.driver().get(base() + "/camunda/app/cockpit/");
            String text = browser.waiting().until(d -> {
                String body = d.findElement(By.tagName("body")).getText();
                return body.isBlank() ? null : body;
            });
            browser.step("cockpit-refused");
            assertThat(text).contains("无权访问");
            assertThat(browser.driver().getPageSource()).doesNotContain("Camunda Cockpit", "cam-cockpit");
        }
    }

    /** Expert names and mobiles, and the sub-venues' codes and names. */
    private List<String> secretsOf(String tenderId, List<String> experts) {
        Set<String> secrets = new LinkedHashSet<>();
        for (String expert : experts) {
            contacts.contactOf(expert).ifPresent(contact -> {
                secrets.add(contact.name());
                secrets.add(contact.mobile());
            });
        }
        List<String> subVenues = jdbc.sql("SELECT DISTINCT w.center_code FROM workstation_booking b JOIN workstation w "
                + "ON w.id = b.workstation_id WHERE b.holder_ref = ?").param(tenderId).query(String.class).list()
                .stream().filter(code -> !code.equals("HRB")).toList();
        assertThat(subVenues).hasSizeGreaterThanOrEqualTo(2);
        for (String code : subVenues) {
            secrets.add(code);
            centers.find(code).map(TradingCenter::name).ifPresent(secrets::add);
        }
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(2 * experts.size());
        return new ArrayList<>(secrets);
    }

    /** A center code counts only as a word of its own; names and numbers anywhere. */
    private static boolean mentions(String text, String secret) {
        return Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(secret) + "(?![A-Za-z0-9_-])").matcher(text).find();
    }

    private List<ProcessInstance> seatInstances(String tenderId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("expert-seat-confirmation")
                .processInstanceBusinessKey(tenderId).list();
    }

    private void awaitState(String tenderId, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("state").asText()).isEqualTo(state));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** What an operator does in Camunda Cockpit 7.24 (community edition), by its real DOM. */
    final class Cockpit {

        private final Browser browser;

        Cockpit(Browser browser) {
            this.browser = browser;
        }

        private void awaitInstancePage() {
            browser.waiting().withTimeout(java.time.Duration.ofSeconds(60))
                    .until(d -> !d.findElements(By.cssSelector(".process-information")).isEmpty());
            browser.waiting().until(d -> !tabs().isEmpty() && loaded());
        }

        /** Opens the instance's page and each of its tabs; keeps every page's DOM and text in {@code visited}. */
        void visitInstance(String instanceId, String name, Map<String, String> visited) throws Exception {
            browser.driver().get(base() + "/camunda/app/cockpit/default/#/process-instance/" + instanceId + "/runtime");
            try {
                awaitInstancePage();
            } catch (org.openqa.selenium.TimeoutException e) {
                // Cockpit's first load on a busy machine can hang on its spinner; a person would reload the page.
                browser.step(name + "-timeout");
                java.nio.file.Files.writeString(Browser.ARTIFACTS.resolve("cockpit-demo-tender-instance/console.txt"), browser.console());
                browser.driver().navigate().refresh();
                awaitInstancePage();
            }
            keep(name + "-instance", visited);
            List<String> labels = tabs().stream().map(WebElement::getText).filter(t -> !t.isBlank()).toList();
            for (String label : labels) {
                WebElement tab = tabs().stream().filter(t -> t.getText().equals(label)).findFirst().orElseThrow();
                browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", tab);
                tab.click();
                browser.waiting().until(d -> loaded());
                keep(name + "-" + label.replaceAll("\\W+", "-").toLowerCase(), visited);
            }
        }

        private List<WebElement> tabs() {
            return browser.driver().findElements(By.cssSelector("[cam-tabs] ul.nav-tabs li a"));
        }

        private boolean loaded() {
            try {
                return browser.driver().findElements(By.cssSelector(".loader-state.loading, .animate-spin")).stream()
                        .noneMatch(WebElement::isDisplayed);
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return false;
            }
        }

        private void keep(String page, Map<String, String> visited) throws Exception {
            browser.step(page);
            visited.put(page, browser.driver().getPageSource() + "\n" + browser.driver().findElement(By.tagName("body")).getText());
        }
    }
}
