package org.legwatch.link.recording;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A raw recording that breaks its format where no damage explains it (a bad magic, an unknown
 * version, a checksummed block whose content is impossible), named by file, byte offset and field
 * so a user can look at it with a hex viewer.
 */
public final class RawRecordingException extends IOException {
    private final Path file;
    private final long offset;
    private final String field;
    private final String problem;

    public RawRecordingException(Path file, long offset, String field, String problem) {
        super(file + ": byte " + offset + (field == null ? "" : ": field '" + field + "'") + ": " + problem);
        this.file = file;
        this.offset = offset;
        this.field = field;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** Offset from the start of the file of the byte where the problem is. */
    public long offset() {
        return offset;
    }

    /** The field's name as docs/formats.md spells it, or {@code null} when the problem is not in one field. */
    public String field() {
        return field;
    }

    /** What is wrong, without the file and offset. */
    public String problem() {
        return problem;
    }
}
