package org.legwatch.link;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.legwatch.link.keys.DeviceKey;
import org.legwatch.link.message.Hello;
import org.legwatch.link.message.Message;
import org.legwatch.link.message.MessageCodec;
import org.legwatch.link.message.MessageType;
import org.legwatch.link.message.Welcome;
import org.legwatch.link.transport.LinkChannel;
import org.legwatch.link.wire.Frame;
import org.legwatch.link.wire.FrameCodec;
import org.legwatch.link.wire.FrameDecoder;
import org.legwatch.link.wire.FrameMac;

/**
 * A device driven by hand, frame by frame, holding a real key: for tests that send what a correct
 * sender never would.
 */
final class RawDevice {

    private final LinkChannel channel;
    private final DeviceKey key;
    private final FrameDecoder decoder = new FrameDecoder();
    private final List<Frame> inbox = new ArrayList<>();
    Session session;

    RawDevice(LinkChannel channel, DeviceKey key) {
        this.channel = channel;
        this.key = key;
    }

    /** Says hello and waits for the welcome; the session is then {@link #session}. */
    Session handshake() throws IOException, InterruptedException {
        byte[] nonce = new byte[Hello.NONCE_BYTES];
        new SecureRandom().nextBytes(nonce);
        FrameMac mac = new FrameMac(key.secret());
        byte[] hello = MessageCodec.encode(new Hello(key.deviceId(), "raw", key.keyId(), nonce));
        long deadline = System.nanoTime() + 5_000_000_000L;
        long nextHello = 0;
        while (System.nanoTime() < deadline) {
            // Said again until answered: the host may not have its port open yet.
            if (System.nanoTime() - nextHello >= 0) {
                write(FrameCodec.encode(MessageType.HELLO.code(), 0, 0, hello, mac));
                nextHello = System.nanoTime() + 200_000_000L;
            }
            for (Frame f : frames()) {
                if (f.type() == MessageType.WELCOME.code() && f.authenticatedBy(mac)) {
                    try {
                        Welcome w = (Welcome) MessageCodec.decode(f.type(), f.payload());
                        session = Session.open(f.sessionId(), new DeviceIdentity(key.deviceId(), "raw", key.keyId()),
                                key.secret(), nonce, w.hostNonce(), true, TestSettings.fast(), System.nanoTime());
                        return session;
                    } catch (org.legwatch.link.wire.WireFormatException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        throw new AssertionError("no welcome");
    }

    /** Sends a message in the session, sequenced ones under the given sequence number. */
    void send(Message m, long seq) throws IOException {
        byte[] body = MessageCodec.encode(m);
        sendRaw(m.type().code(), m.type().sequenced()
                ? new org.legwatch.link.wire.WireWriter(body.length + 4).i32((int) seq).bytes(body).toByteArray() : body);
    }

    /** Sends any payload under any type, authentic in the session, in the next frame. */
    void sendRaw(int type, byte[] payload) throws IOException {
        byte[] wire = FrameCodec.encode(type, session.id, session.nextFrame++, payload, session.sendMac);
        channel.write(wire, 0, wire.length);
    }

    void write(byte[] bytes) throws IOException {
        channel.write(bytes, 0, bytes.length);
    }

    /** Frames that arrived so far (reads for about 20 ms). */
    List<Frame> frames() throws IOException {
        byte[] buf = new byte[4096];
        int n = channel.read(buf);
        inbox.clear();
        decoder.feed(buf, 0, n, new FrameDecoder.Sink() {
            @Override
            public void frame(Frame frame) {
                inbox.add(frame);
            }

            @Override
            public void rejected(String reason) {
            }
        });
        return List.copyOf(inbox);
    }

    /** Decoded messages of the session that arrived within {@code ms}, keeping the session alive. */
    List<Message> messages(long ms) throws IOException {
        List<Message> out = new ArrayList<>();
        long deadline = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (session != null) {
                send(org.legwatch.link.message.Heartbeat.INSTANCE, 0);
            }
            for (Frame f : frames()) {
                if (session != null && f.sessionId() == session.id && f.authenticatedBy(session.receiveMac)) {
                    try {
                        org.legwatch.link.wire.WireReader r = f.payload();
                        MessageType t = MessageType.of(f.type());
                        if (t != null && t.sequenced()) {
                            r.u32("seq");
                        }
                        out.add(MessageCodec.decode(f.type(), r));
                    } catch (org.legwatch.link.wire.WireFormatException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return out;
    }
}
