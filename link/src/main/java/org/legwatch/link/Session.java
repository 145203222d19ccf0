package org.legwatch.link;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.legwatch.link.message.Message;
import org.legwatch.link.reliable.ReliableReceiver;
import org.legwatch.link.reliable.ReliableSender;
import org.legwatch.link.reliable.RttEstimator;
import org.legwatch.link.wire.FrameMac;

/**
 * One session between a device and the host: its id, the two direction keys derived from the
 * device's key and both ends' nonces, the frame numbers each way and the reliable stream each way.
 * Frames of another session, or sent the other way, fail the tag check, which defeats replay across
 * sessions and reflection; frames numbered at or below the newest one accepted are refused, which
 * defeats replay within the session.
 */
final class Session {

    /** Frame numbers stop here; the session is then replaced by a new one. */
    static final long LAST_FRAME = 0xFFFF_FF00L;

    static final byte[] DEVICE_TO_HOST = "legwatch link 1 device to host".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HOST_TO_DEVICE = "legwatch link 1 host to device".getBytes(StandardCharsets.US_ASCII);

    final int id;
    final DeviceIdentity device;
    final FrameMac sendMac;
    final FrameMac receiveMac;
    final ReliableSender out;
    final ReliableReceiver<Message> in = new ReliableReceiver<>();
    /** Number of the next frame this end sends. */
    long nextFrame = 1;
    /** Number of the newest frame accepted from the other end; older numbers are refused. */
    long latestReceived;
    long lastReceived;
    long lastSent;

    private Session(int id, DeviceIdentity device, byte[] sendKey, byte[] receiveKey, LinkSettings s, long now) {
        this.id = id;
        this.device = device;
        this.sendMac = new FrameMac(sendKey);
        this.receiveMac = new FrameMac(receiveKey);
        this.out = new ReliableSender(s.window(), new RttEstimator(s.initialRto().toNanos(), s.minRto().toNanos(),
                s.maxRto().toNanos()));
        this.lastReceived = now;
        this.lastSent = now;
    }

    /**
     * Derives the session's keys: HMAC-SHA256 under the device key of a direction label, the device
     * nonce, the host nonce and the session id.
     */
    static Session open(int id, DeviceIdentity device, byte[] deviceSecret, byte[] deviceNonce, byte[] hostNonce,
            boolean deviceSide, LinkSettings settings, long now) {
        FrameMac master = new FrameMac(deviceSecret);
        byte[] idBytes = ByteBuffer.allocate(4).putInt(id).array();
        byte[] d2h = master.full(DEVICE_TO_HOST, deviceNonce, hostNonce, idBytes);
        byte[] h2d = master.full(HOST_TO_DEVICE, deviceNonce, hostNonce, idBytes);
        return deviceSide
                ? new Session(id, device, d2h, h2d, settings, now)
                : new Session(id, device, h2d, d2h, settings, now);
    }
}
