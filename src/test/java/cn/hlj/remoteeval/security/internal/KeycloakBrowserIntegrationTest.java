package cn.hlj.remoteeval.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.hlj.remoteeval.testsupport.Browser;

/**
 * Signing in through Keycloak's own login page as people really do, in headless Chromium: Tasklist
 * sends a signed-out visitor to Keycloak and gets them back signed in; a wrong password stays on
 * Keycloak's page; Cockpit is for operators only; logging out of Tasklist ends the Keycloak session
 * too. Every step is kept under {@code target/browser-artifacts/<test>/}.
 */
@KeycloakIntegrationTest
class KeycloakBrowserIntegrationTest {

    private static final URI KEYCLOAK = URI.create(KeycloakIntegrationTest.KEYCLOAK);
    private static final By DASHBOARD = By.cssSelector(".ctn-view.dashboard .stats-section.processes");
    private static final String AUTHORIZATION = "/realms/remote-eval/protocol/openid-connect/auth";

    @LocalServerPort
    int port;

    @Test
    void staffOpeningTasklistSignInOnKeycloaksPageAndLandInTasklistAsThemselves() throws Exception {
        try (Browser browser = browser("keycloak-staff-hrb-signs-in")) {
            browser.driver().get(app("/camunda/app/tasklist/"));
            KeycloakLogin login = new KeycloakLogin(browser);
            browser.step("keycloak-login-page");

            login.fillIn("staff-hrb", "staff-hrb");
            browser.step("credentials-entered");
            login.submit();
            browser.waiting().until(ExpectedConditions.urlContains(app("/camunda/app/tasklist/")));
            List<String> filters = awaitTasklistFilters(browser);
            browser.step("tasklist-signed-in");

            assertThat(filters).contains("我的任务", "本中心待办");
            // Tasklist's header names the user as Keycloak holds them (first name, last name).
            assertThat(accountShown(browser)).isEqualTo("秀英 李");
            assertThat(signedInUser(browser)).isEqualTo("staff-hrb");
        }
    }

    @Test
    void staffOpeningTheWorkbenchSignInAtKeycloakAndItsPagesCallTheApiWithThatSession() throws Exception {
        try (Browser browser = browser("keycloak-workbench-staff-qqhr")) {
            browser.driver().get(app("/workbench/"));
            new KeycloakLogin(browser).signIn("staff-qqhr");
            browser.waiting().until(ExpectedConditions.urlContains(app("/workbench/")));
            browser.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            browser.step("workbench-signed-in");

            assertThat(browser.driver().findElement(By.id("wb-who")).getText()).contains("staff-qqhr");
            assertThat(browser.driver().findElement(By.id("summary")).getText()).isNotBlank();
            assertThat(browser.driver().findElements(By.cssSelector(".form-error"))).isEmpty();

            browser.driver().findElement(By.id("wb-logout")).click();
            new KeycloakLogin(browser);
            browser.step("signed-out-at-keycloak");
        }
    }

    @Test
    void aWrongPasswordIsRefusedOnKeycloaksPage() throws Exception {
        // A demo user no other test signs in as.
        try (Browser browser = browser("keycloak-wrong-password-refused")) {
            browser.driver().get(app("/camunda/app/tasklist/"));
            KeycloakLogin login = new KeycloakLogin(browser);
            login.fillIn("staff-jx", "not-the-password");
            browser.step("wrong-password-entered");
            login.submit();
            String error = login.awaitError();
            browser.step("refused");

            assertThat(error).contains("用户名或密码");
            KeycloakLogin again = new KeycloakLogin(browser);
            assertThat(again.password().getAttribute("value")).isEmpty();
            browser.driver().get(app("/camunda/app/tasklist/"));
            new KeycloakLogin(browser);
            browser.step("still-signed-out");
        }
    }

    @Test
    void staffGetTheApplicationsRefusalForCockpitWhileTheOperatorReachesItsDashboard() throws Exception {
        try (Browser staff = browser("keycloak-cockpit-staff-hrb-refused")) {
            staff.driver().get(app("/camunda/app/tasklist/"));
            new KeycloakLogin(staff).signIn("staff-hrb");
            awaitTasklistFilters(staff);
            staff.step("tasklist-signed-in");

            staff.driver().get(app("/camunda/app/cockpit/"));
            String refusal = staff.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("title"))).getText();
            staff.step("cockpit-refused");

