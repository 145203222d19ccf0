package org.legwatch.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.legwatch.link.message.Message;
import org.legwatch.link.message.MessageCodec;
import org.legwatch.link.message.MovementChunk;
import org.legwatch.link.message.NightEnd;
import org.legwatch.link.message.NightHeader;
import org.legwatch.link.message.SummaryPart;
import org.legwatch.link.wire.FrameCodec;
import org.legwatch.link.wire.WireFormatException;
import org.legwatch.link.wire.WireReader;

/** A night cut into messages and put back together, through the message codec. */
class NightTransferTest {

    /** The messages of a night as the host decodes them. */
    static List<Message> cut(Night night, int chunkBytes) throws WireFormatException {
        NightChunker c = new NightChunker(night, chunkBytes);
        List<Message> out = new ArrayList<>();
        while (c.hasNext()) {
            Message sent = c.next();
            byte[] p = MessageCodec.encode(sent);
            if (!(sent instanceof NightHeader)) {
                assertTrue(p.length <= chunkBytes, () -> sent.type() + " of " + p.length + " bytes");
            }
            assertTrue(p.length <= FrameCodec.MAX_PAYLOAD);
            out.add(MessageCodec.decode(sent.type().code(), new WireReader(p, 0, p.length)));
        }
        return out;
    }

    static Night assemble(List<Message> messages) throws InconsistentNightException {
        NightAssembler a = new NightAssembler((NightHeader) messages.get(0));
        for (Message m : messages.subList(1, messages.size() - 1)) {
            if (m instanceof MovementChunk mc) {
                a.add(mc);
            } else {
                a.add((SummaryPart) m);
            }
        }
        return a.finish((NightEnd) messages.get(messages.size() - 1));
    }

    @Test
    void nightsOfEveryShapeComeBackWholeWhateverTheChunkSize() throws Exception {
        Random rnd = new Random(8);
        List<Night> nights = new ArrayList<>(TestNights.small(8, 60));
        nights.add(TestNights.realistic(rnd, "real"));
        nights.add(new Night("empty", Optional.empty(), List.of(), Optional.empty()));
        nights.add(new Night("empty summary", Optional.empty(), List.of(), Optional.of(new byte[0])));
        nights.add(new Night("i".repeat(Night.MAX_ID_CHARS), Optional.of(new NightStart("€".repeat(Night.MAX_ID_CHARS),
                1, 2, false)), List.of(new Movement(Long.MIN_VALUE, Long.MAX_VALUE, (byte) 3, 1f)),
                Optional.of(new byte[Night.MAX_SUMMARY_BYTES])));
        for (int chunk : new int[] {LinkSettings.MIN_CHUNK_BYTES, 33, 100, 1024, LinkSettings.MAX_CHUNK_BYTES}) {
            for (Night n : nights) {
                List<Message> messages = cut(n, chunk);
                assertEquals(n, assemble(messages), n.nightId() + " in chunks of " + chunk);
            }
        }
    }

    @Test
    void realisticNightsTakeAboutTwelveBytesPerMovement() throws Exception {
        Night n = TestNights.realistic(new Random(1), "r");
        long bytes = 0;
        for (Message m : cut(n, 1024)) {
            if (m instanceof MovementChunk) {
                bytes += MessageCodec.encode(m).length;
            }
        }
        double perMovement = (double) bytes / n.movements().size();
        assertTrue(perMovement > 10 && perMovement < 14, () -> perMovement + " bytes per movement");
    }

    @Test
    void partsOutOfOrderMissingOrAlteredMakeTheNightInconsistent() throws Exception {
        Night n = TestNights.realistic(new Random(2), "r");
        List<Message> messages = cut(n, 200);
        int firstChunk = 1;
        // A chunk missing.
        List<Message> gap = new ArrayList<>(messages);
        gap.remove(firstChunk + 1);
        assertInconsistent(gap, "arrived after");
        // A chunk twice.
        List<Message> twice = new ArrayList<>(messages);
        twice.add(firstChunk + 1, messages.get(firstChunk + 1));
        assertInconsistent(twice, "arrived after");
        // A summary part missing at the end.
        List<Message> shortSummary = new ArrayList<>(messages);
        shortSummary.remove(shortSummary.size() - 2);
        assertInconsistent(shortSummary, "summary bytes arrived");
        // The movements all there but one altered: only the checksum can tell.
        MovementChunk c = (MovementChunk) messages.get(firstChunk);
        List<Movement> altered = new ArrayList<>(c.movements());
        Movement m0 = altered.get(0);
        altered.set(0, new Movement(m0.onsetUs(), m0.offsetUs() + 1, m0.leg(), m0.peakG()));
        List<Message> changed = new ArrayList<>(messages);
        changed.set(firstChunk, new MovementChunk(c.firstIndex(), altered));
        assertInconsistent(changed, "checksum");
        // Fewer movements than announced.
        NightHeader h = (NightHeader) messages.get(0);
        List<Message> announcedMore = new ArrayList<>(messages);
        announcedMore.set(0, new NightHeader(h.nightId(), h.start(), h.hasSummary(), h.movementCount() + 1,
                h.summaryLength()));
        assertInconsistent(announcedMore, "movements arrived");
    }

    private static void assertInconsistent(List<Message> messages, String reason) {
        InconsistentNightException e = assertThrows(InconsistentNightException.class, () -> assemble(messages));
        assertTrue(e.getMessage().contains(reason), e::getMessage);
    }
}
