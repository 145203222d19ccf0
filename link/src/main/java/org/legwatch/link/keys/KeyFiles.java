package org.legwatch.link.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.legwatch.link.DeviceIdentity;

/**
 * Key files: UTF-8 text, one key per line as {@code DEVICE-ID KEY-ID SECRET-HEX}, blank lines and
 * lines starting with {@code #} ignored. They hold secrets, so they are written owner-only and
 * atomically (temporary file, fsync, rename, fsync of the directory), and reading refuses a file
 * that others may read.
 */
public final class KeyFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFiles() {}

    /** A key and the line it is on. */
    record Entry(int line, DeviceKey key) {}

    /** The keys of a file, in file order. */
    static List<Entry> read(Path file) throws IOException {
        checkPrivate(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Entry> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            keys.add(new Entry(i + 1, parse(file, i + 1, line)));
        }
        return keys;
    }

    private static DeviceKey parse(Path file, int lineNo, String line) throws KeyFileException {
        String[] f = line.split("\\s+");
        if (f.length != 3) {
            throw new KeyFileException(file, lineNo, null,
                    "expected 3 fields (device id, key id, secret in hex), found " + f.length);
        }
        String deviceId = f[0];
        if (!DeviceIdentity.validDeviceId(deviceId)) {
            throw new KeyFileException(file, lineNo, "device id", "'" + deviceId
                    + "' is not 1 to 64 characters from A-Z a-z 0-9 . _ -");
        }
        int keyId;
        try {
            keyId = Integer.parseInt(f[1]);
        } catch (NumberFormatException e) {
            throw new KeyFileException(file, lineNo, "key id", "'" + f[1] + "' is not a whole number");
        }
        if (keyId < 1) {
            throw new KeyFileException(file, lineNo, "key id", keyId + " is not at least 1");
        }
        if (f[2].length() != 2 * DeviceKey.KEY_BYTES) {
            throw new KeyFileException(file, lineNo, "secret", "expected " + 2 * DeviceKey.KEY_BYTES
                    + " hex digits, found " + f[2].length() + " characters");
        }
        byte[] secret;
        try {
            secret = HexFormat.of().parseHex(f[2]);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(file, lineNo, "secret", "not hexadecimal");
        }
        return new DeviceKey(deviceId, keyId, secret);
    }

    /** Replaces {@code file} with the keys, atomically and readable by the owner only. */
    static void write(Path file, String header, List<DeviceKey> keys) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String h : header.split("\n")) {
            text.append("# ").append(h).append('\n');
        }
        for (DeviceKey k : keys) {
            text.append(k.line()).append('\n');
        }
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part", attrs);
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        if (posix) {
            // The rename is durable only once the directory entry is on disk.
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            }
        }
    }

    private static void checkPrivate(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new KeyFileException(file, 0, null, "no such file");
        }
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        for (PosixFilePermission p : perms) {
            if (!p.name().startsWith("OWNER")) {
                throw new KeyFileException(file, 0, null, "holds secret keys but others may access it (mode "
                        + PosixFilePermissions.toString(perms) + "); run chmod 600 " + file);
            }
        }
    }
}
