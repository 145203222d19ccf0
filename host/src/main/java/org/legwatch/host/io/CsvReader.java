package org.legwatch.host.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a comma-separated file with a header row, one record at a time, and turns every problem
 * into an {@link InputFormatException} that names the file, line and column. Columns are found by
 * name, so extra columns and any column order are accepted. Blank lines are skipped.
 */
public final class CsvReader implements Closeable {
    private final Path file;
    private final BufferedReader reader;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private String[] fields;
    private long lineNumber;

    private CsvReader(Path file, BufferedReader reader, List<String> header, long headerLine) {
        this.file = file;
        this.reader = reader;
        this.header = header;
        this.lineNumber = headerLine;
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
        }
    }

    /** Opens the file and checks that its header has every required column. */
    public static CsvReader open(Path file, String... requiredColumns) throws IOException, InputFormatException {
        BufferedReader reader = TextFiles.openText(file);
        try {
            String line;
            long number = 0;
            do {
                line = reader.readLine();
                number++;
            } while (line != null && line.isBlank());
            if (line == null) {
                throw new InputFormatException(file, 0, null,
                        "the file is empty; expected a header with " + String.join(",", requiredColumns));
            }
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            List<String> header = Arrays.stream(line.split(",", -1)).map(String::strip).toList();
            CsvReader csv = new CsvReader(file, reader, header, number);
            for (String column : requiredColumns) {
                if (!csv.columns.containsKey(column)) {
                    throw new InputFormatException(file, number, column,
                            "missing column (the header has: " + String.join(",", header) + ")");
                }
            }
            return csv;
        } catch (InputFormatException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Whether the header has the column. */
    public boolean has(String column) {
        return columns.containsKey(column);
    }

    public Path file() {
        return file;
    }

    /** Moves to the next record; false at the end of the file. */
    public boolean next() throws IOException, InputFormatException {
        String line;
        do {
            line = reader.readLine();
            lineNumber++;
        } while (line != null && line.isBlank());
        if (line == null) {
            return false;
        }
        fields = line.split(",", -1);
        if (fields.length != header.size()) {
            throw new InputFormatException(file, lineNumber, null,
                    "expected " + header.size() + " fields as in the header, found " + fields.length);
        }
        return true;
    }

    /** The line number of the current record. */
    public long line() {
        return lineNumber;
    }

    /** The current record's value in a column, stripped of surrounding spaces. */
    public String text(String column) throws InputFormatException {
        Integer index = columns.get(column);
        if (index == null) {
            throw new InputFormatException(file, lineNumber, column, "no such column");
        }
        return fields[index].strip();
    }

    /** A time in seconds (decimal, any precision) as whole microseconds, rounded half-even. */
    public long seconds(String column) throws InputFormatException {
        String value = text(column);
        try {
            return Seconds.parseMicros(value);
        } catch (NumberFormatException e) {
            throw fail(column, "'" + value + "' is not a number of seconds");
        }
    }

    /** A finite decimal number. */
    public double number(String column) throws InputFormatException {
        String value = text(column);
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number) && !value.isEmpty() && Character.isDigit(value.charAt(value.length() - 1))) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, naming the field
        }
        throw fail(column, "'" + value + "' is not a number");
    }

    /** An error about a field of the current record. */
    public InputFormatException fail(String column, String problem) {
        return new InputFormatException(file, lineNumber, column, problem);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
