package org.legwatch.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.legwatch.analysis.scoring.NightStatistics;
import org.legwatch.host.store.NightRow;
import org.legwatch.host.store.StoredNight;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;

/**
 * The dashboard in a real browser: Debian's Chromium, headless, one browser for the whole class.
 * A dashboard without a token and one with a token run side by side on free ports of 127.0.0.1.
 */
class DashboardBrowserTest {
    static final String TOKEN = "browser-test-token-0123456789";
    static ChromeDriver browser;
    static TestDashboards dashboards;

    @BeforeAll
    static void start() throws Exception {
        dashboards = new TestDashboards(TOKEN);
        browser = Chromium.start(1280, 1000);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (dashboards != null) {
            dashboards.close();
        }
    }

    @Test
    void navigatesFromPatientsToPatientToNightAndBack() {
        browser.get(dashboards.open.url("/").toString());
        assertEquals("Patients · legwatch", browser.getTitle());
        WebElement row = browser.findElement(By.xpath("//tr[td/a[text()='" + SimulatedPatientStore.PATIENT + "']]"));
        assertTrue(row.getText().contains(SimulatedPatientStore.NAME), row.getText());

        clickThrough(row.findElement(By.linkText(SimulatedPatientStore.PATIENT)));
        assertEquals("Patient " + SimulatedPatientStore.PATIENT + " · legwatch", browser.getTitle());
        WebElement heading = browser.findElement(By.tagName("h1"));
        assertTrue(heading.getText().endsWith(SimulatedPatientStore.PATIENT + " - " + SimulatedPatientStore.NAME),
                heading.getText());
        assertTrue(heading.findElements(By.tagName("b")).isEmpty(), "the name's markup must be shown as text");
        assertTrue(browser.findElement(By.id("infusions")).getText().contains("IV 1:"));

        List<WebElement> nightLinks = browser.findElements(By.cssSelector("#nights-table td:first-child a"));
        assertTrue(nightLinks.size() > 80, "nights listed: " + nightLinks.size());
        String evening = nightLinks.get(0).getText();
        clickThrough(nightLinks.get(0));
        assertEquals("Night of " + evening + " · legwatch", browser.getTitle());

        clickThrough(browser.findElement(By.cssSelector("nav.pager")).findElements(By.tagName("a")).get(0));
        assertTrue(browser.getTitle().startsWith("Night of "), browser.getTitle());
        assertFalse(browser.getTitle().contains(evening), "the pager goes to another night");

        clickThrough(browser.findElement(By.linkText("Patient " + SimulatedPatientStore.PATIENT)));
        assertEquals("Patient " + SimulatedPatientStore.PATIENT + " · legwatch", browser.getTitle());
        browser.navigate().back();
        assertTrue(browser.getTitle().startsWith("Night of "));
        clickThrough(browser.findElement(By.linkText("legwatch")));
        assertEquals("Patients · legwatch", browser.getTitle());
    }

    @Test
    void patientChartsDrawEveryNightAndEachInfusion() throws Exception {
        List<NightRow> nights = dashboards.open.store.nights(SimulatedPatientStore.PATIENT);
        long valid = nights.stream().filter(NightRow::valid).count();
        browser.get(dashboards.open.url("/patients/" + SimulatedPatientStore.PATIENT).toString());
        WebElement trend = browser.findElement(By.cssSelector("svg#plmi-trend"));
        assertTrue(trend.getRect().getWidth() > 600, "the chart is drawn across the column: " + trend.getRect().getWidth());
        assertEquals(valid, items(trend, "valid night").size());
        assertEquals(nights.size() - valid, items(trend, "invalid night (not counted)").size());
        assertTrue(nights.size() > valid, "the test patient has invalid nights to show");
        WebElement course = browser.findElement(By.cssSelector("svg#course-1"));
        assertTrue(items(course, "baseline nights").size() >= 20);
        assertTrue(items(course, "response nights").size() >= 40);
        assertTrue(course.getRect().getWidth() > 300);
    }

    @Test
    void nightChartsDrawTheNightsMovements() throws Exception {
        NightRow row = dashboards.open.store.nights(SimulatedPatientStore.PATIENT).get(10);
        StoredNight night = dashboards.open.store.night(row.deviceId(), row.deviceNightId()).orElseThrow();
        NightStatistics s = night.summary().statistics();
        browser.get(dashboards.open.url(Links.night(SimulatedPatientStore.PATIENT, row.deviceId(), row.deviceNightId())).toString());
        List<WebElement> charts = browser.findElements(By.cssSelector("main svg"));
        assertEquals(3, charts.size(), "timeline, IMI histogram, movements by hour");
        WebElement timeline = charts.get(0);
        assertEquals(s.seriesCount(), items(timeline, "PLM series").size());
        assertEquals(s.plm().total() + s.plm().bilateral(), items(timeline, "PLM").size(), "a PLM of both legs shows on both");
        assertEquals(s.imiHistogram().stream().filter(c -> c > 0).count(), items(charts.get(1), "IMIs per 2 s bin").size());
        assertTrue(charts.get(2).findElements(By.cssSelector("[jfreesvg\\:ref*='PLMs']")).size() > 3);
        for (WebElement chart : charts) {
            assertTrue(chart.isDisplayed() && chart.getRect().getHeight() > 150, "drawn: " + chart.getRect());
        }
    }

