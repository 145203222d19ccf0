package org.legwatch.link.message;

/** A decoded message; docs/protocol.md gives each one's layout. */
public sealed interface Message
        permits Hello, Welcome, Heartbeat, Ack, ErrorReport, NightHeader, MovementChunk, SummaryPart, NightEnd,
        NightResult {

    MessageType type();
}
