package org.legwatch.host.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Streams a raw accelerometer recording (docs/formats.md): header {@code t_s,x_g,y_g,z_g} (any
 * order, extra columns ignored), one sample per row, seconds and g. Plain or gzip. Parsing works on
 * bytes without building strings, since a night is millions of rows; every problem names the file,
 * line and column. Time must increase from row to row (a jump is lost samples).
 */
public final class RawSampleCsv implements SampleFile {
    public static final String T = "t_s";
    public static final String X = "x_g";
    public static final String Y = "y_g";
    public static final String Z = "z_g";
    private static final double[] POWERS = new double[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private final Path file;
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long line;
    private final int columns;
    private final int[] target; // for each column: 0..3 for t,x,y,z, -1 to skip
    private final double[] values = new double[4];
    private boolean hasPrevious;
    private double previousT;

    private RawSampleCsv(Path file, InputStream in, List<String> header) throws InputFormatException {
        this.file = file;
        this.in = in;
        this.line = 1;
        this.columns = header.size();
        this.target = new int[columns];
        String[] names = {T, X, Y, Z};
        boolean[] found = new boolean[4];
        for (int c = 0; c < columns; c++) {
            target[c] = -1;
            for (int k = 0; k < 4; k++) {
                if (header.get(c).equals(names[k]) && !found[k]) {
                    target[c] = k;
                    found[k] = true;
                }
            }
        }
        for (int k = 0; k < 4; k++) {
            if (!found[k]) {
                throw new InputFormatException(file, 1, names[k], "missing column (the header has: " + String.join(",", header) + ")");
            }
        }
    }

    public static RawSampleCsv open(Path file) throws IOException, InputFormatException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            InputStream in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
            List<String> header = readHeader(file, in);
            return new RawSampleCsv(file, in, header);
        } catch (IOException | InputFormatException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static List<String> readHeader(Path file, InputStream in) throws IOException, InputFormatException {
        StringBuilder text = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            text.append((char) b);
        }
        String header = new String(text.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).strip();
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (header.isEmpty()) {
            throw new InputFormatException(file, b == -1 ? 0 : 1, null, "no header; expected t_s,x_g,y_g,z_g");
        }
        List<String> names = new ArrayList<>();
        for (String name : header.split(",", -1)) {
            names.add(name.strip());
        }
        return names;
    }

    @Override
    public Path file() {
        return file;
    }

    /** Reads the next sample; false at the end of the file. */
    @Override
    public boolean next() throws IOException, InputFormatException {
        while (true) {
            if (position >= limit && !fill()) {
                return false;
            }
            line++;
            if (buffer[position] == '\n' || buffer[position] == '\r') {
                skipLineEnd();
                continue; // blank line
            }
            for (int c = 0; c < columns; c++) {
                int k = target[c];
                if (k >= 0) {
                    values[k] = parseNumber(c);
                } else {
                    skipField();
                }
                int end = peek();
                if (c < columns - 1) {
                    if (end != ',') {
                        throw new InputFormatException(file, line, null,
                                "expected " + columns + " fields as in the header, found " + (c + 1));
                    }
                    position++;
                } else if (end != '\n' && end != '\r' && end != -1) {
                    throw new InputFormatException(file, line, null, "more fields than the " + columns + " of the header");
                }
            }
            skipLineEnd();
            if (hasPrevious && !(values[0] > previousT)) {
                throw new InputFormatException(file, line, T, "time " + values[0] + " s does not advance past "
                        + previousT + " s of the line before");
            }
            hasPrevious = true;
            previousT = values[0];
            return true;
        }
    }

    @Override
    public double t() {
        return values[0];
    }

    @Override
    public double x() {
        return values[1];
    }

    @Override
    public double y() {
        return values[2];
    }

    @Override
    public double z() {
        return values[3];
    }

    /** The line of the current sample. */
    public long line() {
        return line;
    }

    private double parseNumber(int column) throws IOException, InputFormatException {
        int c = peek();
        while (c == ' ') {
            position++;
            c = peek();
        }
        boolean negative = false;
        if (c == '-' || c == '+') {
            negative = c == '-';
            position++;
            c = peek();
        }
        long mantissa = 0;
        boolean sawDigit = false;
        int significant = 0;
        int decimals = 0;
        boolean dot = false;
        int exponent = 0;
        while (true) {
            if (c >= '0' && c <= '9') {
                sawDigit = true;
                if (significant < 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    if (mantissa != 0) {
                        significant++;
                    }
                    if (dot) {
                        decimals++;
                    }
                } else if (!dot) {
                    exponent++;
                }
                position++;
            } else if (c == '.' && !dot) {
                dot = true;
                position++;
            } else {
                break;
            }
            c = peek();
        }
        if (c == 'e' || c == 'E') {
            position++;
            exponent += parseExponent(column);
            c = peek();
        }
        while (c == ' ') {
            position++;
            c = peek();
        }
        if (!sawDigit || (c != ',' && c != '\n' && c != '\r' && c != -1)) {
            throw new InputFormatException(file, line, columnName(column), "'" + restOfField() + "' is not a number");
        }
        int scale = exponent - decimals;
        double value;
        if (scale == 0) {
            value = mantissa;
        } else if (scale < 0 && -scale < POWERS.length) {
            value = mantissa / POWERS[-scale];
        } else {
            value = Double.parseDouble(mantissa + "E" + scale);
        }
        return negative ? -value : value;
    }

    private int parseExponent(int column) throws IOException, InputFormatException {
        int c = peek();
        boolean negative = false;
        if (c == '-' || c == '+') {
            negative = c == '-';
            position++;
            c = peek();
        }
        int value = 0;
        int digits = 0;
        while (c >= '0' && c <= '9') {
            value = Math.min(400, value * 10 + (c - '0'));
            digits++;
            position++;
            c = peek();
        }
        if (digits == 0) {
            throw new InputFormatException(file, line, columnName(column), "'" + restOfField() + "' is not a number");
        }
        return negative ? -value : value;
    }

    private String columnName(int column) {
        return switch (target[column]) {
            case 0 -> T;
            case 1 -> X;
            case 2 -> Y;
            default -> Z;
        };
    }

    private String restOfField() throws IOException {
        // Back up to the start of the field for the message.
        int start = position;
        while (start > 0 && buffer[start - 1] != ',' && buffer[start - 1] != '\n') {
            start--;
        }
        StringBuilder text = new StringBuilder(new String(buffer, start, position - start, StandardCharsets.UTF_8));
        int c = peek();
        while (c != -1 && c != ',' && c != '\n' && c != '\r' && text.length() < 40) {
            text.append((char) c);
            position++;
            c = peek();
        }
        return text.toString();
    }

    private void skipField() throws IOException {
        int c = peek();
        while (c != -1 && c != ',' && c != '\n' && c != '\r') {
            position++;
            c = peek();
        }
    }

    private void skipLineEnd() throws IOException {
        int c = peek();
        if (c == '\r') {
            position++;
            c = peek();
        }
        if (c == '\n') {
            position++;
        }
    }

    private int peek() throws IOException {
        if (position >= limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    /** Refills the buffer, keeping the current field's bytes so an error can quote them. */
    private boolean fill() throws IOException {
        int keep = 0;
        while (keep < Math.min(position, 64) && buffer[position - keep - 1] != '\n') {
            keep++;
        }
        System.arraycopy(buffer, position - keep, buffer, 0, keep);
        int n = in.read(buffer, keep, buffer.length - keep);
        position = keep;
        limit = n <= 0 ? keep : keep + n;
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
