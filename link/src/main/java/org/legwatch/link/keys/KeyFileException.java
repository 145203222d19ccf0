package org.legwatch.link.keys;

import java.io.IOException;
import java.nio.file.Path;

/** A key file that cannot be used, with the file, line and field at fault. */
public final class KeyFileException extends IOException {

    public KeyFileException(Path file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + (field == null ? "" : ": " + field) + ": " + problem);
    }
}
