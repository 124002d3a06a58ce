package com.salescopilot.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium,
 * with the helpers the browser tests share: log in, wait for Vaadin to settle, screenshots into
 * {@code target/screenshots}, and the browser console's SEVERE entries.
 *
 * <p>Missing Chromium is an error, never a skip: {@code .ci/run} installs it, and locally
 * {@code apt-get install chromium chromium-driver} does.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;
    private final List<LogEntry> console = new ArrayList<>();

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /** Starts a fresh headless Chromium (new profile directory) for the server at {@code baseUrl}. */
    public static Browser start(String baseUrl) {
        Path chromium = executable("COPILOT_CHROMIUM", "/usr/bin/chromium");
        Path chromedriver = executable("COPILOT_CHROMEDRIVER", "/usr/bin/chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("copilot-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,768", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(TIMEOUT);
        return new Browser(driver, profile, baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    }

    private static Path executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        Path path = Path.of(configured == null || configured.isBlank() ? fallback : configured);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("The browser test needs " + path + " (Debian's chromium and chromium-driver"
                    + " of the same version): run `apt-get install -y chromium chromium-driver` (.ci/run does this),"
                    + " or point " + variable + " at it.");
        }
        return path;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the application ("/", "/login", "/sessions/12") and waits for Vaadin to settle. */
    public Browser open(String path) {
        driver.get(baseUrl + (path.startsWith("/") ? path : "/" + path));
        waitForVaadin();
        return this;
    }

    /** Remembers a UI language for the login page (the cookie its language picker sets) and reloads. */
    public Browser loginLanguage(String language) {
        if (!driver.getCurrentUrl().startsWith(baseUrl)) {
            open("/login");
        }
        driver.manage().addCookie(new Cookie("copilot-locale", language, "/"));
        driver.navigate().refresh();
        waitForVaadin();
        return this;
    }

    /** Logs in through the Vaadin login form and waits until the browser has left the login page. */
    public Browser login(String username, String password) {
        if (!driver.getCurrentUrl().contains("/login")) {
            open("/login");
        }
        WebElement user = waitFor("vaadin-login-form input[name='username']");
        user.clear();
        user.sendKeys(username);
        WebElement pass = find("vaadin-login-form input[name='password']");
        pass.clear();
        pass.sendKeys(password);
        find("vaadin-login-form vaadin-button").click();
        new WebDriverWait(driver, TIMEOUT)
                .withMessage(() -> "still on the login page after logging in as " + username + ": " + driver.getCurrentUrl())
                .until(d -> !d.getCurrentUrl().contains("/login"));
        waitForVaadin();
        return this;
    }

    /** Forgets the session (cookies), so that the next {@link #login} starts from the login page. */
    public Browser logoutByCookies() {
        driver.manage().deleteAllCookies();
        return this;
    }

    /** Waits until the page is loaded and no Vaadin Flow client has a request or navigation in flight. */
    public Browser waitForVaadin() {
        new WebDriverWait(driver, TIMEOUT).withMessage("Vaadin did not settle").until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("""
                        if (document.readyState !== 'complete') return false;
                        const flow = window.Vaadin && window.Vaadin.Flow;
                        if (!flow || !flow.clients) return true;
                        return Object.values(flow.clients)
                            .every(c => !(c && typeof c.isActive === 'function' && c.isActive()));
                        """)));
        return this;
    }

    public WebElement waitFor(String css) {
        return new WebDriverWait(driver, TIMEOUT)
                .withMessage(() -> "no element '" + css + "' on " + driver.getCurrentUrl())
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public boolean exists(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public String currentPath() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /** Saves a screenshot of the viewport to {@code target/screenshots/NAME.png} and returns its path. */
    public Path screenshot(String name) {
        waitForVaadin();
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTP status of a GET the page itself makes (same origin, with the browser's session cookie). */
    public int fetchStatus(String path) {
        Object status = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
                    .then(r => done(r.status), e => done(-1));
                """, path);
        return ((Number) status).intValue();
    }

    /** Reads and forgets what the browser console has logged so far. */
    public List<String> drainConsole() {
        List<String> all = new ArrayList<>(console.stream().map(e -> e.getLevel() + " " + e.getMessage()).toList());
        driver.manage().logs().get(LogType.BROWSER).getAll().forEach(e -> all.add(e.getLevel() + " " + e.getMessage()));
        console.clear();
        return all;
    }

    /** The browser console's SEVERE entries since the browser started (JavaScript errors, failed loads). */
    public List<String> severeConsoleEntries() {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        return console.stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    /** Fails with the console's SEVERE entries, if there are any. */
    public void assertNoSevereConsoleErrors() {
        List<String> severe = severeConsoleEntries();
        if (!severe.isEmpty()) {
            throw new AssertionError("The browser console has SEVERE entries:\n  " + String.join("\n  ", severe));
        }
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public Map<String, Object> capabilities() {
        return driver.getCapabilities().asMap();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory; the OS cleans it eventually
            }
        }
    }
}