    /**
     * Clicks a link or a form's button and returns once the browser has left the page: a click
     * returns when the click is done, and the navigation it starts may still be under way (a test
     * that read the title straight after a logout click once saw the page it had just left).
     */
    private static void clickThrough(WebElement target) {
        WebElement leaving = browser.findElement(By.tagName("html"));
        target.click();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                leaving.getTagName();
            } catch (StaleElementReferenceException left) {
                return; // the next command waits for the new page to finish loading
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page did not change within 10 s of clicking " + target);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** The marks of one series: JFreeSVG names each data item's group after its series. */
    private static List<WebElement> items(WebElement chart, String series) {
        return chart.findElements(By.cssSelector("[jfreesvg\\:ref*='\"seriesKey\": \"" + series + "\"']"));
    }

    @Test
    void styleSheetLoadsUnderTheContentSecurityPolicyAndNothingIsBlocked() {
        browser.manage().logs().get("browser"); // what earlier tests left in the console
        browser.get(dashboards.open.url("/patients/" + SimulatedPatientStore.PATIENT).toString());
        assertEquals("rgba(18, 50, 79, 1)", browser.findElement(By.cssSelector("header.bar")).getCssValue("background-color"));
        List<LogEntry> console = browser.manage().logs().get("browser").getAll();
        assertTrue(console.stream().noneMatch(e -> e.getMessage().contains("Content Security Policy")
                || e.getMessage().contains("Failed to load")), "the browser blocked or missed something: " + console);
    }

    @Test
    void unknownPatientShowsNotFound() {
        browser.get(dashboards.open.url("/patients/RLS-9999").toString());
        assertEquals("Not found", browser.findElement(By.tagName("h1")).getText());
    }

    @Test
    void screenshotsShowThePages() throws Exception {
        browser.get(dashboards.open.url("/patients/" + SimulatedPatientStore.PATIENT).toString());
        assertScreenshot("dashboard-patient.png");
        clickThrough(browser.findElements(By.cssSelector("#nights-table td:first-child a")).get(3));
        assertScreenshot("dashboard-night.png");
        browser.get(dashboards.open.url("/").toString());
        assertScreenshot("dashboard-patients.png");
    }

    /**
     * Takes a screenshot of the whole page (the window made as tall as the page, 1000 to 8000 px) into
     * target/ and checks it shows a page, not a blank or an error screen.
     */
    private static void assertScreenshot(String name) throws Exception {
        int height = Math.max(1000, Math.min(8000, browser.findElement(By.tagName("html")).getRect().getHeight()));
        browser.manage().window().setSize(new Dimension(1280, height));
        byte[] png;
        try {
            png = browser.getScreenshotAs(OutputType.BYTES);
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        Path file = Path.of("target", name);
        Files.createDirectories(file.getParent());
        Files.write(file, png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1280, image.getWidth(), name);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 40, name + " shows " + colours.size() + " colours: nearly blank");
    }

    @Test
    void tokenIsAskedForAndTheSessionCookieIsHttpOnlyAndStrict() {
        browser.get(dashboards.guarded.url("/patients/" + SimulatedPatientStore.PATIENT).toString());
        assertEquals("Log in · legwatch", browser.getTitle());
        browser.findElement(By.id("token")).sendKeys("not-the-token-at-all-sorry");
        clickThrough(browser.findElement(By.cssSelector("section.login button")));
        assertEquals("That is not the access token.", browser.findElement(By.cssSelector("p.warn")).getText());

        browser.findElement(By.id("token")).sendKeys(TOKEN);
        clickThrough(browser.findElement(By.cssSelector("section.login button")));
        assertEquals("Patient " + SimulatedPatientStore.PATIENT + " · legwatch", browser.getTitle(),
                "after login the browser returns to the page it asked for");
        Cookie session = browser.manage().getCookieNamed(DashboardServer.SESSION_COOKIE);
        assertTrue(session.isHttpOnly());
        assertEquals("Strict", session.getSameSite());
        assertFalse(session.getValue().contains(TOKEN), "the cookie must not carry the token itself");

        clickThrough(browser.findElement(By.cssSelector("header form.logout button")));
        assertEquals("Log in · legwatch", browser.getTitle());
        browser.get(dashboards.guarded.url("/").toString());
        assertEquals("Log in · legwatch", browser.getTitle());
    }
}
