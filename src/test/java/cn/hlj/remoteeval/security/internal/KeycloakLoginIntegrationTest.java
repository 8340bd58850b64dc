package cn.hlj.remoteeval.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The keycloak profile against a real Keycloak ({@code .ci/keycloak-up}, realm
 * {@code config/keycloak/remote-eval-realm.json}): bearer tokens from the password grant for the
 * API and the engine REST API, and the authorization code login of the webapps, followed like a
 * browser. Its context is that of every Keycloak test ({@link KeycloakIntegrationTest}).
 */
@KeycloakIntegrationTest
class KeycloakLoginIntegrationTest {

    static final String KEYCLOAK = KeycloakIntegrationTest.KEYCLOAK;
    static final String REALM = KeycloakIntegrationTest.REALM;
    /** The test-only secret of the shipped test realm. */
    static final String CLIENT_SECRET = "remote-eval-test-secret-NOT-FOR-PRODUCTION";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern SECURE = Pattern.compile("(?i);\\s*Secure(?=;|$)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    private final HttpClient anonymous = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    // --- /api and /engine-rest: JWT bearer tokens ---

    @ParameterizedTest
    @ValueSource(strings = { "/api/centers", "/api/tenders/any", "/engine-rest/process-definition", "/engine-rest/task",
            "/actuator/prometheus" })
    void anonymousCallsAreUnauthorizedWithAProblem(String path) throws Exception {
        HttpResponse<String> response = get(path, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).as("%s %s", response.headers().map(), response.body()).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("需要登录");
    }

    @Test
    void aForgedOrForeignTokenIsUnauthorized() throws Exception {
        String token = token("staff-hrb");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThat(get("/api/centers", forged).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/task", "not-a-jwt").statusCode()).isEqualTo(401);
    }

    @Test
    void staffTokenReadsTheApi() throws Exception {
        HttpResponse<String> centers = get("/api/centers", token("staff-hrb"));

        assertThat(centers.statusCode()).isEqualTo(200);
        assertThat(centers.body()).contains("HRB");
    }

    @Test
    void staffTokenIsForbiddenOnOperatorOnlyEndpoints() throws Exception {
        String staff = token("staff-hrb");

        HttpResponse<String> metrics = get("/actuator/prometheus", staff);
        HttpResponse<String> audit = get("/api/audit/tenders/any", staff);
        HttpResponse<String> outbox = get("/api/sms-outbox", staff);

        assertThat(metrics.statusCode()).isEqualTo(403);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(audit.statusCode()).isEqualTo(403);
        assertThat(outbox.statusCode()).isEqualTo(403);
    }

    @Test
    void operatorTokenReachesOperatorEndpointsAndTheEngine() throws Exception {
        String operator = token("demo");

        assertThat(get("/actuator/prometheus", operator).statusCode()).isEqualTo(200);
        assertThat(get("/api/sms-outbox", operator).statusCode()).isEqualTo(200);
        HttpResponse<String> definitions = get("/engine-rest/process-definition", operator);
        assertThat(definitions.statusCode()).isEqualTo(200);
        assertThat(definitions.body()).contains("\"key\":");
    }

    @Test
    void tendererTokenSeesNothingOfTheEngineItIsNotAuthorizedFor() throws Exception {
        String tenderer = token("tenderer");

        for (String path : new String[] { "/engine-rest/deployment", "/engine-rest/history/variable-instance",
                "/engine-rest/incident", "/engine-rest/authorization" }) {
            HttpResponse<String> response = get(path, tenderer);
            assertThat(response.statusCode()).as(path).isIn(200, 403);
            if (response.statusCode() == 200) {
                assertThat(response.body()).as(path).isEqualTo("[]");
            }
        }
        // At most their own user record and their own group (where the identity store holds them).
        for (String path : new String[] { "/engine-rest/user", "/engine-rest/group" }) {
            HttpResponse<String> own = get(path, tenderer);
            assertThat(own.statusCode()).as(path).isIn(200, 403);
            if (own.statusCode() == 200) {
                assertThat(JSON.readTree(own.body()).findValuesAsText("id")).as(path).allMatch("tenderer"::equals);
            }
        }
        // The operator, by contrast, sees the engine's deployments: the token's roles reach the engine.
        assertThat(get("/engine-rest/deployment", token("demo")).body()).isNotEqualTo("[]");
    }

    // --- the webapps: authorization code login through Keycloak's login page ---

    @Test
    void anonymousTasklistIsSentToKeycloaksLoginPage() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> page = browser.get(app("/camunda/app/tasklist/"));

        assertThat(page.uri().toString()).startsWith(REALM + "/protocol/openid-connect/auth");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(FORM_ACTION.matcher(page.body()).find()).isTrue();
    }

    @Test
    void anonymousBackgroundCallsOfTheWebappsAreUnauthorizedNotRedirected() throws Exception {
        HttpResponse<String> response = get("/camunda/api/engine/engine/default/task", null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void staffLogsInAtKeycloakAndLandsInTasklistAsThemselves() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> tasklist = browser.login(app("/camunda/app/tasklist/"), "staff-hrb");

        assertThat(tasklist.statusCode()).as("%s %s %s", tasklist.uri(), tasklist.headers().map(), tasklist.body()).isEqualTo(200);
        assertThat(tasklist.uri().toString()).as(chain(tasklist)).startsWith(app("/camunda/app/tasklist/"));
        HttpResponse<String> user = browser.get(app("/camunda/api/admin/auth/user/default"));
        assertThat(user.statusCode()).as("%s %s", user.headers().map(), user.body()).isEqualTo(200);
        JsonNode me = JSON.readTree(user.body());
        assertThat(me.path("userId").asText()).isEqualTo("staff-hrb");
        assertThat(me.path("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit")
                .doesNotContain("admin");
        // Tasklist and Cockpit show people by the names Keycloak holds.
        User known = identity.createUserQuery().userId("staff-hrb").singleResult();
        assertThat(known.getLastName() + known.getFirstName()).isEqualTo("李秀英");
        assertThat(identity.createGroupQuery().groupMember("staff-hrb").list()).extracting(Group::getId)
                .containsExactly("staff-HRB");
    }

    @Test
    void theWebappsNeverOfferTheirFirstAdministratorSetup() throws Exception {
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").count()).isPositive();
        Browser browser = new Browser();

        HttpResponse<String> tasklist = browser.login(app("/camunda/app/tasklist/"), "supervisor-dxal");
        HttpResponse<String> setup = browser.post(app("/camunda/api/admin/setup/default/user/create"));

        assertThat(tasklist.uri().toString()).doesNotContain("setup");
        assertThat(setup.statusCode()).isEqualTo(403);
    }

    @Test
    void onlyOperatorsOpenCockpitAndAdmin() throws Exception {
        Browser staff = new Browser();
        staff.login(app("/camunda/app/tasklist/"), "supervisor-hrb");
        Browser operator = new Browser();
        operator.login(app("/camunda/app/cockpit/"), "demo");

        for (String path : new String[] { "/camunda/app/cockpit/", "/camunda/app/admin/",
                "/camunda/api/cockpit/plugin/base/default/process-definition/statistics", "/camunda/api/admin/setup/default/user/create" }) {
            assertThat(staff.get(app(path)).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(operator.get(app("/camunda/app/cockpit/")).statusCode()).isEqualTo(200);
        assertThat(operator.get(app("/camunda/app/admin/")).statusCode()).isEqualTo(200);
        JsonNode me = JSON.readTree(operator.get(app("/camunda/api/admin/auth/user/default")).body());
        assertThat(me.path("userId").asText()).isEqualTo("demo");
        assertThat(me.path("authorizedApps").toString()).contains("cockpit").contains("admin");
    }

    @Test
    void camundasOwnPasswordLoginIsClosed() throws Exception {
        Browser staff = new Browser();
        staff.login(app("/camunda/app/tasklist/"), "staff-qqhr");
        String login = app("/camunda/api/admin/auth/user/default/login/cockpit");

        HttpResponse<String> asSomebodyElse = staff.post(login, Map.of("username", "demo", "password", "demo"));
        HttpResponse<String> anonymously = new Browser().post(login, Map.of("username", "demo", "password", "demo"));

        assertThat(asSomebodyElse.statusCode()).isEqualTo(403);
        assertThat(anonymously.statusCode()).isEqualTo(401);
        JsonNode me = JSON.readTree(staff.get(app("/camunda/api/admin/auth/user/default")).body());
        assertThat(me.path("userId").asText()).isEqualTo("staff-qqhr");
    }

    @Test
    void loggingOutOfTheWebappsEndsTheKeycloakSessionToo() throws Exception {
        Browser browser = new Browser();
        browser.login(app("/camunda/app/tasklist/"), "supervisor-qqhr");

        HttpResponse<String> logout = browser.post(app("/camunda/api/admin/auth/user/default/logout"));
        HttpResponse<String> again = browser.get(app("/camunda/app/tasklist/"));

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(again.uri().toString()).startsWith(REALM + "/protocol/openid-connect/auth");
        assertThat(FORM_ACTION.matcher(again.body()).find()).as("a new login, not a silent one").isTrue();
    }

    // --- helpers ---

    private static String chain(HttpResponse<?> response) {
        StringBuilder out = new StringBuilder();
        for (HttpResponse<?> r = response; r != null; r = r.previousResponse().orElse(null)) {
            out.insert(0, r.statusCode() + " " + r.uri() + " -> " + r.headers().firstValue("Location").orElse("") + "\n");
        }
        return out.toString();
    }

    private String app(String path) {
        // localhost for the application, 127.0.0.1 for Keycloak: two hosts, so their cookies never mix.
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app(path))).GET().timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return anonymous.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An access token for a user of the test realm (password = user id), by the password grant. */
    private String token(String user) throws Exception {
        HttpResponse<String> response = anonymous.send(HttpRequest.newBuilder(URI.create(REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "password", "client_id", "remote-eval", "client_secret", CLIENT_SECRET,
                        "username", user, "password", user, "scope", "openid")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("password grant for %s: %s", user, response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    /**
     * Keycloak marks its cookies {@code Secure} even over http. Browsers treat 127.0.0.1 and localhost
     * as secure origins and send them back; Java's cookie manager does so over https only. This one
     * behaves like a browser, for loopback hosts only.
     */
    private static final class LoopbackCookies extends CookieHandler {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return cookies.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            Map<String, List<String>> headers = new HashMap<>();
            responseHeaders.forEach((name, values) -> headers.put(name, name != null && loopback
                    && name.equalsIgnoreCase("Set-Cookie")
                            ? values.stream().map(value -> SECURE.matcher(value).replaceAll("")).toList()
                            : values));
            cookies.put(uri, headers);
        }
    }

    /** Follows redirects and keeps cookies, as a browser does. */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url) throws Exception {
            return post(url, Map.of());
        }

        /** A background call of a webapp, as a form post. */
        HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                    .header("X-Requested-With", "XMLHttpRequest").header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(30)).POST(form(fields)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Opens {@code url}, fills in Keycloak's login form and lands where the application sends the user. */
        HttpResponse<String> login(String url, String user) throws Exception {
            HttpResponse<String> loginPage = get(url);
            Matcher action = FORM_ACTION.matcher(loginPage.body());
            assertThat(action.find()).as("Keycloak's login form at %s", loginPage.uri()).isTrue();
            HttpResponse<String> landed = http.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(30))
                    .POST(form(Map.of("username", user, "password", user, "credentialId", "")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(landed.uri().toString()).as("after logging in as %s", user).doesNotStartWith(KEYCLOAK);
            return landed;
        }
    }
}
