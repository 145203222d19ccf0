package org.legwatch.analysis.night;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NightSettingsTest {
    private static NightSettings with(double flatDeg, double lyingDeg, double inBedAfterS, double lyingRunS, int breakSamples) {
        NightSettings d = NightSettings.DEFAULT;
        return new NightSettings(d.shankAxis(), flatDeg, lyingDeg, d.uprightMinInclinationDeg(), d.epochS(), inBedAfterS,
                lyingRunS, d.lieDownMaxS(), d.outOfBedAfterS(), d.sitUpMaxS(), d.inBedBlockGapS(), d.inBedBlockMinS(),
                d.notWornAfterS(), d.edgeNotWornAfterS(), breakSamples, d.minValidHoursInBed(), d.maxLostFraction(),
                d.sensorRangeG());
    }

    @Test
    void theDefaultsHoldTogether() {
        NightSettings d = NightSettings.DEFAULT;
        assertTrue(d.flatMaxInclinationDeg() < d.lyingMaxInclinationDeg());
        assertTrue(d.lyingRunInBedAfterS() > d.inBedAfterS());
    }

    @Test
    void inconsistentSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> with(35, 30, 60, 1200, 2), "flat wider than lying");
        assertThrows(IllegalArgumentException.class, () -> with(20, 30, 600, 300, 2), "a lying run shorter than the flat time");
        assertThrows(IllegalArgumentException.class, () -> with(20, 30, 60, 1200, 0), "stillness broken by no motion");
    }
}
