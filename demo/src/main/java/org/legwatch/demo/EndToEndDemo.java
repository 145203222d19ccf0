package org.legwatch.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.response.CohortSummary;
import org.legwatch.analysis.response.PatientNight;
import org.legwatch.analysis.response.PatientResponse;
import org.legwatch.analysis.response.PatientTimeline;
import org.legwatch.analysis.response.ResponseAnalysis;
import org.legwatch.analysis.response.ResponseSettings;
import org.legwatch.device.cli.JournalBudgetLog;
import org.legwatch.device.config.AgentConfig;
import org.legwatch.device.journal.NightJournal;
import org.legwatch.device.send.HostLink;
import org.legwatch.device.send.JournalOutbox;
import org.legwatch.device.sim.DeviceSimulation;
import org.legwatch.device.sim.SimulatedWearer.NightTruth;
import org.legwatch.host.io.InputFormatException;
import org.legwatch.host.io.ResponseCsv;
import org.legwatch.host.io.ResponseJson;
import org.legwatch.host.io.TextFiles;
import org.legwatch.host.receive.StoreInbox;
import org.legwatch.host.report.PatientReport;
import org.legwatch.host.report.PatientReportReader;
import org.legwatch.host.report.html.ReportPage;
import org.legwatch.host.response.StorePatientTimelines;
import org.legwatch.host.store.DeviceAssignment;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.store.Stores;
import org.legwatch.host.therapy.TherapyCsv;
import org.legwatch.host.therapy.TherapyRecordCheck;
import org.legwatch.link.LinkSettings;
import org.legwatch.link.NightReceiver;
import org.legwatch.link.NightSender;
import org.legwatch.link.keys.DeviceKey;
import org.legwatch.link.keys.KeyRegistry;
import org.legwatch.link.keys.Pairing;
import org.legwatch.link.transport.MemoryPipe;

/**
 * The product end to end, with no hardware and no server: one patient wears a band on each ankle
 * (or on the right one only) for the nights of a {@link PatientStory}. The real device agent records them from simulated sensors
 * (sample clock, detector, scorer, journal on disk); every night goes over the real link protocol
 * (an in-memory line) to the host, which stores it in SQLite under the patient wearing the band;
 * the therapy record is imported as a clinic would; the response analysis runs on what the store
 * holds, and the same analysis on the simulation's own nights gives the truth beside it.
 *
 * <p>The bands run at 25 Hz, a rate the device supports and the detector is validated at
 * (docs/validation.md), so that 23 weeks of nights take about a minute; the samples are generated on
 * other threads ahead of the agent. The device's journal is not forced to disk record by record
 * (nothing here can lose power); everything else is as on a Pi.
 */
public final class EndToEndDemo {
    static final String PATIENT = "DEMO-001";
    static final String DEVICE = "demo-band";
    /** The agent's sample rate: a setting of the device (sensor.rate-hz). */
    static final double RATE_HZ = 25;

    /**
     * @param folder           where everything goes
     * @param story            the patient's truth
     * @param seed             everything random derives from it
     * @param firstEvening     the evening of the first night
     * @param legs             bands worn: 2 (both ankles) or 1 (the right)
     * @param generateAhead    generate the sensors' samples on other threads ahead of the agent
     */
    public record Settings(DemoFolder folder, PatientStory story, long seed, LocalDate firstEvening, ZoneId zone,
                           int legs, boolean generateAhead) {
        /** The given story on {@code legs} bands, its last night two days ago, samples generated ahead of the agent. */
        public static Settings of(DemoFolder folder, PatientStory story, long seed, int legs) {
            if (legs != 1 && legs != 2) {
                throw new IllegalArgumentException("one or two bands, not " + legs);
            }
            ZoneId zone = ZoneId.systemDefault();
            return new Settings(folder, story, seed, LocalDate.now(zone).minusDays(story.nights() + 1L), zone, legs, true);
        }
    }

    /** One night as the device recorded it beside the simulation's truth. */
    public record NightResult(int day, LocalDate evening, double measuredPlmi, double truePlmi, int truePlmCount,
                              double hoursInBed, double trueHoursInBed, boolean valid, List<String> invalidReasons) {}

