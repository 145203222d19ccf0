package org.legwatch.host.io;

import java.nio.file.Path;

/**
 * Bad input, named precisely: the file, the line (1-based, 0 when the problem is the file as a
 * whole) and the field, so a user can go straight to it.
 */
public final class InputFormatException extends Exception {
    private final Path file;
    private final long line;
    private final String field;

    public InputFormatException(Path file, long line, String field, String problem) {
        super(describe(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
    }

    private static String describe(Path file, long line, String field, String problem) {
        StringBuilder text = new StringBuilder().append(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (field != null) {
            text.append("field '").append(field).append("': ");
        }
        return text.append(problem).toString();
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }

    /** The column name, or {@code null} when the problem is not in one field. */
    public String field() {
        return field;
    }
}
