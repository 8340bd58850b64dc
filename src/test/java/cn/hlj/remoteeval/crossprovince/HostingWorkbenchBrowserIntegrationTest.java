package cn.hlj.remoteeval.crossprovince;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.Browser;
import cn.hlj.remoteeval.testsupport.OwnPeriods;
import cn.hlj.remoteeval.testsupport.PartnerInstance;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * The workbench's 承接场次 page in headless Chromium, signed in through the login page, over a hosting at
 * Harbin for a connected partner of its own (its address is a closed port, so nothing leaves the
 * machine): Harbin's staff find it in the list, are refused a hand-over without a medium and with a wrong
 * SHA-256 under the fields, hand the material over (an AV_HANDOVER to the partner waits in the outbox)
 * and see the partner's receipt once it is recorded; Qiqihar's staff do not see Harbin's hosting.
 * Screenshots in {@code target/browser-artifacts/hosting-workbench*}.
 */
@RemoteEvalIntegrationTest
class HostingWorkbenchBrowserIntegrationTest {

    private static final String PATH = "/api/cross-province/hostings";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    Api api;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    /** A province code of its own (letters only, as the envelope's schema requires), so that no run meets another's. */
    private final String partner = RANDOM.ints(6, 'A', 'Z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    private final String tenderRef = "T-" + partner + "-1";
    private final LocalDate date = OwnPeriods.freshDate();
    private String hosting;

    @BeforeEach
    void hostAPartnersTenderAtHarbin() throws Exception {
        PartnerInstance.register(jdbc, partner, new NationalCrypto(RANDOM).newKeyPair().publicKey(),
                "http://127.0.0.1:9/exchange/v1/messages");
        JsonNode created = api.read(api.post("staff-prov", PATH, Map.of("partnerProvince", partner, "partnerTenderRef", tenderRef,
                "centerCode", "HRB", "date", date.toString(), "halfDay", "AM", "seats", 2)).andExpect(status().isCreated()));
        hosting = created.get("id").asText();
        // As most hostings come: asked for by the partner through the exchange.
        jdbc.sql("UPDATE partner_hosting SET registered_by = ? WHERE id = ?").params("exchange:" + partner, hosting).update();
    }

    @AfterEach
    void removeTheHosting() throws Exception {
        jdbc.sql("DELETE FROM exchange_outbox WHERE receiver = ?").param(partner).update();
        jdbc.sql("DELETE FROM exchange_peer_sequence WHERE peer = ?").param(partner).update();
        jdbc.sql("DELETE FROM hosting_handover WHERE hosting_id = ?").param(hosting).update();
        PartnerInstance.unregister(jdbc, partner);
        if (hosting != null) {
            mvc.perform(delete(PATH + "/" + hosting).with(httpBasic("staff-prov", "staff-prov"))).andExpect(status().isNoContent());
        }
    }

    @Test
    void harbinsStaffHandTheMaterialOverAndSeeThePartnersReceipt() throws Exception {
        String sha = sha256("全景");
        try (Browser browser = Browser.signedOut().steps("hosting-workbench").signIn(base(), "staff-hrb")) {
            browser.driver().get(base() + "/workbench/");
            ready(browser);
            WebElement link = browser.driver().findElement(By.cssSelector("header.wb nav a[data-page='hostings']"));
            assertThat(link.getText()).isEqualTo("承接场次");
            link.click();
            ready(browser);
            assertThat(browser.driver().getCurrentUrl()).contains("/workbench/hostings.html").contains("from=" + LocalDate.now(BEIJING));
            Select center = new Select(browser.driver().findElement(By.id("center")));
            assertThat(center.getOptions()).hasSize(1);
            assertThat(center.getFirstSelectedOption().getAttribute("value")).isEqualTo("HRB");

            // The evaluation date in the address.
            browser.driver().get(base() + "/workbench/hostings.html?from=" + date + "&to=" + date);
            ready(browser);
            WebElement row = row(browser);
            assertThat(row.getText()).contains(date.toString()).contains("上午").contains(partner).contains(tenderRef)
                    .contains("哈尔滨市公共资源交易中心").contains("经跨省交换");
            assertThat(row.findElement(By.cssSelector(".badge[data-state]")).getAttribute("data-state")).isEqualTo("ACTIVE");
            assertThat(row.findElements(By.tagName("td")).get(5).getText()).isEqualTo("2");
            assertThat(browser.driver().findElement(By.id("summary")).getText()).contains("共承接 1 个");
            WebElement open = browser.waiting().until(d -> d.findElements(By.id("handover-open-" + hosting)).stream().findFirst()
                    .orElse(null));
            browser.step("listed");

            // Without a medium and with a wrong SHA-256: both refused under their fields, nothing sent.
            open.click();
            WebElement form = browser.driver().findElement(By.id("handover-" + hosting));
            assertThat(browser.driver().findElement(By.id("handed-at-" + hosting)).getAttribute("value")).isNotBlank();
            browser.driver().executeScript("arguments[0].value = arguments[1]", browser.driver().findElement(By.id("handed-at-" + hosting)),
                    LocalDateTime.now(BEIJING).plusMinutes(2).truncatedTo(ChronoUnit.MINUTES)
                            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
            WebElement items = browser.driver().findElement(By.id("items-" + hosting));
            items.sendKeys("评标室1-全景.mp4," + sha + "\n\n评标室1-工位.mp4,不是校验值");
            browser.driver().findElement(By.id("handover-submit-" + hosting)).click();
            WebElement shaError = browser.waiting().until(d -> d.findElements(
                    By.cssSelector("#handover-" + hosting + " .field-error[data-error-for='items[1].sha256']")).stream().findFirst()
                    .orElse(null));
            assertThat(shaError.getText()).contains("第 2 个文件").contains("SHA-256");
            assertThat(shaError.findElement(By.xpath("..")).findElements(By.id("items-" + hosting))).hasSize(1);
            WebElement mediumError = form.findElement(By.cssSelector(".field-error[data-error-for='medium']"));
            assertThat(mediumError.findElement(By.xpath("..")).findElements(By.id("medium-" + hosting))).hasSize(1);
            assertThat(form.findElements(By.cssSelector(".field-error[data-error-for='items[0].sha256']"))).isEmpty();
            browser.step("refused");
            assertThat(handovers()).isZero();
            assertThat(avHandoversQueued()).isZero();

            new Select(browser.driver().findElement(By.id("medium-" + hosting))).selectByVisibleText("光盘");
            items.clear();
            items.sendKeys("评标室1-全景.mp4," + sha + "\n评标室1-工位.mp4," + sha256("工位").toUpperCase());
            browser.driver().findElement(By.id("handover-submit-" + hosting)).click();
            WebElement waiting = browser.waiting().until(d -> d.findElements(
                    By.cssSelector("#hostings tr[data-hosting='" + hosting + "'] [data-receipt='waiting']")).stream().findFirst()
                    .orElse(null));
            assertThat(waiting.getText()).isEqualTo("等待合作省份回执");
            row = row(browser);
            assertThat(row.findElement(By.cssSelector("[data-handed-over]")).getText()).contains("已移交").contains("2 个文件")
                    .contains("光盘");
            assertThat(browser.driver().findElements(By.id("handover-" + hosting))).isEmpty();
            assertThat(browser.driver().findElement(By.id("list-result")).getText()).contains("等待合作省份回执");
            browser.step("handed-over");
            assertThat(handovers()).isEqualTo(1);
            assertThat(avHandoversQueued()).isEqualTo(1);

            // The partner's receipt, as the exchange records it.
            jdbc.sql("UPDATE hosting_handover SET receipted_at = ?, received_count = 2 WHERE hosting_id = ?")
                    .params(Timestamp.from(Instant.now()), hosting).update();
            browser.driver().navigate().refresh();
            ready(browser);
            WebElement received = browser.waiting().until(d -> d.findElements(
                    By.cssSelector("#hostings tr[data-hosting='" + hosting + "'] [data-receipt='received']")).stream().findFirst()
                    .orElse(null));
            assertThat(received.getText()).contains("合作省份已确认接收").contains("2 个文件").doesNotContain("少于");
            assertThat(row(browser).findElements(By.cssSelector("[data-receipt='waiting']"))).isEmpty();
            browser.step("receipted");
        }
    }

    @Test
    void qiqiharsStaffDoNotSeeHarbinsHosting() throws Exception {
        try (Browser browser = Browser.signedOut().steps("hosting-workbench-qqhr").signIn(base(), "staff-qqhr")) {
            browser.driver().get(base() + "/workbench/hostings.html?from=" + date + "&to=" + date);
            ready(browser);
            assertThat(browser.driver().findElements(By.cssSelector("header.wb nav a[data-page='hostings']"))).hasSize(1);
            assertThat(new Select(browser.driver().findElement(By.id("center"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("QQHR");
            assertThat(browser.driver().findElement(By.id("summary")).getText()).contains("没有承接");
            assertThat(browser.driver().findElements(By.cssSelector("#hostings tr[data-hosting='" + hosting + "']"))).isEmpty();
            browser.step("none");
        }
        String range = PATH + "?from=" + date + "&to=" + date;
        assertThat(api.read(api.get("staff-qqhr", range + "&center=QQHR").andExpect(status().isOk()))).isEmpty();
        api.get("staff-qqhr", range + "&center=HRB").andExpect(status().isForbidden());
        api.get("staff-qqhr", range).andExpect(status().isForbidden());
        assertThat(api.read(api.get("staff-hrb", range + "&center=HRB").andExpect(status().isOk())).findValuesAsText("id"))
                .containsExactly(hosting);
        assertThat(api.read(api.get("staff-prov", range + "&center=QQHR").andExpect(status().isOk()))).isEmpty();
        assertThat(api.read(api.get("staff-prov", range).andExpect(status().isOk())).findValuesAsText("id")).contains(hosting);
        api.get("demo", range + "&center=MDJ").andExpect(status().isBadRequest());
        api.get("staff-mdj", range + "&center=MDJ").andExpect(status().isForbidden());
    }

    @Test
    void aCityCentersStaffHaveNoHostingsPage() throws Exception {
        try (Browser browser = Browser.signedOut().steps("hosting-workbench-mdj").signIn(base(), "staff-mdj")) {
            browser.driver().get(base() + "/workbench/");
            ready(browser);
            assertThat(browser.driver().findElements(By.cssSelector("header.wb nav a[data-page='hostings']"))).isEmpty();
            browser.driver().get(base() + "/workbench/hostings.html");
            ready(browser);
            assertThat(browser.driver().findElement(By.id("status")).getText()).contains("仅供");
            assertThat(browser.driver().findElement(By.id("hostings-card")).isDisplayed()).isFalse();
            browser.step("refused");
        }
    }

    private long handovers() {
        return jdbc.sql("SELECT COUNT(*) FROM hosting_handover WHERE hosting_id = ?").param(hosting).query(Long.class).single();
    }

    private long avHandoversQueued() {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_outbox WHERE receiver = ? AND message_type = 'AV_HANDOVER' "
                + "AND correlation_id = ?").params(partner, tenderRef).query(Long.class).single();
    }

    private WebElement row(Browser browser) {
        return browser.waiting().until(d -> d.findElements(By.cssSelector("#hostings tr[data-hosting='" + hosting + "']")).stream()
                .findFirst().orElse(null));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void ready(Browser browser) {
        browser.waiting().until(d -> !d.findElements(By.cssSelector("body[data-ready='true']")).isEmpty());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
