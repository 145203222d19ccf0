package org.legwatch.link.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;

/**
 * A serial port through jSerialComm, 8 data bits, no parity, one stop bit, no flow control. Works on
 * USB serial adapters, {@code /dev/rfcommN} and Linux pseudo-terminals named by path. jSerialComm
 * locks the port exclusively while it is open.
 */
public final class SerialTransport implements Transport {

    /** How long a read waits for the first byte. */
    static final int READ_WAIT_MS = 50;

    private final String path;
    private final int baudRate;

    public SerialTransport(String path, int baudRate) {
        if (baudRate <= 0) {
            throw new IllegalArgumentException("baud rate must be positive: " + baudRate);
        }
        this.path = path;
        this.baudRate = baudRate;
    }

    @Override
    public LinkChannel open() throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("serial port " + path + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, READ_WAIT_MS, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + path + " (" + reason(port.getLastErrorCode()) + ")");
        }
        return new SerialChannel(port, path);
    }

    @Override
    public String describe() {
        return "serial port " + path + " at " + baudRate + " baud";
    }

    private static String reason(int errno) {
        return switch (errno) {
            case 2 -> "errno 2: no such device, or it is already open";
            case 13 -> "errno 13: permission denied; is the user in the dialout group?";
            case 16 -> "errno 16: busy, another program has it open";
            default -> "errno " + errno;
        };
    }

    private static final class SerialChannel implements LinkChannel {
        private final SerialPort port;
        private final String path;
        private volatile boolean closed;

        SerialChannel(SerialPort port, String path) {
            this.port = port;
            this.path = path;
        }

        @Override
        public int read(byte[] buf) throws IOException {
            int n = port.readBytes(buf, buf.length);
            if (n < 0 || closed) {
                throw new IOException(closed ? "serial port " + path + " closed"
                        : "serial port " + path + " failed on read (errno " + port.getLastErrorCode() + ")");
            }
            return n;
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            int done = 0;
            while (done < len) {
                int n = port.writeBytes(buf, len - done, off + done);
                if (n <= 0 || closed) {
                    throw new IOException(closed ? "serial port " + path + " closed"
                            : "serial port " + path + " failed on write (errno " + port.getLastErrorCode() + ")");
                }
                done += n;
            }
        }

        @Override
        public void close() {
            closed = true;
            port.closePort();
        }
    }
}
