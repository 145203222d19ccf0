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
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
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
    static TestDashboard open;
    static TestDashboard guarded;

    @BeforeAll
    static void start() throws Exception {
        open = new TestDashboard(Optional.empty());
        guarded = new TestDashboard(Optional.of(new AccessToken(TOKEN)));
        browser = Chromium.start(1280, 1000);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (open != null) {
            open.close();
        }
        if (guarded != null) {
            guarded.close();
        }
    }

    @Test
    void navigatesFromPatientsToPatientToNightAndBack() {
        browser.get(open.url("/").toString());
        assertEquals("Patients · legwatch", browser.getTitle());
        WebElement row = browser.findElement(By.xpath("//tr[td/a[text()='" + SimulatedPatientStore.PATIENT + "']]"));
        assertTrue(row.getText().contains(SimulatedPatientStore.NAME), row.getText());

        row.findElement(By.linkText(SimulatedPatientStore.PATIENT)).click();
        WebElement heading = browser.findElement(By.tagName("h1"));
        assertEquals("Patient " + SimulatedPatientStore.PATIENT + " " + SimulatedPatientStore.NAME, heading.getText());
        assertTrue(heading.findElements(By.tagName("b")).isEmpty(), "the name's markup must be shown as text");
        assertTrue(browser.findElement(By.cssSelector("section.infusions")).getText().contains("Infusion 1: 2024-03-04"));

        List<WebElement> nightLinks = browser.findElements(By.cssSelector("section.nights td:first-child a"));
        assertTrue(nightLinks.size() > 80, "nights listed: " + nightLinks.size());
        String evening = nightLinks.get(0).getText();
        nightLinks.get(0).click();
        assertEquals("Night of " + evening + " · legwatch", browser.getTitle());
        assertTrue(browser.findElement(By.cssSelector("section.overview")).getText().contains("PLM index"));

        browser.findElement(By.cssSelector("nav.pager")).findElements(By.tagName("a")).get(0).click();
        assertTrue(browser.getTitle().startsWith("Night of "), browser.getTitle());
        assertFalse(browser.getTitle().contains(evening), "the pager goes to another night");

        browser.findElement(By.linkText("Patient " + SimulatedPatientStore.PATIENT)).click();
        assertEquals("Patient " + SimulatedPatientStore.PATIENT + " · legwatch", browser.getTitle());
        browser.navigate().back();
        assertTrue(browser.getTitle().startsWith("Night of "));
        browser.findElement(By.linkText("legwatch")).click();
        assertEquals("Patients · legwatch", browser.getTitle());
    }

    @Test
    void styleSheetLoadsUnderTheContentSecurityPolicyAndNothingIsBlocked() {
        browser.manage().logs().get("browser"); // what earlier tests left in the console
        browser.get(open.url("/patients/" + SimulatedPatientStore.PATIENT).toString());
        assertEquals("rgba(18, 50, 79, 1)", browser.findElement(By.cssSelector("header.bar")).getCssValue("background-color"));
        List<LogEntry> console = browser.manage().logs().get("browser").getAll();
        assertTrue(console.stream().noneMatch(e -> e.getMessage().contains("Content Security Policy")
                || e.getMessage().contains("Failed to load")), "the browser blocked or missed something: " + console);
    }

    @Test
    void unknownPatientShowsNotFound() {
        browser.get(open.url("/patients/RLS-9999").toString());
        assertEquals("Not found", browser.findElement(By.tagName("h1")).getText());
    }

    @Test
    void screenshotsShowThePages() throws Exception {
        browser.get(open.url("/patients/" + SimulatedPatientStore.PATIENT).toString());
        assertScreenshot("dashboard-patient.png");
        browser.findElements(By.cssSelector("section.nights td:first-child a")).get(3).click();
        assertScreenshot("dashboard-night.png");
        browser.get(open.url("/").toString());
        assertScreenshot("dashboard-patients.png");
    }

    /** Takes a screenshot into target/ and checks it shows a page, not a blank or an error screen. */
    private static void assertScreenshot(String name) throws Exception {
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
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
        browser.get(guarded.url("/patients/" + SimulatedPatientStore.PATIENT).toString());
        assertEquals("Log in · legwatch", browser.getTitle());
        browser.findElement(By.id("token")).sendKeys("not-the-token-at-all-sorry");
        browser.findElement(By.cssSelector("section.login button")).click();
        assertEquals("That is not the access token.", browser.findElement(By.cssSelector("p.warn")).getText());

        browser.findElement(By.id("token")).sendKeys(TOKEN);
        browser.findElement(By.cssSelector("section.login button")).click();
        assertEquals("Patient " + SimulatedPatientStore.PATIENT + " · legwatch", browser.getTitle(),
                "after login the browser returns to the page it asked for");
        Cookie session = browser.manage().getCookieNamed(DashboardServer.SESSION_COOKIE);
        assertTrue(session.isHttpOnly());
        assertEquals("Strict", session.getSameSite());
        assertFalse(session.getValue().contains(TOKEN), "the cookie must not carry the token itself");

        browser.findElement(By.cssSelector("header form.logout button")).click();
        assertEquals("Log in · legwatch", browser.getTitle());
        browser.get(guarded.url("/").toString());
        assertEquals("Log in · legwatch", browser.getTitle());
    }
}
