package org.legwatch.host.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dashboard's access token: a secret read from a file only its owner can read. A request shows
 * it in an {@code Authorization: Bearer} header, or shows the session cookie that the login form
 * hands out. The cookie holds a value derived from the token rather than the token itself, so a
 * cookie read off a browser does not reveal the file's content, and a new token ends every session.
 * Every comparison takes the same time whatever the guess.
 */
public final class AccessToken {
    /** Shortest token accepted: long enough that guessing it over the network is hopeless. */
    public static final int MIN_CHARS = 20;
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final byte[] token;
    private final String sessionValue;

    AccessToken(String token) {
        if (token.length() < MIN_CHARS || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("an access token needs at least " + MIN_CHARS
                    + " printable ASCII characters without spaces");
        }
        this.token = token.getBytes(StandardCharsets.US_ASCII);
        this.sessionValue = deriveSessionValue(this.token);
    }

    /**
     * Reads the token from {@code file}: its only line, surrounding white space dropped. The file
     * must be a regular file of the user running the dashboard that nobody else may read or write.
     */
    public static AccessToken read(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("token file " + file + " is not a regular file");
        }
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            throw new IOException("token file " + file + ": this file system cannot show who may read it");
        }
        PosixFileAttributes attributes = view.readAttributes();
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IOException("token file " + file + " may be read or written by others ("
                    + PosixFilePermissions.toString(permissions) + "): chmod 600 it");
        }
        String user = System.getProperty("user.name");
        if (!attributes.owner().getName().equals(user)) {
            throw new IOException("token file " + file + " belongs to " + attributes.owner().getName() + ", not to " + user);
        }
        String content = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (content.indexOf('\n') >= 0) {
            throw new IOException("token file " + file + " must hold one line");
        }
        try {
            return new AccessToken(content);
        } catch (IllegalArgumentException e) {
            throw new IOException("token file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code offered} is the token, in time independent of where they differ. */
    public boolean matches(String offered) {
        return offered != null && MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.US_ASCII));
    }

    /** The session cookie's value for a browser that logged in with the token. */
    String sessionValue() {
        return sessionValue;
    }

    /** Whether {@code offered} is the session cookie's value, in time independent of where they differ. */
    boolean matchesSession(String offered) {
        return offered != null && MessageDigest.isEqual(sessionValue.getBytes(StandardCharsets.US_ASCII),
                offered.getBytes(StandardCharsets.US_ASCII));
    }

    private static String deriveSessionValue(byte[] token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token, "HmacSHA256"));
            byte[] tag = mac.doFinal("legwatch dashboard session".getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
