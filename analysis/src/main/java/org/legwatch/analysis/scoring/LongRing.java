package org.legwatch.analysis.scoring;

/**
 * A FIFO of {@code width} longs per entry that doubles its storage when full. In steady state it
 * allocates nothing; it grows only while movements pile up behind one that is not yet final.
 * A new entry is not cleared: its fields hold whatever was there before, and callers write every
 * field they later read.
 */
public final class LongRing {
    private final int width;
    private long[] data;
    private int capacity;
    private int head;
    private int size;

    public LongRing(int width, int initialCapacity) {
        this.width = width;
        this.capacity = Integer.highestOneBit(Math.max(4, initialCapacity - 1) << 1);
        this.data = new long[capacity * width];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Appends an entry and returns its position from the head (for {@link #set}). */
    public int add() {
        if (size == capacity) {
            grow();
        }
        return size++;
    }

    public long get(int index, int field) {
        return data[slot(index) + field];
    }

    public void set(int index, int field, long value) {
        data[slot(index) + field] = value;
    }

    public void removeFirst() {
        head = (head + 1) & (capacity - 1);
        size--;
    }

    public void clear() {
        head = 0;
        size = 0;
    }

    private int slot(int index) {
        return ((head + index) & (capacity - 1)) * width;
    }

    private void grow() {
        long[] bigger = new long[capacity * 2 * width];
        for (int i = 0; i < size; i++) {
            System.arraycopy(data, slot(i), bigger, i * width, width);
        }
        data = bigger;
        head = 0;
        capacity *= 2;
    }
}
