package org.legwatch.device.sensor;

import java.util.List;

/**
 * What identifies a supported chip and what it offers, as its data sheet gives it.
 *
 * @param name         the chip's name
 * @param idRegister   the register that holds its identity
 * @param id           the value that register reads
 * @param addresses    its two I2C addresses (address pin low, high)
 * @param ratesHz      output data rates the driver offers
 * @param rangesG      full-scale ranges the driver offers, +-g
 * @param fifoCapacity samples the hardware FIFO holds
 * @param watermark    FIFO level at which the driver reads a burst
 */
public record ChipSpec(String name, int idRegister, int id, List<Integer> addresses, List<Double> ratesHz,
                       List<Integer> rangesG, int fifoCapacity, int watermark) {
    public ChipSpec {
        addresses = List.copyOf(addresses);
        ratesHz = List.copyOf(ratesHz);
        rangesG = List.copyOf(rangesG);
    }
}
