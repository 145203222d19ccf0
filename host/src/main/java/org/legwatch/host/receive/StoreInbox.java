package org.legwatch.host.receive;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.legwatch.analysis.night.NightTallyCodec;
import org.legwatch.analysis.night.ScoredNight;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.LegMovement;
import org.legwatch.host.store.DeviceNight;
import org.legwatch.host.store.NightClock;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.store.StoredNight;
import org.legwatch.link.DeviceIdentity;
import org.legwatch.link.Movement;
import org.legwatch.link.Night;
import org.legwatch.link.NightInbox;
import org.legwatch.link.NightStart;

/**
 * Nights arriving over the link, into the host's store: each is rebuilt from the device's detected
 * movements and tally (the same scoring the device ran), then committed with the patient wearing
 * the device at the time. The link acknowledges a night only after {@link #commit} returns, so a
 * night the store refuses (an unassigned device, a damaged summary) stays on the device and is
 * offered again; every refusal is logged with its reason.
 */
public final class StoreInbox implements NightInbox {
    private static final Logger LOG = System.getLogger(StoreInbox.class.getName());

    private final Store store;
    private final ZoneId zone;

    public StoreInbox(Store store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    @Override
    public boolean contains(String deviceId, String nightId) throws IOException {
        try {
            return store.contains(deviceId, nightId);
        } catch (StoreException e) {
            throw new IOException("the store could not be asked for night " + nightId + " of " + deviceId + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void commit(DeviceIdentity device, Night night) throws IOException {
        DeviceNight received = rebuild(night);
        try {
            StoredNight stored = store.commit(device.deviceId(), received, zone);
            LOG.log(Level.INFO, String.format(Locale.ROOT, "stored night %s of %s (patient %s, evening %s): PLMI %.1f/h, %.2f h in bed",
                    night.nightId(), device.deviceId(), stored.patientId(), stored.eveningDate(),
                    received.summary().statistics().plmIndex(), received.summary().hoursInBed()));
        } catch (StoreException e) {
            LOG.log(Level.ERROR, "night " + night.nightId() + " of " + device.deviceId() + " not stored: " + e.getMessage()
                    + "; the device keeps it and sends it again");
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The night as the store keeps it, scored from what the device sent. */
    static DeviceNight rebuild(Night night) throws IOException {
        NightStart start = night.start().orElseThrow(() -> new IOException(
                "night " + night.nightId() + " arrived without its start record (lost on the device)"));
        byte[] tally = night.summary().orElseThrow(() -> new IOException(
                "night " + night.nightId() + " arrived unfinished (no tally)"));
        List<LegMovement> detected = new ArrayList<>(night.movements().size());
        for (Movement m : night.movements()) {
            if (m.leg() != 0 && m.leg() != 1) {
                throw new IOException("night " + night.nightId() + ": movement at " + m.onsetUs() + " us has leg " + m.leg());
            }
            detected.add(new LegMovement(m.onsetUs(), m.offsetUs(), Leg.values()[m.leg()]));
        }
        ScoredNight scored;
        try {
            scored = ScoredNight.rebuild(detected, NightTallyCodec.decode(tally));
        } catch (IllegalArgumentException e) {
            throw new IOException("night " + night.nightId() + ": " + e.getMessage(), e);
        }
        return new DeviceNight(night.nightId(),
                new NightClock(start.bootId(), start.monotonicBaseNs(), start.wallClockMs(), start.wallClockSynced()),
                scored.summary(), scored.movements());
    }
}
