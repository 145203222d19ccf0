package org.legwatch.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code legwatch serve} as a user runs it: a process that says where it listens and stops cleanly on a signal. */
class ServeCommandTest {

    @Test
    void listensSaysWhereAndStopsCleanlyOnTerm(@TempDir Path folder) throws Exception {
        String store = "sqlite:" + folder.resolve("serve.db");
        assertEquals(0, CliRunner.run("patient", "add", "RLS-7007", "--store", store).exitCode());
        Path err = folder.resolve("err.log");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                LegwatchCli.class.getName(), "serve", "--store", store, "--port", "0")
                .redirectError(err.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            String banner = out.readLine();
            Matcher url = Pattern.compile("legwatch dashboard on (http://127\\.0\\.0\\.1:\\d+/) .*Ctrl-C stops it").matcher(banner);
            assertTrue(url.matches(), banner);
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url.group(1) + "patients/RLS-7007")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("RLS-7007"));

            // SIGTERM, as systemd or kill sends it; Ctrl-C's SIGINT takes the same shutdown path, but a
            // test run started in the background (CI under a non-interactive shell) passes SIGINT on
            // ignored, and a JVM that starts with it ignored never sees it. Process.destroy would close
            // our end of its output first. Wait with a limit before reading, so a server that does not
            // stop fails the test instead of hanging the suite.
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(serve.pid())).start().waitFor());
            assertTrue(serve.waitFor(20, TimeUnit.SECONDS), "serve did not stop");
            assertEquals(List.of("dashboard stopped"), out.lines().toList());
        } finally {
            serve.destroyForcibly();
        }
        String log = Files.readString(err);
        assertTrue(log.contains("GET /patients/{patient} 200 "), log);
        assertFalse(log.contains("RLS-7007"), log);
    }

    @Test
    void refusesToListenBeyondThisComputerWithoutAToken(@TempDir Path folder) {
        CliRunner run = CliRunner.run("serve", "--store", "sqlite:" + folder.resolve("s.db"), "--bind", "0.0.0.0", "--port", "0");
        assertEquals(LegwatchCli.EXIT_INPUT, run.exitCode());
        assertTrue(run.err().contains("refusing to listen on 0.0.0.0") && run.err().contains("--token-file"), run.err());
    }

    @Test
    void saysSoWhenThePortIsTaken(@TempDir Path folder) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRunner run = CliRunner.run("serve", "--store", "sqlite:" + folder.resolve("s.db"), "--port",
                    Integer.toString(taken.getLocalPort()));
            assertEquals(LegwatchCli.EXIT_INPUT, run.exitCode());
            assertTrue(run.err().contains("cannot listen on 127.0.0.1 port " + taken.getLocalPort()), run.err());
        }
    }

    @Test
    void refusesATokenFileOthersCanRead(@TempDir Path folder) throws Exception {
        Path token = folder.resolve("token");
        Files.writeString(token, "a-long-enough-token-for-the-dashboard\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-rw-r--"));
        CliRunner run = CliRunner.run("serve", "--store", "sqlite:" + folder.resolve("s.db"), "--token-file", token.toString());
        assertEquals(LegwatchCli.EXIT_INPUT, run.exitCode());
        assertTrue(run.err().contains("chmod 600"), run.err());
    }
}
