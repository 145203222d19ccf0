package org.legwatch.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every conformance list (scored independently by PLMScoRe, see conformance/README.md) scored by
 * {@code legwatch score} must match its expected file row for row, byte for byte.
 */
class ConformanceTest {
    @TempDir
    Path temp;

    static Path conformanceRoot() throws URISyntaxException {
        return Path.of(ConformanceTest.class.getResource("/conformance/README.md").toURI()).getParent();
    }

    static Stream<Path> inputs() throws IOException, URISyntaxException {
        List<Path> all;
        try (Stream<Path> files = Files.walk(conformanceRoot())) {
            all = files.filter(p -> p.getParent().getFileName().toString().equals("input"))
                    .filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        return all.stream();
    }

    @Test
    void allVectorsArePresent() throws Exception {
        assertEquals(41, inputs().count(), "40 WASM 2016 lists and one real night");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void scoredListMatchesReference(Path input) throws IOException {
        Path expected = input.getParent().resolveSibling("expected").resolve(input.getFileName());
        Path out = temp.resolve("scored.csv");
        CliRunner result = CliRunner.run("score", "--lms", input.toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        List<String> want = Files.readAllLines(expected);
        List<String> got = Files.readAllLines(out);
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            assertEquals(want.get(i), got.get(i), input.getFileName() + " line " + (i + 1));
        }
        assertEquals(want.size(), got.size(), "number of rows");
    }

    @Test
    void realNightHas387Plms() throws Exception {
        Path input = conformanceRoot().resolve("real-onsets/input/gmpda_some_real_ts.csv");
        Path out = temp.resolve("real.csv");
        CliRunner result = CliRunner.run("score", "--lms", input.toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        long plms = Files.readAllLines(out).stream().skip(1).filter(line -> line.endsWith(",1")).count();
        assertEquals(387, plms);
        assertTrue(result.out().contains("387 PLM"), result.out());
    }
}
