package cn.hlj.remoteeval.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.Browser;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/**
 * The supervisor's own entropy on the workbench page 监督随机数 in headless Chromium (H2 and MariaDB): the supervisor
 * types a value, the page sends only its salted hash, and reveals value and salt by itself once the draw has read its
 * list; the page's own SHA-256 (for plain-HTTP intranets without crypto.subtle) agrees with the standard one; a
 * center's staff member cannot commit. Screenshots in {@code target/browser-artifacts/draw-entropy-*}.
 */
@RemoteEvalIntegrationTest
class SupervisorEntropyBrowserIntegrationTest {

    private static final String SUPERVISOR = "supervisor-dxal";
    /** Long enough for the draw to be started, read its list and finish on a loaded MariaDB. */
    private static final Duration DRAW = Duration.ofSeconds(60);
    /**
     * Keeps every request the page's scripts send (method, address, body) in the order sent, so that the test sees
     * what went over the network and when.
     */
    private static final String RECORD_REQUESTS = """
            window.sentRequests = [];
            const original = window.fetch;
            window.fetch = function (url, init) {
              window.sentRequests.push({ method: (init && init.method) || 'GET', url: String(url),
                body: init && typeof init.body === 'string' ? init.body : '' });
              return original.apply(this, arguments);
            };
            """;

    @LocalServerPort
    int port;
    @Autowired
    Api api;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ObjectMapper json;

    private String tenderId;

    @AfterEach
    void removeTheTender() {
        if (tenderId == null) {
            return;
        }
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(tenderId).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test cleanup"));
    }

    @Test
    void aSupervisorCommitsOnThePageAndThePageRevealsTheValueOnceTheDrawHasReadItsList() throws Exception {
        tenderId = api.register(TenderBody.valid().with("mainCenter", "DXAL")).get("id").asText();
        // A value of its own each run: the MariaDB test database keeps earlier runs' commitments.
        String value = "掷骰" + ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L) + "次";

