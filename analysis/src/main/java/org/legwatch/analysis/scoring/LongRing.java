package org.legwatch.analysis.scoring;

/**
 * A FIFO of {@code width} longs per entry that doubles its storage when full. In steady state it
 * allocates nothing; it grows only while movements pile up behind one that is not yet final.
 * A new entry is not cleared: its fields hold whatever was there before, and callers write every
 * field they later read.
 */
final class LongRing {
    private final int width;
    private long[] data;
    private int capacity;
    private int head;
    private int size;

    LongRing(int width, int initialCapacity) {
        this.width = width;
        this.capacity = Integer.highestOneBit(Math.max(4, initialCapacity - 1) << 1);
        this.data = new long[capacity * width];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Appends an entry and returns its position from the head (for {@link #set}). */
    int add() {
        if (size == capacity) {
            grow();
        }
        return size++;
    }

    long get(int index, int field) {
        return data[slot(index) + field];
    }

    void set(int index, int field, long value) {
        data[slot(index) + field] = value;
    }

    void removeFirst() {
        head = (head + 1) & (capacity - 1);
        size--;
    }

    void clear() {
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
