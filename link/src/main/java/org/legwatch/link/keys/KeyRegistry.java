package org.legwatch.link.keys;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The host's key registry file: every paired device's current key. {@link #lookup} rereads the file
 * when it was replaced or changed, so pairing a device needs no restart of a running receiver; a
 * changed file that cannot be read is reported and the keys read before stay in use.
 */
public final class KeyRegistry implements DeviceKeys {

    private static final System.Logger LOG = System.getLogger("org.legwatch.link");
    static final String HEADER = "legwatch key registry: DEVICE-ID KEY-ID SECRET-HEX, one line per paired device.\n"
            + "Secret keys: keep this file readable by its owner only.";

    /** What identifies one version of the file: writers replace it by rename, giving a new inode. */
    private record Version(Object fileKey, FileTime modified, long size) {}

    private final Path file;
    private Map<String, DeviceKey> keys;
    private Version loaded;

    private KeyRegistry(Path file, Map<String, DeviceKey> keys, Version loaded) {
        this.file = file;
        this.keys = keys;
        this.loaded = loaded;
    }

    /** Reads the registry; fails with file, line and field for a bad line or a duplicate device. */
    public static KeyRegistry load(Path file) throws IOException {
        Version v = version(file);
        return new KeyRegistry(file, parse(file), v);
    }

    /** The registry in {@code file}, or an empty one if the file does not exist yet. */
    public static KeyRegistry loadOrEmpty(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new KeyRegistry(file, new LinkedHashMap<>(), null);
        }
        return load(file);
    }

    private static Version version(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Version(a.fileKey(), a.lastModifiedTime(), a.size());
    }

    private static Map<String, DeviceKey> parse(Path file) throws IOException {
        Map<String, DeviceKey> out = new LinkedHashMap<>();
        for (KeyFiles.Entry e : KeyFiles.read(file)) {
            if (out.put(e.key().deviceId(), e.key()) != null) {
                throw new KeyFileException(file, e.line(), "device id", e.key().deviceId()
                        + " appears on an earlier line too");
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<DeviceKey> lookup(String deviceId) {
        reloadIfChanged();
        return Optional.ofNullable(keys.get(deviceId));
    }

    /** The devices and keys as last read. */
    public synchronized List<DeviceKey> keys() {
        return List.copyOf(keys.values());
    }

    /** Adds or replaces a device's key and writes the file atomically. */
    synchronized void put(DeviceKey key) throws IOException {
        Map<String, DeviceKey> next = new LinkedHashMap<>(keys);
        next.put(key.deviceId(), key);
        KeyFiles.write(file, HEADER, List.copyOf(next.values()));
        keys = next;
        loaded = version(file);
    }

    private void reloadIfChanged() {
        Version now;
        try {
            now = version(file);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "key registry " + file + " cannot be checked for changes; keeping the keys read before", e);
            return;
        }
        if (Objects.equals(now, loaded)) {
            return;
        }
        try {
            keys = parse(file);
            LOG.log(Level.INFO, "key registry " + file + " reloaded: " + keys.size() + " devices");
        } catch (IOException e) {
            LOG.log(Level.WARNING, "key registry " + file + " changed but cannot be used (" + e.getMessage()
                    + "); keeping the " + keys.size() + " keys read before");
        }
        loaded = now;
    }
}
