package org.legwatch.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.host.store.NightRow;

/** The dashboard over HTTP: status codes, headers, escaping, the token, the Host check and the log. */
class DashboardHttpTest {
    static final String TOKEN = "http-test-token-abcdefghijklmnop";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static TestDashboards dashboards;

    @BeforeAll
    static void start() throws Exception {
        dashboards = new TestDashboards(TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        dashboards.close();
    }

    static HttpResponse<String> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(URI uri, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static NightRow firstNight(TestDashboard dashboard) throws Exception {
        return dashboard.store.nights(SimulatedPatientStore.PATIENT).get(0);
    }

    @Test
    void pagesAnswerWithSecurityHeadersAndNoExternalResources() throws Exception {
        NightRow night = firstNight(dashboards.open);
        for (String path : List.of("/", "/patients/" + SimulatedPatientStore.PATIENT,
                Links.night(SimulatedPatientStore.PATIENT, night.deviceId(), night.deviceNightId()))) {
            HttpResponse<String> page = get(dashboards.open.url(path));
            assertEquals(200, page.statusCode(), path);
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(DashboardServer.CONTENT_SECURITY_POLICY, page.headers().firstValue("Content-Security-Policy").orElseThrow());
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
            assertFalse(Pattern.compile("(src|href|action)=\"(https?:)?//").matcher(page.body()).find(),
                    path + " refers to another site");
            assertFalse(page.body().contains("<script"), path + " has a script");
        }
        assertEquals("text/css; charset=utf-8", get(dashboards.open.url("/dashboard.css")).headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void everyValueIsEscaped() throws Exception {
        for (String path : List.of("/", "/patients/" + SimulatedPatientStore.PATIENT)) {
            String body = get(dashboards.open.url(path)).body();
            assertTrue(body.contains("Ann &lt;b&gt;O&#39;Hara&lt;/b&gt; &amp; &quot;Co&quot;"), path);
            assertFalse(body.contains("<b>O'Hara"), path);
        }
        String patient = get(dashboards.open.url("/patients/" + SimulatedPatientStore.PATIENT)).body();
        String escaped = "ropinirole &lt;i&gt;reduced&lt;/i&gt; &amp; held";
        int trendStart = patient.indexOf("<svg id='plmi-trend'");
        String trend = patient.substring(trendStart, patient.indexOf("</svg>", trendStart));
        assertTrue(trend.contains(escaped), "the medication change labels its line in the chart");
        assertTrue(patient.substring(patient.indexOf("id=\"therapy-table\"")).contains(escaped), "and its table row");
        assertFalse(patient.contains("<i>reduced"));
    }

    @Test
    void statusCodesSayWhatIsWrong() throws Exception {
        NightRow night = firstNight(dashboards.open);
        assertEquals(404, get(dashboards.open.url("/patients/RLS-9999")).statusCode());
        assertEquals(404, get(dashboards.open.url("/nowhere")).statusCode());
        assertEquals(404, get(dashboards.open.url(Links.night(SimulatedPatientStore.PATIENT, night.deviceId(), "no-such-night"))).statusCode());
        assertEquals(404, get(dashboards.open.url(Links.night("RLS-0001", night.deviceId(), night.deviceNightId()))).statusCode(),
                "a night is found only under its own patient");
        assertEquals(400, get(dashboards.open.url("/patients/bad%20id")).statusCode());
        assertEquals(400, rawStatus(dashboards.open.server.address().getPort(), "localhost", "/patients/%ZZ"));
        assertEquals(400, get(dashboards.open.url("/patients/" + SimulatedPatientStore.PATIENT + "?from=yesterday")).statusCode());
        HttpResponse<String> posted = post(dashboards.open.url("/"), "a=1");
        assertEquals(405, posted.statusCode());
        assertEquals("GET, HEAD", posted.headers().firstValue("Allow").orElseThrow());
        HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(dashboards.open.url("/")).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        assertEquals(404, get(dashboards.open.url("/login")).statusCode(), "no login form without a token");
    }

    @Test
    void onLoopbackOnlyLoopbackHostNamesAreAnswered() throws Exception {
        int port = dashboards.open.server.address().getPort();
        assertEquals(200, rawStatus(port, "localhost:" + port, "/"));
        assertEquals(200, rawStatus(port, "127.0.0.1:" + port, "/"));
        assertEquals(400, rawStatus(port, "attacker.example:" + port, "/"), "a DNS name rebound to 127.0.0.1");
        assertEquals(400, rawStatus(port, "localhost.attacker.example", "/"));
    }

    /** A request with a Host header and path of our choosing (the JDK's HttpClient checks both). */
    private static int rawStatus(int port, String host, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().findFirst().orElseThrow();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void withATokenRequestsNeedIt() throws Exception {
        URI patient = dashboards.guarded.url("/patients/" + SimulatedPatientStore.PATIENT);
        HttpResponse<String> refused = get(patient);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
        assertFalse(refused.body().contains("O&#39;Hara"), "nothing of the patient without the token");
        assertEquals(401, get(patient, "Authorization", "Bearer " + TOKEN.substring(1)).statusCode());
        assertEquals(401, get(patient, "Authorization", "Basic " + TOKEN).statusCode());
        assertEquals(200, get(patient, "Authorization", "Bearer " + TOKEN).statusCode());
        assertEquals(200, get(dashboards.guarded.url("/dashboard.css")).statusCode(), "the style sheet holds no patient data");

        assertEquals(401, post(dashboards.guarded.url("/login"), "token=wrong-token-wrong-token&next=/").statusCode());
        HttpResponse<String> login = post(dashboards.guarded.url("/login"), "token=" + TOKEN + "&next=%2Fpatients%2F"
                + SimulatedPatientStore.PATIENT);
        assertEquals(303, login.statusCode());
        assertEquals("/patients/" + SimulatedPatientStore.PATIENT, login.headers().firstValue("Location").orElseThrow());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        assertEquals(200, get(patient, "Cookie", cookie.substring(0, cookie.indexOf(';'))).statusCode());
        assertEquals(401, get(patient, "Cookie", DashboardServer.SESSION_COOKIE + "=forged").statusCode());

        HttpResponse<String> away = post(dashboards.guarded.url("/login"), "token=" + TOKEN + "&next=%2F%2Fattacker.example%2F");
        assertEquals("/", away.headers().firstValue("Location").orElseThrow(), "login never sends the browser elsewhere");
    }

    @Test
    void bindingBeyondThisComputerNeedsAToken() throws Exception {
        InetAddress everywhere = InetAddress.getByName("0.0.0.0");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new TestDashboard(everywhere, Optional.empty()));
        assertTrue(refused.getMessage().contains("--token-file"), refused.getMessage());
        try (TestDashboard exposed = new TestDashboard(everywhere, Optional.of(new AccessToken(TOKEN)))) {
            URI page = URI.create("http://127.0.0.1:" + exposed.server.address().getPort() + "/");
            assertEquals(401, get(page).statusCode());
            assertEquals(200, get(page, "Authorization", "Bearer " + TOKEN).statusCode());
        }
    }

    @Test
    void tokenFileMustBeTheOwnersAlone(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("token");
        Files.writeString(file, TOKEN + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IOException readable = assertThrows(IOException.class, () -> AccessToken.read(file));
        assertTrue(readable.getMessage().contains("chmod 600"), readable.getMessage());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertTrue(AccessToken.read(file).matches(TOKEN));
        Files.writeString(file, "short\n");
        assertThrows(IOException.class, () -> AccessToken.read(file));
    }

    @Test
    void theLogNamesRoutesAndStatusesButNoPatient() throws Exception {
        try (TestDashboard logged = new TestDashboard(Optional.empty())) {
            NightRow night = firstNight(logged);
            get(logged.url("/"));
            get(logged.url("/patients/" + SimulatedPatientStore.PATIENT));
            get(logged.url(Links.night(SimulatedPatientStore.PATIENT, night.deviceId(), night.deviceNightId())));
            get(logged.url("/patients/RLS-9999"));
            logged.store.close(); // every page now fails inside the store: the failure is logged too
            assertEquals(500, get(logged.url("/patients/" + SimulatedPatientStore.PATIENT)).statusCode());
            String log = logged.log();
            assertTrue(log.contains("GET /patients/{patient} 200 "), log);
            assertTrue(log.contains("GET /patients/{patient}/nights/{device}/{night} 200 "), log);
            assertTrue(log.contains("GET /patients/{patient} 404 "), log);
            assertTrue(log.contains("GET /patients/{patient} 500 "), log);
            assertTrue(log.contains("failed: "), log);
            for (String secret : List.of(SimulatedPatientStore.PATIENT, "RLS-9999", "O'Hara", night.deviceNightId(),
                    night.deviceId())) {
                assertFalse(log.contains(secret), "the log shows " + secret + ":\n" + log);
            }
        }
    }
}
