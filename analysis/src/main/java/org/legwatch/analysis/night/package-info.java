/** A night as a whole: its time in bed, its quality, and the summary that is stored and sent. */
package org.legwatch.analysis.night;