    /**
     * What the demo found.
     *
     * @param nights      every night recorded on the device, in order
     * @param sent        nights the host acknowledged to the device
     * @param committed   nights the host committed to its store
     * @param storedRows  the patient's nights in the store afterwards
     * @param unsentLeft  nights still in the device's journal afterwards
     * @param measured    the analysis of the stored nights
     * @param truth       the same analysis of the simulation's own nights
     * @param seconds     from the start to the report written
     */
    public record Outcome(List<NightResult> nights, int sent, int committed, int storedRows, int unsentLeft,
                          PatientResponse measured, PatientResponse truth, double seconds) {}

    private final Settings settings;

    public EndToEndDemo(Settings settings) {
        this.settings = settings;
    }

    public Outcome run(PrintWriter out) throws IOException, InterruptedException {
        DemoFolder folder = settings.folder();
        PatientStory story = settings.story();
        folder.prepare();
        AgentConfig device = writeDeviceConfig(folder, settings.legs());
        DeviceKey key = Pairing.pair(DEVICE, folder.keyRegistry(), folder.deviceKey());
        KeyRegistry keys = KeyRegistry.load(folder.keyRegistry());
        DemoProgress progress = new DemoProgress(out, story.nights());
        out.printf(Locale.ROOT, "legwatch demo: one patient, %d nights (%s to %s), %d IV iron infusions%n", story.nights(),
                settings.firstEvening(), settings.firstEvening().plusDays(story.nights() - 1L), story.infusions().size());
        out.printf(Locale.ROOT, "  device  %s on %s at %.0f Hz, journal %s%n", DEVICE,
                settings.legs() == 2 ? "two simulated ankle sensors" : "one simulated ankle sensor", device.rateHz(), folder.journal());
        out.printf(Locale.ROOT, "  link    paired (%s), nights sent over the link protocol on an in-memory line%n", folder.keyRegistry());
        out.printf(Locale.ROOT, "  host    store %s%n", folder.storeUrl());
        try (Store store = Stores.open(folder.storeUrl())) {
            enterPatient(store);
            int events = enterTherapy(store, folder, story);
            out.printf(Locale.ROOT, "  therapy %d entries imported from %s%n", events, folder.therapy());
            out.flush();
            double[] target = story.targetPlmi(settings.seed());
            MemoryPipe line = new MemoryPipe();
            NightReceiver receiver = new NightReceiver(line.hostSide(), keys,
                    progress.counting(new StoreInbox(store, settings.zone())), LinkSettings.defaults());
            int unsentLeft;
            try (NightJournal journal = NightJournal.open(folder.journal(), NightJournal.Options.defaults().unforced(),
                    new JournalBudgetLog())) {
                NightSender sender = new NightSender(line.deviceSide(), key, HostLink.softwareVersion(),
                        progress.counting(new JournalOutbox(journal)), LinkSettings.defaults());
                receiver.start();
                sender.start();
                try {
                    DeviceSimulation[] simulation = new DeviceSimulation[1];
                    simulation[0] = new DeviceSimulation(device, story.patient(), story.variation(settings.seed()),
                            story.nights(), settings.legs(), settings.seed(), settings.firstEvening(), LocalTime.of(19, 0), settings.zone(),
                            Double.POSITIVE_INFINITY, settings.generateAhead(), (night, scored, why) -> {
                                LocalDate evening = LocalDate.ofInstant(
                                        Instant.ofEpochMilli(night.start().orElseThrow().wallClockMs()), settings.zone());
                                int day = (int) ChronoUnit.DAYS.between(settings.firstEvening(), evening);
                                progress.recorded(result(day, evening, scored.summary(), simulation[0].wearer().truth(day)));
                                sender.nightsAvailable();
                            });
                    out.println("simulating: the agent records each night, sends it, the host stores it");
                    out.flush();
                    simulation[0].run(journal);
                    if (!sender.awaitAllSent(Duration.ofMinutes(2))) {
                        throw new IOException("the host did not acknowledge every night within 2 minutes ("
                                + journal.unsentCount() + " still on the device)");
                    }
                } finally {
                    sender.close();
                    receiver.close();
                }
                unsentLeft = journal.unsentCount();
            }
            PatientTimeline stored = new StorePatientTimelines(store).timeline(PATIENT);
            PatientResponse measured = ResponseAnalysis.analyze(stored, ResponseSettings.DEFAULT);
            List<NightResult> nights = progress.recorded();
            PatientResponse truth = ResponseAnalysis.analyze(truthTimeline(nights, stored), ResponseSettings.DEFAULT);
            writeResults(folder, stored, measured);
            writeReport(store, folder);
            return new Outcome(nights, progress.sent(), progress.stored(), stored.nights().size(), unsentLeft, measured, truth,
                    progress.elapsedSeconds());
        } catch (StoreException e) {
            throw new IOException("the demo's store " + folder.storeUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The device's configuration file, as on a Pi (bands at 25 Hz, journal and key in the demo folder). */
    private static AgentConfig writeDeviceConfig(DemoFolder folder, int legs) throws IOException {
        Files.writeString(folder.deviceConfig(), String.join("\n",
                "# The demo's simulated device (see device/dist/legwatch-device.conf for every setting).",
                "device.id = " + DEVICE,
                "sensor.right = 0x18",
                "sensor.left = " + (legs == 2 ? "0x19" : "none"),
                "sensor.rate-hz = " + (int) RATE_HZ,
                "sensor.range-g = 4",
                "night.window = 20:00-11:00",
                "journal.dir = " + folder.journal(),
                "link.key-file = " + folder.deviceKey(),
                ""));
        return AgentConfig.load(folder.deviceConfig(), DEVICE);
    }

    private void enterPatient(Store store) throws StoreException {
        store.addPatient(new Patient(PATIENT, "Demo Patient"));
        store.assignDevice(new DeviceAssignment(DEVICE, PATIENT,
                settings.firstEvening().atTime(12, 0).atZone(settings.zone()).toInstant(), null));
    }

    /** The therapy record goes in as a clinic's would: a CSV file, checked row by row, then imported. */
    private int enterTherapy(Store store, DemoFolder folder, PatientStory story) throws IOException, StoreException {
        TextFiles.writeAtomically(folder.therapy(), w -> TherapyCsv.write(w, story.therapy(PATIENT, settings.firstEvening())));
        TherapyCsv.Rows rows;
        try {
            rows = TherapyCsv.read(folder.therapy(), LocalDate.now(settings.zone()));
        } catch (InputFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        TherapyRecordCheck.Plan plan = TherapyRecordCheck.check(rows.entries(), store);
        if (!rows.problems().isEmpty() || !plan.writable()) {
            throw new IllegalStateException("the demo's own therapy record was refused: " + rows.problems() + plan.problems());
        }
        return store.addTherapy(plan.events());
    }

    private static NightResult result(int day, LocalDate evening, NightSummary summary, NightTruth truth) {
        return new NightResult(day, evening, summary.statistics().plmIndex(), truth.plmi(), truth.plmCount(),
                summary.hoursInBed(), truth.hoursInBed(), summary.valid(), summary.invalidReasons());
    }

    /** The simulation's own nights (true PLMI and time in bed), valid where the device found them valid, with the stored therapy record. */
    static PatientTimeline truthTimeline(List<NightResult> nights, PatientTimeline stored) {
        List<PatientNight> truth = new ArrayList<>();
        for (NightResult n : nights) {
            truth.add(new PatientNight(n.evening(), n.truePlmi(), n.truePlmCount(), n.trueHoursInBed(), Double.NaN, n.valid()));
        }
        return new PatientTimeline(stored.patient(), truth, stored.events());
    }

    /** The clinician's report of the patient from the store, as `legwatch report` writes it (HTML; the PDF is left to that command). */
    private void writeReport(Store store, DemoFolder folder) throws IOException {
        PatientReport report = PatientReportReader.read(store, new PatientReportReader.Request(PATIENT, ResponseSettings.DEFAULT,
                List.of(), settings.zone(), Instant.now()));
        String html = ReportPage.html(report);
        TextFiles.writeAtomically(folder.report(), w -> w.write(html));
    }

    /** The results as files: the analysis as `legwatch analyze` writes it, and the nights in its tidy form. */
    private static void writeResults(DemoFolder folder, PatientTimeline stored, PatientResponse measured) throws IOException {
        ResponseSettings settings = ResponseSettings.DEFAULT;
        ResponseJson.write(folder.analysis(), List.of(measured), CohortSummary.of(List.of(measured), settings.confidence()),
                settings);
        TextFiles.writeAtomically(folder.nights(), w -> {
            w.write(ResponseCsv.NIGHTS_HEADER + "\n");
            ResponseCsv.appendNights(w, stored, measured, settings);
        });
    }
}
