package cn.hlj.remoteeval.crossprovince;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.Browser;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * The workbench's 跨省报文 page and the exchange part of 合作省份 in headless Chromium, signed in through
 * the login page, over exchange rows entered directly: the operator reads each partner's counts and the
 * warning of a missing number, sends a refused message again, has a failed one handled again, skips a
 * missing number and a failed message (each after a confirmation), and enters a partner's key and
 * address (a wrong key is refused under its field); a center's staff member has no such page.
 * Screenshots in {@code target/browser-artifacts/exchange-workbench*}.
 */
@RemoteEvalIntegrationTest
class ExchangeWorkbenchBrowserIntegrationTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant EARLIER = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Value("${remote-eval.exchange.private-key}")
    String ourPrivateKey;
    @LocalServerPort
    int port;

    /** A registered partner with traffic each way: its messages are sent again and handled again. */
    private final String partner = code();
    /** A partner whose number 1 never arrived while number 2 waits. */
    private final String gapped = code();
    /** A partner whose number 1 failed every attempt. */
    private final String stuck = code();

    private final String delivered = UUID.randomUUID().toString();
    private final String refused = UUID.randomUUID().toString();
    private final String given = UUID.randomUUID().toString();
    private final String failed = UUID.randomUUID().toString();
    private final String waiting = UUID.randomUUID().toString();
    private final String behindTheGap = UUID.randomUUID().toString();
    private final String stuckFailed = UUID.randomUUID().toString();

    /** Province codes of their own (letters only, as the envelope's schema requires), so that no run meets another's. */
    private static String code() {
        return RANDOM.ints(6, 'A', 'Z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    @BeforeEach
    void enterTheTraffic() {
        jdbc.sql("INSERT INTO partner_province (code, name, state, negotiation_started_on, last_step_on, version, "
                + "registered_by, registered_at) VALUES (?, '报文测试省', 'NEGOTIATING', ?, ?, 0, 'test', ?)")
                .params(partner, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5), Timestamp.from(EARLIER)).update();
        counters(partner, 3, 0);
        counters(gapped, 0, 0);
        counters(stuck, 0, 0);

        outgoing(delivered, 1, "SUB_VENUE_REQUEST", "DELIVERED", 1, "已接收：副场请求", null);
        outgoing(refused, 2, "SESSION_STARTED", "REFUSED", 1, null, "BAD_SIGNATURE：签名验证未通过");
        outgoing(given, 3, "SESSION_ENDED", "DEAD", 9, null, "已放弃重试：连接超时");

        // What waits carries its next attempt a day ahead, so that no handling touches it during the test.
        Instant later = Instant.now().plus(Duration.ofDays(1));
        incoming(partner, failed, 1, "SUB_VENUE_OFFER", "FAILED", 5, EARLIER, "IllegalStateException：场次不存在");
        incoming(partner, waiting, 2, "SESSION_STARTED", "RECEIVED", 0, later, null);
        incoming(gapped, behindTheGap, 2, "SUB_VENUE_ACCEPTANCE", "RECEIVED", 0, later, null);
        incoming(stuck, stuckFailed, 1, "SUB_VENUE_REQUEST", "FAILED", 5, EARLIER, "IllegalArgumentException：席位数不符");
    }

    @AfterEach
    void removeTheTraffic() {
        for (String code : List.of(partner, gapped, stuck)) {
            jdbc.sql("DELETE FROM exchange_outbox WHERE receiver = ?").param(code).update();
            jdbc.sql("DELETE FROM exchange_inbox WHERE sender = ?").param(code).update();
            jdbc.sql("DELETE FROM exchange_peer_sequence WHERE peer = ?").param(code).update();
        }
        // A bare row without its history: no other test may meet it in the register.
        jdbc.sql("DELETE FROM partner_province WHERE code = ?").param(partner).update();
    }

    @Test
    void anOperatorReadsTheTrafficSendsAgainRetriesAndSkipsAfterConfirming() throws Exception {
        try (Browser browser = Browser.signedOut().steps("exchange-workbench").signIn(base(), "demo")) {
            // Signing in leads to the tasklist; the page is reached through the workbench's header.
            browser.driver().get(base() + "/workbench/");
            ready(browser);
            WebElement link = browser.driver().findElement(By.cssSelector("header.wb nav a[data-page='exchange']"));
            assertThat(link.getText()).isEqualTo("跨省报文");
            link.click();
            ready(browser);
            assertThat(browser.driver().getCurrentUrl()).contains("/workbench/exchange.html");

            // The overview: counters and counts per state, and the warning of a number that never arrived.
            WebElement row = overviewRow(browser, partner);
            assertThat(row.getText()).contains("报文测试省");
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(cells.get(1).getText()).isEqualTo("3");
            assertThat(cells.get(2).getText()).isEqualTo("0");
            assertThat(count(row, "OUT-DELIVERED")).isEqualTo("1");
            assertThat(count(row, "OUT-REFUSED")).isEqualTo("1");
            assertThat(count(row, "OUT-DEAD")).isEqualTo("1");
            assertThat(count(row, "IN-FAILED")).isEqualTo("1");
            assertThat(count(row, "IN-RECEIVED")).isEqualTo("1");
            assertThat(browser.driver().findElements(By.cssSelector("#overview tr[data-waiting-for='" + partner + "']"))).isEmpty();
            WebElement warning = browser.driver().findElement(By.cssSelector("#overview tr[data-waiting-for='" + gapped + "']"));
            assertThat(warning.getText()).contains("正在等待序号 1：该报文尚未到达，之后的报文暂停处理").contains("跳过该序号");
            browser.step("overview");

            // 被拒收 → 重新发送.
            filter(browser, "OUT", partner, "REFUSED");
            WebElement refusedRow = messageRow(browser, refused);
            assertThat(browser.driver().findElements(By.cssSelector("#messages tbody tr"))).hasSize(1);
            assertThat(refusedRow.getText()).contains("场次开始").contains("被拒收").contains("BAD_SIGNATURE：签名验证未通过")
                    .contains("T-" + partner + "-2");
            assertThat(browser.driver().getCurrentUrl()).contains("direction=OUT").contains("partner=" + partner)
                    .contains("state=REFUSED");
            assertThat(refusedRow.findElements(By.cssSelector("button[data-retry], button[data-skip]"))).isEmpty();
            browser.step("refused");
            refusedRow.findElement(By.cssSelector("button[data-resend='" + refused + "']")).click();
            WebElement note = browser.waiting().until(d -> d.findElements(By.cssSelector("#messages-result .notice")).stream()
                    .findFirst().orElse(null));
            assertThat(note.getText()).contains("已重新发送").contains("序号 2");
            browser.waiting().until(d -> d.findElements(By.cssSelector("#messages tr[data-message='" + refused + "']")).isEmpty());
            browser.step("resent");
            // Queued again; the dispatcher may already have tried it (the partner has no address) and queued it for later.
            assertThat(outboxState(refused)).isIn("PENDING", "SENDING");
            assertThat(jdbc.sql("SELECT queued_at FROM exchange_outbox WHERE message_id = ?").param(refused)
                    .query(Timestamp.class).single().toInstant()).isAfter(EARLIER);
            assertThat(outboxState(given)).isEqualTo("DEAD");

            // 收到 / 处理失败 → 重新处理.
            filter(browser, "IN", partner, "FAILED");
            WebElement failedRow = messageRow(browser, failed);
            assertThat(failedRow.getText()).contains("副场安排").contains("处理失败").contains("IllegalStateException：场次不存在");
            assertThat(failedRow.findElements(By.cssSelector("button[data-resend]"))).isEmpty();
            assertThat(failedRow.findElements(By.cssSelector("button[data-skip='" + failed + "']"))).hasSize(1);
            assertThat(browser.driver().findElement(By.id("reply-heading")).getText()).isEqualTo("本省答复/错误");
            browser.step("failed");
            failedRow.findElement(By.cssSelector("button[data-retry='" + failed + "']")).click();
            note = browser.waiting().until(d -> d.findElements(By.cssSelector("#messages-result .notice")).stream()
                    .findFirst().orElse(null));
            assertThat(note.getText()).contains("已重新处理").contains("序号 1");
            browser.step("retried");
            assertThat(inboxState(partner, failed)).isNotEqualTo("FAILED");

            // The missing number: declining the confirmation changes nothing; accepting it skips the number.
            skipMissing(browser).dismiss();
            assertThat(lastHandled(gapped)).isZero();
            assertThat(browser.driver().findElements(By.cssSelector("#overview-result .notice"))).isEmpty();
            Alert confirm = skipMissing(browser);
            assertThat(confirm.getText()).contains("序号 1").contains("先与合作省份确认");
            confirm.accept();
            note = browser.waiting().until(d -> d.findElements(By.cssSelector("#overview-result .notice")).stream()
                    .findFirst().orElse(null));
            assertThat(note.getText()).contains("已跳过").contains(gapped).contains("序号 1");
            assertThat(browser.driver().findElements(By.cssSelector("#overview tr[data-waiting-for='" + gapped + "']"))).isEmpty();
            assertThat(lastHandled(gapped)).isEqualTo(1);
            assertThat(inboxState(gapped, behindTheGap)).isEqualTo("RECEIVED");
            browser.step("skipped-missing");

            // A failed message, reached through its count in the overview: 跳过 after the confirmation.
            overviewRow(browser, stuck).findElement(By.cssSelector("td[data-count='IN-FAILED'] a")).click();
            WebElement stuckRow = messageRow(browser, stuckFailed);
            assertThat(new Select(browser.driver().findElement(By.id("direction"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("IN");
            assertThat(browser.driver().getCurrentUrl()).contains("partner=" + stuck).contains("state=FAILED");
            stuckRow.findElement(By.cssSelector("button[data-skip='" + stuckFailed + "']")).click();
            confirm = browser.waiting().until(ExpectedConditions.alertIsPresent());
            assertThat(confirm.getText()).contains("序号 1").contains("先与合作省份确认");
            confirm.accept();
            note = browser.waiting().until(d -> d.findElements(By.cssSelector("#messages-result .notice")).stream()
                    .findFirst().orElse(null));
            assertThat(note.getText()).contains("已跳过").contains("序号 1");
            browser.step("skipped-failed");
            assertThat(inboxState(stuck, stuckFailed)).isEqualTo("SKIPPED");
            assertThat(lastHandled(stuck)).isEqualTo(1);
        }
    }

    @Test
    void anOperatorEntersAPartnersKeyAndAddressAndReadsOurKey() throws Exception {
        String key = new NationalCrypto(RANDOM).newKeyPair().publicKey();
        String address = "https://" + partner.toLowerCase() + ".example.cn/exchange/v1/messages";
        try (Browser browser = Browser.signedOut().steps("exchange-workbench-keys").signIn(base(), "demo")) {
            browser.driver().get(base() + "/workbench/partners.html");
            ready(browser);
            WebElement ours = browser.driver().findElement(By.id("our-public-key"));
            assertThat(ours.getAttribute("value")).isEqualTo(NationalCrypto.publicKeyOf(ourPrivateKey));
            assertThat(ours.getAttribute("readonly")).isNotNull();
            assertThat(browser.driver().findElement(By.id("our-public-key-note")).getText()).contains("联调测试时提供给合作省份");

            WebElement keyField = browser.driver().findElement(By.id("key-" + partner));
            keyField.sendKeys("04" + "ab".repeat(10));
            browser.driver().findElement(By.id("key-" + partner + "-submit")).click();
            WebElement error = browser.waiting().until(d -> d.findElements(
                    By.cssSelector("#key-" + partner + "-form .field-error[data-error-for='publicKey']")).stream().findFirst().orElse(null));
            assertThat(error.findElement(By.xpath("..")).findElements(By.id("key-" + partner))).hasSize(1);
            assertThat(error.getText()).contains("SM2 公钥");
            browser.step("wrong-key");
            assertThat(storedKey()).isNull();

            keyField.clear();
            keyField.sendKeys(key.toUpperCase());
            browser.driver().findElement(By.id("key-" + partner + "-submit")).click();
            WebElement saved = browser.waiting().until(d -> d.findElements(By.cssSelector("#key-" + partner + "-result .notice"))
                    .stream().findFirst().orElse(null));
            assertThat(saved.getText()).contains("交换公钥已登记");
            assertThat(browser.driver().findElements(By.cssSelector("#key-" + partner + "-form .field-error"))).isEmpty();
            assertThat(storedKey()).isEqualTo(key);

            WebElement addressField = browser.driver().findElement(By.id("endpoint-" + partner));
            addressField.sendKeys("不是网址");
            browser.driver().findElement(By.id("endpoint-" + partner + "-submit")).click();
            error = browser.waiting().until(d -> d.findElements(
                    By.cssSelector("#endpoint-" + partner + "-form .field-error[data-error-for='endpoint']")).stream().findFirst()
                    .orElse(null));
            assertThat(error.findElement(By.xpath("..")).findElements(By.id("endpoint-" + partner))).hasSize(1);
            addressField.clear();
            addressField.sendKeys(address);
            browser.driver().findElement(By.id("endpoint-" + partner + "-submit")).click();
            saved = browser.waiting().until(d -> d.findElements(By.cssSelector("#endpoint-" + partner + "-result .notice"))
                    .stream().findFirst().orElse(null));
            assertThat(saved.getText()).contains("报文接收地址已登记").contains(address);
            assertThat(browser.driver().findElements(By.cssSelector("#endpoint-" + partner + "-form .field-error"))).isEmpty();
            browser.step("key-and-address");
        }
        assertThat(jdbc.sql("SELECT exchange_endpoint FROM partner_province WHERE code = ?").param(partner).query(String.class)
                .single()).isEqualTo(address);
    }

    @Test
    void aCentersStaffMemberHasNoExchangePage() throws Exception {
        try (Browser browser = Browser.signedOut().steps("exchange-workbench-staff").signIn(base(), "staff-hrb")) {
            browser.driver().get(base() + "/workbench/");
            ready(browser);
            assertThat(browser.driver().findElements(By.cssSelector("header.wb nav a[data-page='tenders']"))).hasSize(1);
            assertThat(browser.driver().findElements(By.cssSelector("header.wb nav a[data-page='exchange']"))).isEmpty();
            assertThat(browser.driver().findElement(By.cssSelector("header.wb nav")).getText()).doesNotContain("跨省报文");

            // Opened by its address, the page says what the API decides and shows nothing of the traffic.
            browser.driver().get(base() + "/workbench/exchange.html");
            ready(browser);
            assertThat(browser.driver().findElement(By.id("status")).getText()).contains("仅运维人员");
            assertThat(browser.driver().findElement(By.id("overview-card")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.id("messages-card")).isDisplayed()).isFalse();
            browser.step("refused");
        }
        api.get("staff-hrb", "/api/exchange/partners").andExpect(status().isForbidden());
    }

    private void counters(String peer, long lastSent, long lastHandled) {
        jdbc.sql("INSERT INTO exchange_peer_sequence (peer, last_sent, last_handled) VALUES (?, ?, ?)")
                .params(peer, lastSent, lastHandled).update();
    }

    private void outgoing(String messageId, long sequence, String type, String state, int attempts, String answer, String error) {
        Timestamp at = Timestamp.from(EARLIER.plusSeconds(sequence));
        jdbc.sql("INSERT INTO exchange_outbox (message_id, receiver, sequence_no, message_type, correlation_id, body, state, "
                + "attempts, next_attempt_at, answer, last_error, created_at, queued_at, delivered_at) "
                + "VALUES (?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(messageId, partner, sequence, type, "T-" + partner + "-" + sequence, state, attempts, at, answer, error, at,
                        Timestamp.from(EARLIER), "DELIVERED".equals(state) ? at : null)
                .update();
    }

    private void incoming(String sender, String messageId, long sequence, String type, String state, int attempts,
            Instant nextAttemptAt, String error) {
        Timestamp at = Timestamp.from(EARLIER.plusSeconds(sequence));
        jdbc.sql("INSERT INTO exchange_inbox (sender, message_id, sequence_no, message_type, correlation_id, received, answer, "
                + "received_at, state, attempts, next_attempt_at, last_error) VALUES (?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?)")
                .params(sender, messageId, sequence, type, "T-" + sender + "-" + sequence, "已接收", at, state, attempts,
                        Timestamp.from(nextAttemptAt), error)
                .update();
    }

    private String outboxState(String messageId) {
        return jdbc.sql("SELECT state FROM exchange_outbox WHERE message_id = ?").param(messageId).query(String.class).single();
    }

    private String inboxState(String sender, String messageId) {
        return jdbc.sql("SELECT state FROM exchange_inbox WHERE sender = ? AND message_id = ?").params(sender, messageId)
                .query(String.class).single();
    }

    private long lastHandled(String peer) {
        return jdbc.sql("SELECT last_handled FROM exchange_peer_sequence WHERE peer = ?").param(peer).query(Long.class).single();
    }

    private String storedKey() {
        return jdbc.sql("SELECT exchange_public_key FROM partner_province WHERE code = ?").param(partner).query(String.class)
                .optional().orElse(null);
    }

    private static void ready(Browser browser) {
        browser.waiting().until(d -> !d.findElements(By.cssSelector("body[data-ready='true']")).isEmpty());
    }

    private static WebElement overviewRow(Browser browser, String code) {
        return browser.waiting().until(d -> d.findElements(By.cssSelector("#overview tr[data-partner='" + code + "']")).stream()
                .findFirst().orElse(null));
    }

    private static String count(WebElement row, String direction) {
        return row.findElement(By.cssSelector("td[data-count='" + direction + "']")).getText();
    }

    private static WebElement messageRow(Browser browser, String messageId) {
        return browser.waiting().until(d -> d.findElements(By.cssSelector("#messages tr[data-message='" + messageId + "']"))
                .stream().findFirst().orElse(null));
    }

    /** Chooses the filters as a person does and asks for the list. */
    private static void filter(Browser browser, String direction, String partner, String state) {
        new Select(browser.driver().findElement(By.id("direction"))).selectByValue(direction);
        new Select(browser.driver().findElement(By.id("partner"))).selectByValue(partner);
        new Select(browser.driver().findElement(By.id("state"))).selectByValue(state);
        browser.driver().findElement(By.id("search")).click();
        // The list is drawn again when the API answered: then every row is of the filters chosen.
        browser.waiting().until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#messages tbody tr"));
            return !rows.isEmpty() && rows.stream().allMatch(r -> direction.equals(r.getAttribute("data-direction"))
                    && partner.equals(r.getAttribute("data-partner")) && state.equals(r.getAttribute("data-state")));
        });
    }

    private Alert skipMissing(Browser browser) {
        browser.driver().findElement(By.cssSelector("#overview button[data-skip-missing='" + gapped + "']")).click();
        return browser.waiting().until(ExpectedConditions.alertIsPresent());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
