package org.legwatch.link.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

    @TempDir
    Path dir;

    @Test
    void pairingWritesBothFilesOwnerOnlyAndNothingElse() throws IOException {
        Path registry = dir.resolve("host/keys.txt");
        Path deviceFile = dir.resolve("device.key");
        DeviceKey key = Pairing.pair("pi-1", registry, deviceFile);
        assertEquals("pi-1", key.deviceId());
        assertEquals(1, key.keyId());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(registry)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(deviceFile)));
        assertEquals(key, DeviceKeyFile.read(deviceFile));
        assertEquals(Optional.of(key), KeyRegistry.load(registry).lookup("pi-1"));
        try (Stream<Path> files = Files.list(registry.getParent())) {
            assertEquals(List.of(registry), files.toList(), "no temporary file left behind");
        }
        assertFalse(key.toString().contains(java.util.HexFormat.of().formatHex(key.secret())), "toString hides the secret");
    }

    @Test
    void pairingAgainGivesANewKeyUnderTheNextIdAndKeepsOtherDevices() throws IOException {
        Path registry = dir.resolve("keys.txt");
        DeviceKey a1 = Pairing.pair("pi-a", registry, dir.resolve("a.key"));
        DeviceKey b1 = Pairing.pair("pi-b", registry, dir.resolve("b.key"));
        DeviceKey a2 = Pairing.pair("pi-a", registry, dir.resolve("a.key"));
        assertEquals(2, a2.keyId());
        assertNotEquals(a1, a2);
        KeyRegistry r = KeyRegistry.load(registry);
        assertEquals(List.of(a2, b1), r.keys());
    }

    @Test
    void aRunningRegistrySeesADevicePairedAfterItWasLoaded() throws IOException {
        Path registry = dir.resolve("keys.txt");
        Pairing.pair("pi-a", registry, dir.resolve("a.key"));
        KeyRegistry running = KeyRegistry.load(registry);
        assertEquals(Optional.empty(), running.lookup("pi-b"));
        DeviceKey b = Pairing.pair("pi-b", registry, dir.resolve("b.key"));
        assertEquals(Optional.of(b), running.lookup("pi-b"));
        // A broken edit keeps the keys read before.
        Files.writeString(registry, "garbage\n");
        assertEquals(Optional.of(b), running.lookup("pi-b"));
    }

    @Test
    void aBadLineIsNamedByFileLineAndField() throws IOException {
        Path f = dir.resolve("keys.txt");
        String good = "pi-a 1 " + "ab".repeat(32);
        assertError(f, "# comment\n\n" + good + "\npi-b x " + "ab".repeat(32) + "\n", ":4: key id: 'x' is not a whole number");
        assertError(f, good + "\npi-b 0 " + "ab".repeat(32) + "\n", ":2: key id: 0 is not at least 1");
        assertError(f, "pi b 1 " + "ab".repeat(32) + "\n", ":1: expected 3 fields");
        assertError(f, "pi/b 1 " + "ab".repeat(32) + "\n", ":1: device id: 'pi/b' is not");
        assertError(f, "pi-b 1 abc\n", ":1: secret: expected 64 hex digits, found 3");
        assertError(f, "pi-b 1 " + "zz".repeat(32) + "\n", ":1: secret: not hexadecimal");
        assertError(f, good + "\n" + good + "\n", ":2: device id: pi-a appears on an earlier line too");
    }

    @Test
    void aKeyFileOthersCanReadIsRefused() throws IOException {
        Path registry = dir.resolve("keys.txt");
        Pairing.pair("pi-a", registry, dir.resolve("a.key"));
        Files.setPosixFilePermissions(registry, PosixFilePermissions.fromString("rw-r--r--"));
        IOException e = assertThrows(IOException.class, () -> KeyRegistry.load(registry));
        assertTrue(e.getMessage().contains("others may access it") && e.getMessage().contains("chmod 600"),
                e::getMessage);
    }

    @Test
    void aDeviceKeyFileHoldsExactlyOneKey() throws IOException {
        Path registry = dir.resolve("keys.txt");
        Pairing.pair("pi-a", registry, dir.resolve("a.key"));
        Pairing.pair("pi-b", registry, dir.resolve("b.key"));
        IOException e = assertThrows(IOException.class, () -> DeviceKeyFile.read(registry));
        assertTrue(e.getMessage().contains("exactly one key, found 2"), e::getMessage);
        assertThrows(KeyFileException.class, () -> DeviceKeyFile.read(dir.resolve("missing.key")));
    }

    private static void assertError(Path f, String content, String expected) throws IOException {
        Files.writeString(f, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyRegistry.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(expected),
                () -> "expected '" + expected + "' in: " + e.getMessage());
    }
}
