package io.tidings.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * One person using the chat page in headless Chromium from the OS. The browser may only reach
 * loopback: every other host name resolves to nothing, and background services are off.
 */
public final class Browser implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(int width, int height, boolean phone) {
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .build();
        var options = new ChromeOptions().setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=" + width + "," + height,
                        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1");
        driver = new ChromeDriver(service, options);
        if (phone) {
            // --window-size cannot go below 500 px wide in headless Chromium; resizing afterwards can.
            driver.manage().window().setSize(new Dimension(width, height));
        }
        wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(100));
    }

    public static Browser desktop() {
        return new Browser(1280, 900, false);
    }

    public static Browser phone() {
        return new Browser(390, 844, true);
    }

    /** Opens the chat page and signs in with a guest nickname; waits until connected and in the lobby. */
    public Browser signIn(String name) {
        driver.get(Server.http("").toString());
        type(By.id("signin-name"), name);
        driver.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
        waitForState("open");
        waitForText(By.id("room-title"), "# lobby");
        return this;
    }

    /** Joins (or creates) a room through the page's form and waits until it is the active room. */
    public void join(String room) {
        WebElement toggle = driver.findElement(By.id("toggle-rooms"));
        if (toggle.isDisplayed() && !"true".equals(toggle.getAttribute("aria-expanded"))) {
            toggle.click(); // phone width: the form is in the rooms panel
            until(ExpectedConditions.elementToBeClickable(By.id("join-room")), "the rooms panel to open");
        }
        type(By.id("join-room"), room);
        driver.findElement(By.cssSelector("#join-form button[type=submit]")).click();
        waitForText(By.id("room-title"), "# " + room);
    }

    /** Types a message and sends it with Enter. */
    public void say(String text) {
        WebElement box = until(ExpectedConditions.elementToBeClickable(By.id("composer-text")), "the message box to be enabled");
        box.sendKeys(text);
        box.sendKeys(Keys.ENTER);
    }

    public void type(By field, String text) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
    }

    /** The texts of the messages shown in the active room, top to bottom. */
    public List<String> messages() {
        return texts("#timelines li.message .message-text");
    }

    /** The display names shown in the member list. */
    public List<String> members() {
        return texts("#member-list .member-name");
    }

    /** The text of every element matching a selector, read in one script so a re-render cannot interleave. */
    @SuppressWarnings("unchecked")
    public List<String> texts(String selector) {
        return (List<String>) script("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)", selector);
    }

    public void waitForState(String state) {
        until(d -> state.equals(d.findElement(By.id("status")).getAttribute("data-state")), "connection state " + state);
    }

    public void waitForText(By where, String text) {
        until(ExpectedConditions.textToBe(where, text), "'" + text + "' in " + where);
    }

    /** Waits for a condition; the message says what did not happen. */
    public <T> T until(Function<WebDriver, T> condition, String what) {
        try {
            return wait.withMessage(() -> "waited " + TIMEOUT + " for " + what).until(condition);
        } catch (TimeoutException e) {
            screenshot("failed-" + System.currentTimeMillis());
            throw e;
        }
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public WebDriver driver() {
        return driver;
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a screenshot to target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
