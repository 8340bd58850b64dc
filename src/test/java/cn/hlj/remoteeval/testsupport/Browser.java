package cn.hlj.remoteeval.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, never a downloaded browser. Either every
 * request carries HTTP Basic credentials of a demo account ({@link #as}), or the browser starts signed
 * out and signs in through the real login page ({@link #signedOut}, {@link #signIn}). Every step can be
 * kept as a screenshot under {@code target/browser-artifacts/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path ARTIFACTS = Path.of("target", "browser-artifacts");
    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String CHROMIUM = System.getProperty("remote-eval.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("remote-eval.test.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private Path steps = ARTIFACTS;
    private int step;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh browser profile whose every request carries the given demo account's HTTP Basic credentials. */
    public static Browser as(String user) throws IOException {
        Browser browser = signedOut();
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + basic)));
        return browser;
    }

    /** A fresh browser profile with no credentials at all, as a person opens the application. */
    public static Browser signedOut() throws IOException {
        Path profile = Files.createTempDirectory("remote-eval-chromium-");
        // Headless Chromium ignores --lang for navigator.languages and Accept-Language; --accept-lang sets both,
        // so the pages see the Chinese browser the people here use.
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--lang=zh-CN", "--accept-lang=zh-CN,zh", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
        return new Browser(driver, profile);
    }

    /**
     * Signs in through the login page as the given demo account (password = user id) and waits for
     * the page the login sends people to; keeps both pages as steps.
     */
    public Browser signIn(String baseUrl, String user) throws IOException {
        driver.get(baseUrl + "/login.html");
        return signInOnThisPage(user);
    }

    /** Signs in on the login page the browser shows now, wherever it was sent there from. */
    public Browser signInOnThisPage(String user) throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        step("login-" + user);
        driver.findElement(By.id("submit")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    /** From now on {@link #step} keeps its screenshots in {@code target/browser-artifacts/<folder>/}, numbered. */
    public Browser steps(String folder) {
        this.steps = ARTIFACTS.resolve(folder);
        this.step = 0;
        return this;
    }

    /**
     * Keeps what the page shows now as {@code <nn>-<name>.png} in the steps folder, and its DOM next to
     * it as {@code .html}, so that a failing step can be read afterwards.
     */
    public Path step(String name) throws IOException {
        Files.createDirectories(steps);
        String file = String.format("%02d-%s", ++step, name);
        Files.writeString(steps.resolve(file + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        Path png = steps.resolve(file + ".png");
        Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
        return png;
    }

    /** The browser console's messages since the last call, one a line, for a failing step's diagnosis. */
    public String console() {
        StringBuilder lines = new StringBuilder();
        driver.manage().logs().get("browser").forEach(entry -> lines.append(entry).append('\n'));
        return lines.toString();
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Waits on the page; an element replaced while the condition reads it (a page redraws its list after
     * each change) is looked for again instead of failing the step. Chromium sometimes reports such an element
     * as an inspector error ("Node with given id does not belong to the document") instead of a stale reference.
     */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE) {
            @Override
            public <V> V until(java.util.function.Function<? super WebDriver, V> condition) {
                return super.until(page -> {
                    try {
                        return condition.apply(page);
                    } catch (WebDriverException e) {
                        if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                            return null;
                        }
                        throw e;
                    }
                });
            }
        };
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Keeps what the page shows now as {@code target/browser-artifacts/<name>.png}. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(ARTIFACTS);
        Path file = ARTIFACTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
