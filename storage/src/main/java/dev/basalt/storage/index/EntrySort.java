package dev.basalt.storage.index;

/**
 * A stable merge sort of int entry numbers by a primitive comparator, so sorting an index's entries by key never
 * boxes. Stability keeps equal keys in row order, which makes the index deterministic.
 */
final class EntrySort
{
    private static final int INSERTION_THRESHOLD = 24;

    /** Compares entries a and b by key. */
    @FunctionalInterface
    interface EntryComparator
    {
        int compare(int a, int b);
    }

    private EntrySort() {}

    static void sort(int[] entries, int count, EntryComparator comparator)
    {
        if (count < 2) {
            return;
        }
        int[] buffer = new int[count];
        // Bottom-up: insertion-sort small runs, then merge runs of doubling width, alternating between the arrays.
        for (int start = 0; start < count; start += INSERTION_THRESHOLD) {
            insertionSort(entries, start, Math.min(count, start + INSERTION_THRESHOLD), comparator);
        }
        int[] source = entries;
        int[] target = buffer;
        for (int width = INSERTION_THRESHOLD; width < count; width *= 2) {
            for (int start = 0; start < count; start += 2 * width) {
                int middle = Math.min(count, start + width);
                int end = Math.min(count, start + 2 * width);
                merge(source, target, start, middle, end, comparator);
            }
            int[] swap = source;
            source = target;
            target = swap;
        }
        if (source != entries) {
            System.arraycopy(source, 0, entries, 0, count);
        }
    }

    private static void insertionSort(int[] entries, int from, int to, EntryComparator comparator)
    {
        for (int i = from + 1; i < to; i++) {
            int entry = entries[i];
            int j = i - 1;
            while (j >= from && comparator.compare(entries[j], entry) > 0) {
                entries[j + 1] = entries[j];
                j--;
            }
            entries[j + 1] = entry;
        }
    }

    private static void merge(int[] source, int[] target, int start, int middle, int end, EntryComparator comparator)
    {
        if (middle >= end || comparator.compare(source[middle - 1], source[middle]) <= 0) {
            System.arraycopy(source, start, target, start, end - start);
            return;
        }
        int left = start;
        int right = middle;
        int out = start;
        while (left < middle && right < end) {
            // <= takes the left entry on ties: stable.
            if (comparator.compare(source[left], source[right]) <= 0) {
                target[out++] = source[left++];
            }
            else {
                target[out++] = source[right++];
            }
        }
        while (left < middle) {
            target[out++] = source[left++];
        }
        while (right < end) {
            target[out++] = source[right++];
        }
    }
}
