package org.legwatch.device.sim;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A band's samples generated on a worker thread ahead of the simulated chip that reads them: the
 * worker fills blocks of samples and hands them over through a bounded queue, so generation runs on
 * another core at most {@code blocks} blocks ahead, and the blocks go round between the two
 * threads instead of being allocated anew. The reader sees exactly the samples of the source, in
 * the same order.
 */
final class SamplesAhead implements BandSamples {
    private static final class Block {
        final double[] t;
        final double[] x;
        final double[] y;
        final double[] z;
        int count;
        /** What stopped the worker, on the last block. */
        Throwable failure;

        Block(int size) {
            t = new double[size];
            x = new double[size];
            y = new double[size];
            z = new double[size];
        }
    }

    private final BlockingQueue<Block> filled;
    private final BlockingQueue<Block> empty;
    private Block current;
    private int position;
    private boolean ended;

    /** @param blocks how many blocks of {@code blockSize} samples may wait for the reader */
    SamplesAhead(int blocks, int blockSize) {
        filled = new ArrayBlockingQueue<>(blocks);
        empty = new ArrayBlockingQueue<>(blocks + 1);
        for (int i = 0; i <= blocks; i++) {
            empty.add(new Block(blockSize));
        }
    }

    /**
     * The worker's part: reads the whole source into blocks, blocking while the reader is
     * {@code blocks} blocks behind; ends with an empty block (carrying the failure, if the source
     * failed).
     */
    void produce(BandSamples source) throws InterruptedException {
        while (true) {
            Block b = empty.take();
            try {
                b.count = source.read(b.t, b.x, b.y, b.z, b.t.length);
            } catch (RuntimeException | Error e) {
                b.count = 0;
                b.failure = e;
            }
            filled.put(b);
            if (b.count == 0) {
                return;
            }
        }
    }

    @Override
    public int read(double[] t, double[] x, double[] y, double[] z, int max) {
        int n = 0;
        while (n < max && !ended) {
            if (current == null) {
                current = takeFilled();
                position = 0;
                if (current.count == 0) {
                    ended = true;
                    if (current.failure != null) {
                        throw new IllegalStateException("generating the band's samples failed: " + current.failure, current.failure);
                    }
                    return n;
                }
            }
            int k = Math.min(max - n, current.count - position);
            System.arraycopy(current.t, position, t, n, k);
            System.arraycopy(current.x, position, x, n, k);
            System.arraycopy(current.y, position, y, n, k);
            System.arraycopy(current.z, position, z, n, k);
            n += k;
            position += k;
            if (position == current.count) {
                empty.add(current);
                current = null;
            }
        }
        return n;
    }

    private Block takeFilled() {
        try {
            return filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for generated samples", e);
        }
    }
}