        try (Browser browser = Browser.signedOut().steps("draw-entropy-supervisor").signIn(base(), SUPERVISOR)) {
            open(browser);
            WebElement form = browser.waiting().until(d -> {
                WebElement commit = d.findElement(By.id("commit"));
                return commit.isDisplayed() ? commit : null;
            });
            assertThat(browser.driver().findElement(By.id("awaited")).getText()).contains("随机抽取副场");
            browser.driver().executeScript(RECORD_REQUESTS);
            form.findElement(By.id("value")).sendKeys(value);
            browser.step("typed");
            form.findElement(By.id("submit")).click();

            new WebDriverWait(browser.driver(), DRAW)
                    .until(d -> d.findElement(By.id("status")).getText().contains("抽取已完成") ? Boolean.TRUE : null);
            browser.step("drawn");

            String commitment = browser.driver().findElement(By.id("p-commitment")).getText();
            String salt = browser.driver().findElement(By.id("p-salt")).getText();
            assertThat(salt).matches("[0-9a-f]{32}");
            assertThat(commitment).isEqualTo(sha256(value + "\n" + salt)).isNotEqualTo(value);
            assertThat(browser.driver().findElement(By.id("p-state")).getText()).isEqualTo("抽取已完成");
            assertThat(browser.driver().findElement(By.id("p-record")).getText()).startsWith("序号 ");
            assertThat(browser.driver().findElement(By.id("commit")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("reveal")).isDisplayed()).isFalse();
            // The value and salt the tab kept until the draw used them are gone with the draw done.
            assertThat(browser.driver().executeScript("return sessionStorage.getItem(arguments[0])", "draw-entropy:" + tenderId))
                    .isNull();

            // Over the network the value went once, in the reveal, and only after the draw had read its list:
            // the commitment is all the commit carried.
            List<Map<String, Object>> sent = sentRequests(browser);
            String path = "/api/tenders/" + tenderId + "/draw-entropy";
            List<Map<String, Object>> posts = sent.stream().filter(r -> "POST".equals(r.get("method"))).toList();
            assertThat(posts).hasSize(2);
            assertThat(posts.get(0).get("url")).isEqualTo(path);
            assertThat(json.readTree(posts.get(0).get("body").toString()).fieldNames()).toIterable().containsExactly("commitment");
            assertThat(json.readTree(posts.get(0).get("body").toString()).get("commitment").asText()).isEqualTo(commitment);
            assertThat(posts.get(1).get("url").toString()).startsWith(path + "/").endsWith("/reveal");
            JsonNode revealed = json.readTree(posts.get(1).get("body").toString());
            assertThat(revealed.get("value").asText()).isEqualTo(value);
            assertThat(revealed.get("salt").asText()).isEqualTo(salt);
            int reveal = sent.indexOf(posts.get(1));
            assertThat(sent.subList(0, reveal)).allSatisfy(request -> {
                assertThat(request.get("url").toString()).doesNotContain(value);
                assertThat(request.get("body").toString()).doesNotContain(value);
            });

            JsonNode progress = api.read(api.get(SUPERVISOR, path).andExpect(status().isOk()));
            assertThat(progress.hasNonNull("awaitedDraw")).isFalse();
            JsonNode contribution = progress.get("contribution");
            assertThat(contribution.get("state").asText()).isEqualTo("REVEALED");
            assertThat(contribution.get("commitment").asText()).isEqualTo(commitment);
            assertThat(contribution.hasNonNull("drawRecordId")).isTrue();
            assertThat(contribution.get("drawKind").asText()).isEqualTo("VENUE");
            assertThat(posts.get(1).get("url").toString()).contains(contribution.get("id").asText());
        }
    }

    @Test
    void thePagesOwnSha256AgreesWithTheStandardOnes() throws Exception {
        try (Browser browser = Browser.signedOut().steps("draw-entropy-sha256").signIn(base(), SUPERVISOR)) {
            // No tender is needed to load the page's script; the page only says it found none.
            browser.driver().get(base() + "/workbench/draw-entropy.html?tender=no-such-tender");
            browser.waiting().until(d -> !d.findElements(By.cssSelector("body[data-ready='true']")).isEmpty());

            // Multiples of the 64-byte block and lengths around the 55/56-byte padding edge too.
            for (String text : List.of("abc", "", "监督人员现场掷骰 35261446 次", "x".repeat(200), "a".repeat(55),
                    "a".repeat(56), "a".repeat(64), "𠮷\n" + "0123456789abcdef0123456789abcdef")) {
                String expected = sha256(text);
                assertThat(browser.driver().executeScript("return Sha256.plain(arguments[0])", text)).as("plain(%s)", text)
                        .isEqualTo(expected);
                // On localhost crypto.subtle exists, so hex is the browser's own SHA-256.
                assertThat(browser.driver().executeAsyncScript(
                        "const done = arguments[arguments.length - 1]; Sha256.hex(arguments[0]).then(done, e => done(String(e)))",
                        text)).as("hex(%s)", text).isEqualTo(expected);
            }
        }
    }

    @Test
    void aCentersStaffMemberCannotCommitAndIsToldWhy() throws Exception {
        tenderId = api.register(TenderBody.valid().with("mainCenter", "DXAL")).get("id").asText();

        try (Browser browser = Browser.signedOut().steps("draw-entropy-staff").signIn(base(), "staff-dxal")) {
            open(browser);
            WebElement status = browser.waiting().until(d -> {
                WebElement element = d.findElement(By.id("status"));
                return element.getText().isEmpty() ? null : element;
            });
            browser.step("refused");

            assertThat(status.getText()).contains("行政监督");
            assertThat(browser.driver().findElement(By.id("commit")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("reveal")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("progress")).isDisplayed()).isFalse();
        }
    }

    private void open(Browser browser) {
        browser.driver().get(base() + "/workbench/draw-entropy.html?tender=" + tenderId);
        browser.waiting().until(d -> !d.findElements(By.cssSelector("body[data-ready='true']")).isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sentRequests(Browser browser) {
        return (List<Map<String, Object>>) browser.driver().executeScript("return window.sentRequests");
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
