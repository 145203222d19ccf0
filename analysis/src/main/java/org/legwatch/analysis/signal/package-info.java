/** Signal building blocks for the detector: filter coefficients and running noise-floor estimates. */
package org.legwatch.analysis.signal;
