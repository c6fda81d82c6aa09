package dev.basalt.execution.sort;

import java.util.Arrays;
import java.util.List;

/**
 * Sorts row indexes by a list of {@link SortColumn}s. The first key is sorted as primitive longs (packed with the
 * row index into one long and handed to Arrays.sort when its range allows, else a merge sort of key/index pairs);
 * only runs of equal first keys are then sorted with the full row comparator.
 */
public final class IndexSorter
{
    private IndexSorter() {}

    /** Heap bytes {@link #sort} needs per row, for memory reservations. */
    public static long bytesPerRow(int keyCount)
    {
        return 8L * keyCount + 4 * 4 + 8 * 2;
    }

    /** Sorts {@code rows[0..count)} in place. */
    public static void sort(int[] rows, int count, List<SortColumn> keys)
    {
        if (count < 2 || keys.isEmpty()) {
            return;
        }
        SortColumn first = keys.get(0);
        int[] nulls = new int[count];
        int nullCount = 0;
        int valueCount = 0;
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (first.isNull(row)) {
                nulls[nullCount++] = row;
            }
            else {
                rows[valueCount++] = row;
            }
        }
        sortByFirstKey(rows, valueCount, first);
        boolean tieBreak = keys.size() > 1 || !first.exact();
        if (tieBreak) {
            int runStart = 0;
            for (int i = 1; i <= valueCount; i++) {
                if (i == valueCount || first.key(rows[i]) != first.key(rows[runStart])) {
                    if (i - runStart > 1) {
                        mergeSort(rows, runStart, i, keys);
                    }
                    runStart = i;
                }
            }
        }
        if (nullCount > 1 && keys.size() > 1) {
            mergeSort(nulls, 0, nullCount, keys);
        }
        if (first.nullsFirst()) {
            System.arraycopy(rows, 0, rows, nullCount, valueCount);
            System.arraycopy(nulls, 0, rows, 0, nullCount);
        }
        else {
            System.arraycopy(nulls, 0, rows, valueCount, nullCount);
        }
    }

    private static void sortByFirstKey(int[] rows, int count, SortColumn key)
    {
        if (count < 2) {
            return;
        }
        long[] keys = new long[count];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            long k = key.key(rows[i]);
            // ~k reverses the order without overflow
            k = key.ascending() ? k : ~k;
            keys[i] = k;
            min = Math.min(min, k);
            max = Math.max(max, k);
        }
        if (max - min >= 0 && max - min < (1L << 32)) {
            long[] packed = keys;
            long bias = min + (1L << 31);
            for (int i = 0; i < count; i++) {
                packed[i] = ((keys[i] - bias) << 32) | rows[i];
            }
            Arrays.sort(packed);
            for (int i = 0; i < count; i++) {
                rows[i] = (int) packed[i];
            }
            return;
        }
        mergeSortPairs(keys, rows, count);
    }

    /** Stable bottom-up merge sort of (key, row) pairs by key. */
    private static void mergeSortPairs(long[] keys, int[] rows, int count)
    {
        long[] keyBuffer = new long[count];
        int[] rowBuffer = new int[count];
        long[] sourceKeys = keys;
        int[] sourceRows = rows;
        long[] targetKeys = keyBuffer;
        int[] targetRows = rowBuffer;
        for (int width = 1; width < count; width *= 2) {
            for (int start = 0; start < count; start += 2 * width) {
                int middle = Math.min(start + width, count);
                int end = Math.min(start + 2 * width, count);
                int i = start;
                int j = middle;
                int k = start;
                while (i < middle && j < end) {
                    if (sourceKeys[j] < sourceKeys[i]) {
                        targetKeys[k] = sourceKeys[j];
                        targetRows[k++] = sourceRows[j++];
                    }
                    else {
                        targetKeys[k] = sourceKeys[i];
                        targetRows[k++] = sourceRows[i++];
                    }
                }
                while (i < middle) {
                    targetKeys[k] = sourceKeys[i];
                    targetRows[k++] = sourceRows[i++];
                }
                while (j < end) {
                    targetKeys[k] = sourceKeys[j];
                    targetRows[k++] = sourceRows[j++];
                }
            }
            long[] swapKeys = sourceKeys;
            sourceKeys = targetKeys;
            targetKeys = swapKeys;
            int[] swapRows = sourceRows;
            sourceRows = targetRows;
            targetRows = swapRows;
        }
        if (sourceRows != rows) {
            System.arraycopy(sourceRows, 0, rows, 0, count);
        }
    }

    static int compare(int left, int right, List<SortColumn> keys)
    {
        for (int k = 0; k < keys.size(); k++) {
            int c = keys.get(k).compare(left, right);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Merge sort of rows[from..to) with the full comparator. */
    static void mergeSort(int[] rows, int from, int to, List<SortColumn> keys)
    {
        int length = to - from;
        if (length < 16) {
            for (int i = from + 1; i < to; i++) {
                int row = rows[i];
                int j = i - 1;
                while (j >= from && compare(rows[j], row, keys) > 0) {
                    rows[j + 1] = rows[j];
                    j--;
                }
                rows[j + 1] = row;
            }
            return;
        }
        int[] buffer = new int[length];
        int[] source = Arrays.copyOfRange(rows, from, to);
        int[] target = buffer;
        for (int width = 1; width < length; width *= 2) {
            for (int start = 0; start < length; start += 2 * width) {
                int middle = Math.min(start + width, length);
                int end = Math.min(start + 2 * width, length);
                int i = start;
                int j = middle;
                int k = start;
                while (i < middle && j < end) {
                    target[k++] = compare(source[j], source[i], keys) < 0 ? source[j++] : source[i++];
                }
                while (i < middle) {
                    target[k++] = source[i++];
                }
                while (j < end) {
                    target[k++] = source[j++];
                }
            }
            int[] swap = source;
            source = target;
            target = swap;
        }
        System.arraycopy(source, 0, rows, from, length);
    }
}
