package org.legwatch.host.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.legwatch.host.store.DeviceAssignment;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code legwatch device assign|list}: which patient wears which device, from when to when. */
@Command(name = "device",
        mixinStandardHelpOptions = true,
        description = "Which patient wears which device, from when to when.",
        subcommands = {DeviceCommand.Assign.class, DeviceCommand.ListAssignments.class})
public final class DeviceCommand extends CommandGroup {
    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = {"Records that a patient wears a device from a time on. A night the device sends goes to the",
                "patient wearing it when the night began: the assignment with the latest start before then, unless",
                "it had ended (--until). Repeating an assignment with another --until changes its end."})
    static final class Assign implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOption store;

        @Option(names = "--device", required = true, paramLabel = "ID", description = "The device's id.")
        String device;

        @Option(names = "--patient", required = true, paramLabel = "ID", description = "The patient (added before).")
        String patient;

        @Option(names = "--from", required = true, paramLabel = "TIME",
                description = "From when: 2025-03-01 (start of that day), 2025-03-01T20:30 (local time) or 2025-03-01T19:30:00Z.")
        String from;

        @Option(names = "--until", paramLabel = "TIME", description = "Until when the device was worn (exclusive), if it came back.")
        String until;

        @Override
        public Integer call() throws StoreException {
            ZoneId zone = ZoneId.systemDefault();
            Instant start = CliArguments.instant("--from", from, zone);
            Instant end = until == null ? null : CliArguments.instant("--until", until, zone);
            DeviceAssignment assignment = new DeviceAssignment(device, patient, start, end);
            try (Store opened = store.open()) {
                boolean changed = opened.assignDevice(assignment);
                spec.commandLine().getOut().println((changed ? "assigned " : "already assigned: ") + "device " + device
                        + " to " + patient + " from " + start + (end == null ? "" : " until " + end));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the assignments as CSV: device,patient,from,until (UTC; until empty while open).")
    static final class ListAssignments implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOption store;

        @Override
        public Integer call() throws StoreException {
            PrintWriter out = spec.commandLine().getOut();
            out.println("device,patient,from,until");
            try (Store opened = store.open()) {
                for (DeviceAssignment a : opened.assignments()) {
                    out.println(a.deviceId() + "," + a.patientId() + "," + a.from() + "," + (a.until() == null ? "" : a.until()));
                }
            }
            return 0;
        }
    }
}
