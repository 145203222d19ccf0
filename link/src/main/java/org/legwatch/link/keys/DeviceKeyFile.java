package org.legwatch.link.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The device's own key file: exactly one key line, in the key file format of {@link KeyFiles}. */
public final class DeviceKeyFile {

    static final String HEADER = "legwatch device key: DEVICE-ID KEY-ID SECRET-HEX.\n"
            + "Secret key: keep this file readable by its owner only.";

    private DeviceKeyFile() {}

    public static DeviceKey read(Path file) throws IOException {
        List<KeyFiles.Entry> entries = KeyFiles.read(file);
        if (entries.size() != 1) {
            throw new KeyFileException(file, entries.isEmpty() ? 0 : entries.get(1).line(), null,
                    "a device key file holds exactly one key, found " + entries.size());
        }
        return entries.get(0).key();
    }

    /** Writes the key atomically, readable by the owner only. */
    public static void write(Path file, DeviceKey key) throws IOException {
        KeyFiles.write(file, HEADER, List.of(key));
    }
}
