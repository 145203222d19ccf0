package org.legwatch.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.legwatch.link.message.MovementChunk;
import org.legwatch.link.message.NightEnd;
import org.legwatch.link.message.NightHeader;
import org.legwatch.link.message.SummaryPart;

/**
 * Puts a night back together on the host from its messages, checking that every part comes in order
 * and that counts and checksum agree at the end. The first inconsistency is kept and reported at
 * NIGHT_END; later parts of the night are then ignored. Memory is bounded by the protocol's limits
 * on movements and summary size, whatever the header declares.
 */
final class NightAssembler {

    private final NightHeader header;
    private final List<Movement> movements = new ArrayList<>();
    private final byte[] summary;
    private int summaryReceived;
    private String problem;

    NightAssembler(NightHeader header) {
        this.header = header;
        this.summary = new byte[header.summaryLength()];
    }

    String nightId() {
        return header.nightId();
    }

    void add(MovementChunk chunk) {
        if (problem != null) {
            return;
        }
        if (chunk.firstIndex() != movements.size()) {
            problem = "movements from index " + chunk.firstIndex() + " arrived after " + movements.size();
        } else if (movements.size() + chunk.movements().size() > header.movementCount()) {
            problem = "more movements than the " + header.movementCount() + " announced";
        } else {
            movements.addAll(chunk.movements());
        }
    }

    void add(SummaryPart part) {
        if (problem != null) {
            return;
        }
        if (part.offset() != summaryReceived) {
            problem = "summary bytes from offset " + part.offset() + " arrived after " + summaryReceived;
        } else if (part.bytes().length > summary.length - summaryReceived) {
            problem = "more summary bytes than the " + summary.length + " announced";
        } else {
            System.arraycopy(part.bytes(), 0, summary, summaryReceived, part.bytes().length);
            summaryReceived += part.bytes().length;
        }
    }

    /**
     * The complete night.
     *
     * @throws InconsistentNightException naming what is wrong
     */
    Night finish(NightEnd end) throws InconsistentNightException {
        if (problem == null && movements.size() != header.movementCount()) {
            problem = movements.size() + " of " + header.movementCount() + " movements arrived";
        }
        if (problem == null && summaryReceived != summary.length) {
            problem = summaryReceived + " of " + summary.length + " summary bytes arrived";
        }
        if (problem != null) {
            throw new InconsistentNightException(problem);
        }
        Night night = new Night(header.nightId(), header.start(), movements,
                header.hasSummary() ? Optional.of(summary) : Optional.empty());
        int crc = NightChecksum.of(night);
        if (crc != end.checksum()) {
            throw new InconsistentNightException("checksum " + Integer.toHexString(crc) + " differs from the device's "
                    + Integer.toHexString(end.checksum()));
        }
        return night;
    }
}
