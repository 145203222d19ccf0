/**
 * The device-to-host link: store-and-forward of nights over a serial line, specified in
 * docs/protocol.md.
 *
 * <p>The device implements {@link org.legwatch.link.NightOutbox} and runs a
 * {@link org.legwatch.link.NightSender}; the host implements {@link org.legwatch.link.NightInbox}
 * and runs a {@link org.legwatch.link.NightReceiver}. Lines are
 * {@link org.legwatch.link.transport.Transport}s (a jSerialComm serial port or an in-memory pipe);
 * keys come from {@link org.legwatch.link.keys.Pairing}, {@link org.legwatch.link.keys.KeyRegistry}
 * and {@link org.legwatch.link.keys.DeviceKeyFile}. Subpackages: {@code wire} (frames), {@code message}
 * (message layouts), {@code reliable} (sequencing and retransmission), {@code transport},
 * {@code keys}.
 */
package org.legwatch.link;
