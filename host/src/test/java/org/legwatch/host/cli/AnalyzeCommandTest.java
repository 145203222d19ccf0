package org.legwatch.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnalyzeCommandTest {
    private static final LocalDate DAY0 = LocalDate.of(2024, 3, 4);
    private static final String NIGHTS_HEADER = "patient,date,plmi,plm_count,time_in_bed_h,periodicity_index,valid\n";
    private static final String THERAPY_HEADER = "patient,date,kind,detail,value,unit\n";
    private static final List<String> CONTRACT_KEYS = List.of("date", "baseline_nights", "response_nights", "baseline_median",
            "response_median", "change_pct", "ci_low", "ci_high", "p_value", "responder", "rule");

    @TempDir
    Path temp;

    private Path write(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    /** A responds (40 -> 10 /h from day 20), B has only 5 baseline nights, C has a therapy record and no nights. */
    private static String nights() {
        StringBuilder csv = new StringBuilder(NIGHTS_HEADER);
        SplittableRandom r = new SplittableRandom(1);
        for (int day = -40; day <= 120; day++) {
            double plmi = (day >= 20 ? 10 : 40) + 2 * r.nextGaussian();
            csv.append(String.format(Locale.ROOT, "A,%s,%.3f,%d,7.000,0.55,1%n", DAY0.plusDays(day), plmi, Math.round(plmi * 7)));
        }
        for (int day = -5; day <= 90; day++) {
            csv.append(String.format(Locale.ROOT, "B,%s,%.3f,%d,7.000,,1%n", DAY0.plusDays(day), 30.0, 210));
        }
        csv.append("B,").append(DAY0.plusDays(-10)).append(",,,,,0\n");
        return csv.toString();
    }

    private static String therapy() {
        return THERAPY_HEADER
                + "A," + DAY0.minusDays(7) + ",ferritin,,42,ug/L\n"
                + "A," + DAY0.minusDays(7) + ",tsat,,18,%\n"
                + "A," + DAY0 + ",iv_iron,Ferinject,1000,mg\n"
                + "A," + DAY0.plusDays(14) + ",ferritin,,520,ng/mL\n"
                + "A," + DAY0.plusDays(40) + ",medication,pramipexole stop,,\n"
                + "B," + DAY0 + ",iv_iron,ferumoxytol,1020,mg\n"
                + "C," + DAY0 + ",iv_iron,iron dextran,1000,mg\n"
                + "C," + DAY0.plusDays(30) + ",hemoglobin,,125,g/L\n";
    }

    @Test
    void analysesEveryPatientAndWritesTheContractKeysAndTheExports() throws IOException {
        Path nights = write("nights.csv", nights());
        Path therapy = write("therapy.csv", therapy());
        Path out = temp.resolve("out/analysis.json");
        Path nightsOut = temp.resolve("out/nights.csv");
        Path infusionsOut = temp.resolve("out/infusions.csv");
        Path cohortOut = temp.resolve("out/cohort.csv");
        CliRunner result = CliRunner.run("analyze", "--nights", nights.toString(), "--therapy", therapy.toString(),
                "--out", out.toString(), "--nights-out", nightsOut.toString(), "--infusions-out", infusionsOut.toString(),
                "--cohort-out", cohortOut.toString());
        assertEquals(0, result.exitCode(), result.err());
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        JsonNode patients = root.get("patients");
        assertEquals(3, patients.size());
        assertEquals("A", patients.get(0).get("patient").asText());
        for (JsonNode patient : patients) {
            JsonNode infusion = patient.get("infusions").get(0);
            for (String key : CONTRACT_KEYS) {
                assertTrue(infusion.has(key), patient.get("patient") + " lacks " + key);
            }
            assertEquals(root.get("rule").asText(), infusion.get("rule").asText());
        }
        JsonNode a = patients.get(0).get("infusions").get(0);
        assertEquals("2024-03-04", a.get("date").asText());
        assertTrue(a.get("responder").asBoolean());
        assertEquals(28, a.get("baseline_nights").asInt());
        assertEquals(56, a.get("response_nights").asInt());
        assertEquals(-75, a.get("change_pct").asDouble(), 6);
        assertTrue(a.get("ci_high").asDouble() < 0);
        assertEquals(20, a.get("time_to_response_days").asInt());
        assertEquals("ferric_carboxymaltose", a.get("formulation").asText());
        assertTrue(a.get("ferritin_after").get(0).get("unreliable").asBoolean());
        assertEquals(520, a.get("ferritin_after").get(0).get("ferritin_ug_l").asDouble(), 0);
        assertEquals("oral_or_iv", a.get("ferritin_before").get("guideline").get("recommendation").asText());
        assertEquals(18, a.get("ferritin_before").get("tsat_pct").asDouble(), 0);
        assertEquals("medication", a.get("confounders").get(0).get("kind").asText());
        assertTrue(a.get("periodicity_index").has("p_value"));

        JsonNode b = patients.get(1).get("infusions").get(0);
        assertTrue(b.get("responder").isNull());
        assertTrue(b.get("ci_low").isNull());
        assertTrue(b.get("too_few_valid_nights").asBoolean());
        assertEquals(5, b.get("baseline_nights").asInt());
        assertTrue(b.get("periodicity_index").get("baseline_median").isNull(), "no periodicity index recorded");
        JsonNode c = patients.get(2);
        assertEquals(0, c.get("nights").asInt());
        assertTrue(c.get("infusions").get(0).get("responder").isNull());

        JsonNode cohort = root.get("cohort");
        assertEquals(3, cohort.get("courses").asInt());
        assertEquals(1, cohort.get("evaluable_courses").asInt());
        assertEquals(1, cohort.get("responders").get("count").asInt());
        assertEquals(50, root.get("settings").get("responder_min_fall_pct").asDouble(), 0);

        List<String> nightRows = Files.readAllLines(nightsOut);
        assertEquals("patient,date,plmi,plm_count,time_in_bed_h,periodicity_index,valid,course,course_date,days_since_course,"
                + "baseline_of,response_of", nightRows.get(0));
        assertEquals(1 + 161 + 97, nightRows.size());
        assertTrue(nightRows.contains("A,2024-04-01," + nightRows.stream().filter(l -> l.startsWith("A,2024-04-01,")).findFirst()
                .orElseThrow().substring("A,2024-04-01,".length())));
        String day28 = nightRows.stream().filter(l -> l.startsWith("A,2024-04-01,")).findFirst().orElseThrow();
        assertTrue(day28.endsWith(",1,2024-03-04,28,,2024-03-04"), day28);
        String baselineNight = nightRows.stream().filter(l -> l.startsWith("A,2024-02-20,")).findFirst().orElseThrow();
        assertTrue(baselineNight.endsWith(",,,,2024-03-04,"), baselineNight);
        String invalid = nightRows.stream().filter(l -> l.startsWith("B,2024-02-23,")).findFirst().orElseThrow();
        assertEquals("B,2024-02-23,,,,,0,,,,2024-03-04,", invalid);

        List<String> infusionRows = Files.readAllLines(infusionsOut);
        assertEquals(4, infusionRows.size());
        String[] header = infusionRows.get(0).split(",", -1);
        String[] rowA = infusionRows.get(1).split(",", -1);
        assertEquals(header.length, rowA.length);
        assertEquals("1", rowA[List.of(header).indexOf("responder")]);
        assertEquals("", infusionRows.get(2).split(",", -1)[List.of(header).indexOf("responder")]);
        assertEquals("1", rowA[List.of(header).indexOf("medication_changes")]);

        List<String> cohortRows = Files.readAllLines(cohortOut);
        assertTrue(cohortRows.get(1).startsWith("all,all,3,1,1,1,"), cohortRows.get(1));
        assertTrue(cohortRows.stream().anyMatch(l -> l.startsWith("formulation,iron_dextran,1,0,0,,")), cohortRows.toString());

        assertTrue(result.out().startsWith("rule: responder: median PLMI"), result.out());
        assertTrue(result.out().contains("A 2024-03-04 Ferinject 1000 mg: PLMI"), result.out());
        assertTrue(result.out().contains(": responder; onset day 20"), result.out());
        assertTrue(result.out().contains("B 2024-03-04 ferumoxytol 1020 mg: too few valid nights (baseline 5"), result.out());
    }

    @Test
    void windowsThresholdsAndTheRuleAreOptions() throws IOException {
        Path nights = write("nights.csv", nights());
        Path therapy = write("therapy.csv", therapy());
        Path out = temp.resolve("analysis.json");
        CliRunner result = CliRunner.run("analyze", "--nights", nights.toString(), "--therapy", therapy.toString(), "--out",
                out.toString(), "--baseline-days", "14", "--response-start-day", "21", "--response-end-day", "70",
                "--min-valid-nights", "5", "--responder-min-fall", "25", "--no-responder-requires-ci", "--quiet");
        assertEquals(0, result.exitCode(), result.err());
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        String rule = root.get("rule").asText();
        assertTrue(rule.contains("at least 25 % below the baseline window's (14 days before)"), rule);
        assertFalse(rule.contains("confidence interval"), rule);
        assertTrue(rule.contains("fewer than 5 valid nights"), rule);
        JsonNode b = root.get("patients").get(1).get("infusions").get(0);
        assertEquals(5, b.get("baseline_nights").asInt());
        assertFalse(b.get("responder").isNull(), "5 nights are now enough");
        assertEquals(49, root.get("patients").get(0).get("infusions").get(0).get("response_nights").asInt());
        assertFalse(result.out().contains("A 2024-03-04"), "--quiet prints the cohort only");
    }

    static Stream<Arguments> badNights() {
        return Stream.of(
                Arguments.of("missing column", "patient,date,plmi\nA,2024-01-01,3\n", ":1: field 'plm_count': missing column"),
                Arguments.of("bad date", NIGHTS_HEADER + "A,2024-02-30,3,21,7,0.5,1\n", ":2: field 'date': '2024-02-30' is not a date"),
                Arguments.of("bad flag", NIGHTS_HEADER + "A,2024-02-01,3,21,7,0.5,yes\n", ":2: field 'valid': 'yes' is not 1 or 0"),
                Arguments.of("valid without plmi", NIGHTS_HEADER + "A,2024-02-01,,21,7,0.5,1\n", ":2: field 'plmi': empty; a valid night needs it"),
                Arguments.of("negative plmi", NIGHTS_HEADER + "A,2024-02-01,-3,21,7,0.5,1\n", ":2: field 'plmi': a PLM index cannot be negative"),
                Arguments.of("not a number", NIGHTS_HEADER + "A,2024-02-01,3x,21,7,0.5,1\n", ":2: field 'plmi': '3x' is not a number"),
                Arguments.of("fractional count", NIGHTS_HEADER + "A,2024-02-01,3,21.5,7,0.5,1\n", ":2: field 'plm_count': '21.5' is not a whole number"),
                Arguments.of("periodicity above 1", NIGHTS_HEADER + "A,2024-02-01,3,21,7,1.5,1\n", ":2: field 'periodicity_index': a periodicity index is between 0 and 1"),
                Arguments.of("time in bed", NIGHTS_HEADER + "A,2024-02-01,3,21,30,0.5,1\n", ":2: field 'time_in_bed_h': time in bed must be 0-24 h"),
                Arguments.of("empty patient", NIGHTS_HEADER + ",2024-02-01,3,21,7,0.5,1\n", ":2: field 'patient': empty patient id"),
                Arguments.of("short row", NIGHTS_HEADER + "A,2024-02-01,3,21\n", ":2: expected 7 fields as in the header, found 4"),
                Arguments.of("night twice", NIGHTS_HEADER + "A,2024-02-01,3,21,7,0.5,1\nB,2024-02-01,3,21,7,0.5,1\nA,2024-02-01,4,28,7,0.5,1\n",
                        ":4: field 'date': patient A already has a night dated 2024-02-01 (line 2)"),
                Arguments.of("empty file", "", ": the file is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNights")
    void badNightsAreNamedByFileLineAndField(String what, String content, String expected) throws IOException {
        Path nights = write("nights.csv", content);
        Path therapy = write("therapy.csv", therapy());
        assertRejected(nights, therapy, nights, expected);
    }

    static Stream<Arguments> badTherapy() {
        return Stream.of(
                Arguments.of("unknown kind", THERAPY_HEADER + "A,2024-03-04,infusion,FCM,1000,mg\n",
                        ":2: field 'kind': 'infusion' is not a kind of entry; use one of iv_iron, oral_iron_start"),
                Arguments.of("dose missing", THERAPY_HEADER + "A,2024-03-04,iv_iron,FCM,,mg\n", ":2: field 'value': empty; a dose is needed"),
                Arguments.of("dose unit", THERAPY_HEADER + "A,2024-03-04,iv_iron,FCM,1,g\n", ":2: field 'unit': 'g' is not a unit for a dose of IV iron; use mg"),
                Arguments.of("product missing", THERAPY_HEADER + "A,2024-03-04,iv_iron,,1000,mg\n", ":2: field 'detail': empty; name the IV iron product"),
                Arguments.of("ferritin unit", THERAPY_HEADER + "A,2024-03-04,ferritin,,40,mmol/L\n", ":2: field 'unit': 'mmol/L' is not a unit for ferritin"),
                Arguments.of("tsat above 100", THERAPY_HEADER + "A,2024-03-04,tsat,,140,%\n", ":2: field 'value': a transferrin saturation cannot exceed 100 %"),
                Arguments.of("negative ferritin", THERAPY_HEADER + "A,2024-03-04,ferritin,,-4,ug/L\n", ":2: field 'value': a ferritin result cannot be negative"),
                Arguments.of("medication without detail", THERAPY_HEADER + "A,2024-03-04,medication,,,\n", ":2: field 'detail': empty; name the drug"),
                Arguments.of("bad date", THERAPY_HEADER + "A,04/03/2024,ferritin,,40,ug/L\n", ":2: field 'date': '04/03/2024' is not a date"),
                Arguments.of("dose twice", THERAPY_HEADER + "A,2024-03-04,iv_iron,FCM,1000,mg\nA,2024-03-04,iv_iron,fcm,1000,mg\n",
                        ":3: the same entry as line 2 (patient A, 2024-03-04, iv_iron); remove one so it is not counted twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTherapy")
    void badTherapyEntriesAreNamedByFileLineAndField(String what, String content, String expected) throws IOException {
        Path nights = write("nights.csv", nights());
        Path therapy = write("therapy.csv", content);
        assertRejected(nights, therapy, therapy, expected);
    }

    private void assertRejected(Path nights, Path therapy, Path named, String expected) throws IOException {
        Path out = write("out.json", "precious\n");
        Path infusions = temp.resolve("infusions.csv");
        CliRunner result = CliRunner.run("analyze", "--nights", nights.toString(), "--therapy", therapy.toString(),
                "--out", out.toString(), "--infusions-out", infusions.toString());
        assertEquals(LegwatchCli.EXIT_INPUT, result.exitCode(), result.err());
        assertTrue(result.err().contains(named + expected), "wanted '" + named + expected + "' in: " + result.err());
        assertEquals("precious\n", Files.readString(out), "an earlier output is left as it was");
        assertFalse(Files.exists(infusions), "nothing is written for bad input");
    }

    @Test
    void badOptionValuesAreReported() throws IOException {
        Path nights = write("nights.csv", nights());
        Path therapy = write("therapy.csv", therapy());
        CliRunner result = CliRunner.run("analyze", "--nights", nights.toString(), "--therapy", therapy.toString(),
                "--out", temp.resolve("o.json").toString(), "--response-start-day", "90");
        assertEquals(LegwatchCli.EXIT_INPUT, result.exitCode());
        assertTrue(result.err().contains("the response window must end after it starts (days 90-84)"), result.err());
        CliRunner missing = CliRunner.run("analyze", "--nights", temp.resolve("none.csv").toString(), "--therapy", therapy.toString(),
                "--out", temp.resolve("o.json").toString());
        assertEquals(LegwatchCli.EXIT_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }
}
