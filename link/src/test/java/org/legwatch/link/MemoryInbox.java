package org.legwatch.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A host store in memory that records every commit, so tests can see a night stored twice. */
final class MemoryInbox implements NightInbox {

    private final Map<String, Night> stored = new LinkedHashMap<>();
    private final List<String> commits = new ArrayList<>();
    private final List<DeviceIdentity> devices = new ArrayList<>();

    private static String key(String deviceId, String nightId) {
        return deviceId + "/" + nightId;
    }

    @Override
    public synchronized boolean contains(String deviceId, String nightId) {
        return stored.containsKey(key(deviceId, nightId));
    }

    @Override
    public synchronized void commit(DeviceIdentity device, Night night) {
        commits.add(key(device.deviceId(), night.nightId()));
        devices.add(device);
        stored.put(key(device.deviceId(), night.nightId()), night);
    }

    synchronized boolean has(String deviceId, String nightId) {
        return stored.containsKey(key(deviceId, nightId));
    }

    synchronized Night night(String deviceId, String nightId) {
        return stored.get(key(deviceId, nightId));
    }

    synchronized int size() {
        return stored.size();
    }

    synchronized List<String> commits() {
        return List.copyOf(commits);
    }

    synchronized List<DeviceIdentity> devices() {
        return List.copyOf(devices);
    }
}
