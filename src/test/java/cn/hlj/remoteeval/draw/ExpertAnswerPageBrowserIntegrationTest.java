package cn.hlj.remoteeval.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.Browser;
import cn.hlj.remoteeval.testsupport.ExpertInvitations;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/**
 * The expert's answer page on a phone-sized headless Chromium, from the link in the invitation SMS,
 * signed in as nobody: it shows the date, the time and the place but not the tender; 接受 settles the
 * invitation, the link then only says it was answered; 不能参加 declines another; a made-up link is
 * refused. Screenshots of every step in {@code target/browser-artifacts/expert-answer-page/}.
 */
@RemoteEvalIntegrationTest
class ExpertAnswerPageBrowserIntegrationTest {

    private static final Pattern LINK = Pattern.compile("打开 https://pb\\.example\\.cn/r/([0-9A-Z]{12}) 答复");

    @Autowired
    Api api;
    @Autowired
    ExpertInvitations invitations;
    @LocalServerPort
    int port;

    @Test
    void anExpertAcceptsOnePhoneLinkAndDeclinesAnotherWithoutSigningIn() throws Exception {
        JsonNode tender = api.register(TenderBody.valid().with("name", "答复页测试标段" + System.nanoTime()));
        String tenderId = tender.get("id").asText();
        List<String> seats = invitations.draw(tenderId);
        String accepting = linkCode(seats.get(0));
        String declining = linkCode(seats.get(1));

        try (Browser browser = Browser.signedOut().steps("expert-answer-page")) {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.driver().get(base() + "/r/" + accepting);
            assertThat(text(browser, "title")).isEqualTo("评标专家邀请");
            assertThat(text(browser, "when")).contains("年").containsAnyOf("上午", "下午");
            assertThat(text(browser, "where")).contains("公共资源交易中心");
            String page = browser.driver().getPageSource();
            assertThat(page).doesNotContain(tenderId).doesNotContain(tender.get("sectionCode").asText())
                    .doesNotContain(tender.get("name").asText());
            browser.step("invitation");

            browser.driver().findElement(By.id("accept")).click();
            browser.waiting().until(d -> d.findElement(By.id("title")).getText().equals("答复已收到"));
            assertThat(text(browser, "result")).contains("已确认参加");
            browser.step("accepted");
            assertThat(invitations.stateOf(seats.get(0))).isEqualTo("ACCEPTED");

            // The link works once: opened again, it says so and shows no details.
            browser.driver().get(base() + "/r/" + accepting);
            assertThat(text(browser, "result")).contains("您已确认参加，无需重复答复");
            assertThat(browser.driver().findElements(By.id("accept"))).isEmpty();
            browser.step("link-used");

            browser.driver().get(base() + "/r/" + declining.toLowerCase());
            browser.driver().findElement(By.id("decline")).click();
            browser.waiting().until(d -> d.findElement(By.id("title")).getText().equals("答复已收到"));
            assertThat(text(browser, "result")).contains("不能参加");
            browser.step("declined");
            assertThat(invitations.stateOf(seats.get(1))).isIn("DECLINED");

            browser.driver().get(base() + "/r/ZZZZZZZZZZZZ");
            assertThat(text(browser, "title")).isEqualTo("链接无效");
            browser.step("unknown-link");
        }
    }

    private static String text(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** The short link's code, as the expert's phone shows it in the invitation SMS. */
    private String linkCode(String seatId) {
        Matcher link = LINK.matcher(invitations.sms(seatId));
        assertThat(link.find()).as("the SMS carries the answer page's link").isTrue();
        return link.group(1);
    }
}
