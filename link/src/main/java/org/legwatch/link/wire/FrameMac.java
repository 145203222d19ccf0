package org.legwatch.link.wire;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key, truncated to {@link #TAG_BYTES} bytes for frame tags. Not thread-safe:
 * each endpoint uses its own instances from its own thread.
 */
public final class FrameMac {

    /** Bytes of the truncated tag carried by every frame. */
    public static final int TAG_BYTES = 16;

    private final Mac mac;

    public FrameMac(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The full 32-byte HMAC of the concatenated parts (used to derive session keys). */
    public byte[] full(byte[]... parts) {
        for (byte[] p : parts) {
            mac.update(p);
        }
        return mac.doFinal();
    }

    /** The truncated tag of {@code len} bytes of {@code data} from {@code off}. */
    public byte[] tag(byte[] data, int off, int len) {
        mac.update(data, off, len);
        byte[] full = mac.doFinal();
        byte[] tag = new byte[TAG_BYTES];
        System.arraycopy(full, 0, tag, 0, TAG_BYTES);
        return tag;
    }

    /** Whether {@code tag} is the tag of the data, compared in constant time. */
    public boolean verify(byte[] data, int off, int len, byte[] tag) {
        return MessageDigest.isEqual(tag(data, off, len), tag);
    }
}
