package org.legwatch.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.link.keys.DeviceKey;
import org.legwatch.link.keys.DeviceKeyFile;
import org.legwatch.link.keys.KeyRegistry;

class PairCommandTest {
    @TempDir
    Path dir;

    @Test
    void pairingWritesTheSameKeyOnBothSidesOwnerOnlyAndPairingAgainReplacesIt() throws Exception {
        Path registry = dir.resolve("host/device-keys");
        Path keyFile = dir.resolve("pi/device.key");
        CliRunner first = CliRunner.run("pair", "--device", "bedroom-1", "--key-out", keyFile.toString(),
                "--registry", registry.toString());
        assertEquals(0, first.exitCode(), first.err());
        DeviceKey onDevice = DeviceKeyFile.read(keyFile);
        assertEquals(onDevice, KeyRegistry.load(registry).lookup("bedroom-1").orElseThrow());
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(keyFile));

        assertEquals(0, CliRunner.run("pair", "--device", "bedroom-1", "--key-out", keyFile.toString(),
                "--registry", registry.toString()).exitCode());
        DeviceKey again = DeviceKeyFile.read(keyFile);
        assertNotEquals(onDevice, again);
        assertEquals(2, again.keyId());
        assertEquals(again, KeyRegistry.load(registry).lookup("bedroom-1").orElseThrow());

        CliRunner bad = CliRunner.run("pair", "--device", "bedroom-1");
        assertEquals(LegwatchCli.EXIT_USAGE, bad.exitCode());
        assertTrue(bad.err().contains("--key-out"), bad.err());
    }
}
