package org.legwatch.host.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Opening text inputs (plain or gzip) and writing outputs so that a failed run leaves no half file. */
public final class TextFiles {
    private TextFiles() {
    }

    /** A reader of the file as UTF-8, decompressing it when it starts with the gzip magic bytes. */
    public static BufferedReader openText(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Writes through {@code body} into a temporary file beside {@code target}, then moves it into
     * place, so a failed run never leaves half a file; gzip-compressed when the name ends in .gz.
     */
    public static void writeAtomically(Path target, WriterBody body) throws IOException {
        boolean gzip = target.getFileName().toString().endsWith(".gz");
        replaceAtomically(target, temp -> {
            try (OutputStream raw = Files.newOutputStream(temp);
                 OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
                 Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
                body.write(writer);
            }
        });
    }

    /**
     * Has {@code body} fill a new, empty temporary file beside {@code target}, then moves it into
     * place; the temporary file is removed when anything fails.
     */
    public static void replaceAtomically(Path target, FileBody body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".part");
        try {
            body.write(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Fills the empty file it is given. */
    @FunctionalInterface
    public interface FileBody {
        void write(Path file) throws IOException;
    }

    /** Writes a file's content. */
    @FunctionalInterface
    public interface WriterBody {
        void write(Writer writer) throws IOException;
    }
}
