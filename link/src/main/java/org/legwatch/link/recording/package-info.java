/**
 * Raw recordings: the file format in which the device keeps a leg's raw acceleration for later
 * re-scoring and the host reads it (docs/formats.md, "Raw recording, binary"). One file per leg
 * and night; checksummed blocks of about a second of samples as integer counts, Rice-coded
 * residuals; readable after a power cut at any moment. {@link org.legwatch.link.recording.RawRecordingWriter}
 * on the device, {@link org.legwatch.link.recording.RawRecordingReader} on the host.
 */
package org.legwatch.link.recording;