            assertThat(staff.driver().getCurrentUrl()).isEqualTo(app("/camunda/app/cockpit/"));
            assertThat(refusal).isEqualTo("无权访问");
            assertThat(staff.driver().findElement(By.id("detail")).getText()).contains("仅供系统运维人员使用");
            assertThat(staff.driver().getPageSource()).doesNotContain("cam-cockpit");
        }
        try (Browser operator = browser("keycloak-cockpit-demo-dashboard")) {
            operator.driver().get(app("/camunda/app/cockpit/"));
            KeycloakLogin login = new KeycloakLogin(operator);
            operator.step("keycloak-login-page");
            login.signIn("demo");
            operator.waiting().until(ExpectedConditions.urlContains(app("/camunda/app/cockpit/")));
            awaitCockpitDashboard(operator);
            operator.step("cockpit-dashboard");

            assertThat(operator.driver().getCurrentUrl()).startsWith(app("/camunda/app/cockpit/default/#/dashboard"));
            assertThat(accountShown(operator)).isEqualTo("运维 演示");
            assertThat(signedInUser(operator)).isEqualTo("demo");
        }
    }

    @Test
    void loggingOutOfTasklistEndsTheKeycloakSessionToo() throws Exception {
        try (Browser browser = browser("keycloak-logout-ends-session")) {
            browser.driver().get(app("/camunda/app/tasklist/"));
            new KeycloakLogin(browser).signIn("supervisor-jms");
            awaitTasklistFilters(browser);
            browser.step("tasklist-signed-in");
            assertThat(signedInUser(browser)).isEqualTo("supervisor-jms");

            browser.driver().findElement(By.cssSelector("li.account a.dropdown-toggle")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();
            new KeycloakLogin(browser);
            browser.step("signed-out-at-keycloak");

            browser.driver().get(app("/camunda/app/tasklist/"));
            KeycloakLogin again = new KeycloakLogin(browser);
            browser.step("tasklist-asks-for-a-new-login");
            assertThat(again.username().getAttribute("value")).isEmpty();
        }
    }

    @Test
    void signingInAgainRightOnThePageTheLogoutLeadsToLandsInTasklist() throws Exception {
        try (Browser browser = browser("keycloak-sign-in-again-after-logout")) {
            browser.driver().get(app("/camunda/app/tasklist/"));
            new KeycloakLogin(browser).signIn("supervisor-mdj");
            awaitTasklistFilters(browser);
            browser.driver().findElement(By.cssSelector("li.account a.dropdown-toggle")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();
            KeycloakLogin afterLogout = new KeycloakLogin(browser);
            // The signed-out Tasklist kept loading its fonts meanwhile; none of them may become the return address.
            browser.step("signed-out-at-keycloak");

            afterLogout.signIn("staff-mdj");
            browser.waiting().until(ExpectedConditions.urlContains(app("/camunda/app/tasklist/")));
            List<String> filters = awaitTasklistFilters(browser);
            browser.step("signed-in-again");
            assertThat(filters).contains("我的任务", "本中心待办");
            assertThat(signedInUser(browser)).isEqualTo("staff-mdj");
        }
    }

    // --- what a person sees

    /**
     * Keycloak's login page of the realm, as the browser shows it: on Keycloak's own host and port,
     * at the realm's authorization endpoint, with its login form.
     */
    private static final class KeycloakLogin {

        private final Browser browser;

        KeycloakLogin(Browser browser) {
            this.browser = browser;
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
            URI shown = URI.create(browser.driver().getCurrentUrl());
            assertThat(shown.getHost()).isEqualTo(KEYCLOAK.getHost());
            assertThat(shown.getPort()).isEqualTo(KEYCLOAK.getPort());
            assertThat(shown.getPath()).startsWith("/realms/remote-eval/");
        }

        void fillIn(String user, String password) {
            assertThat(URI.create(browser.driver().getCurrentUrl()).getPath()).isIn(AUTHORIZATION,
                    "/realms/remote-eval/login-actions/authenticate");
            username().clear();
            username().sendKeys(user);
            password().sendKeys(password);
        }

        void submit() {
            browser.driver().findElement(By.id("kc-login")).click();
        }

        /** Demo users' password is their user id. */
        void signIn(String user) {
            fillIn(user, user);
            submit();
            browser.waiting().until(d -> !d.getCurrentUrl().startsWith(KEYCLOAK.toString()));
        }

        String awaitError() {
            return browser.waiting().until(d -> d.findElements(By.id("input-error-username"))
                    .stream().filter(WebElement::isDisplayed).map(WebElement::getText).filter(text -> !text.isBlank())
                    .findFirst().orElse(null));
        }

        WebElement username() {
            return browser.driver().findElement(By.id("username"));
        }

        WebElement password() {
            return browser.driver().findElement(By.id("password"));
        }
    }

    private static List<String> awaitTasklistFilters(Browser browser) {
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters")));
        return browser.waiting().until(d -> {
            List<String> names = d.findElements(By.cssSelector(".task-filters .content h4 a")).stream()
                    .map(link -> link.getText().replaceAll("\\s*\\(?\\d+\\)?\\s*$", "").trim()).toList();
            return names.isEmpty() ? null : names;
        });
    }

    private static String accountShown(Browser browser) {
        return browser.waiting().until(d -> {
            String shown = d.findElement(By.cssSelector("li.account a.dropdown-toggle")).getText().strip();
            return shown.isEmpty() ? null : shown;
        });
    }

    /** Who the browser's session belongs to, as every webapp asks the application. */
    @SuppressWarnings("unchecked")
    private static String signedInUser(Browser browser) {
        Object answer = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/camunda/api/admin/auth/user/default', {headers: {Accept: 'application/json'}})"
                + ".then(r => r.json()).then(done, e => done({error: String(e)}));");
        return String.valueOf(((Map<String, Object>) answer).get("userId"));
    }

    /** Cockpit's first load on a busy machine can hang on its spinner; a person would reload the page. */
    private static void awaitCockpitDashboard(Browser browser) throws Exception {
        try {
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(DASHBOARD));
        } catch (TimeoutException e) {
            browser.step("cockpit-timeout");
            browser.driver().navigate().refresh();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(DASHBOARD));
        }
    }

    /**
     * A signed-out browser that asks for Chinese pages, as the province's staff's browsers do:
     * headless Chromium's {@code --lang} sets the interface language but not Accept-Language, which
     * is what Keycloak picks its login page's language by.
     */
    private static Browser browser(String steps) throws IOException {
        Browser browser = Browser.signedOut().steps(steps);
        try {
            browser.driver().executeCdpCommand("Network.enable", Map.of());
            browser.driver().executeCdpCommand("Network.setExtraHTTPHeaders",
                    Map.of("headers", Map.of("Accept-Language", "zh-CN,zh;q=0.9")));
            return browser;
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    private String app(String path) {
        // localhost for the application, 127.0.0.1 for Keycloak: two hosts, so their cookies never mix.
        return "http://localhost:" + port + path;
    }
}
