package org.legwatch.device.send;

import java.io.IOException;
import java.nio.file.Path;
import org.legwatch.device.journal.NightJournal;
import org.legwatch.link.LinkSettings;
import org.legwatch.link.NightSender;
import org.legwatch.link.keys.DeviceKey;
import org.legwatch.link.keys.DeviceKeyFile;
import org.legwatch.link.transport.SerialTransport;

/** The device's end of the link: the journal's unsent nights to the host over a serial port. */
public final class HostLink {
    private HostLink() {}

    /**
     * A sender of the journal's nights over {@code port} with the device's key from {@code keyFile};
     * not started.
     */
    public static NightSender sender(NightJournal journal, String port, int baud, Path keyFile, String softwareVersion)
            throws IOException {
        DeviceKey key = DeviceKeyFile.read(keyFile);
        return new NightSender(new SerialTransport(port, baud), key, softwareVersion, new JournalOutbox(journal),
                LinkSettings.defaults());
    }

    /** This build's version, as the hello names it. */
    public static String softwareVersion() {
        String v = HostLink.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
