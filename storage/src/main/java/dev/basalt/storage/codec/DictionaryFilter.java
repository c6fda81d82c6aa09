package dev.basalt.storage.codec;

import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.VarcharType;
import dev.basalt.storage.zonemap.ValueOrder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates scan predicates on VARCHAR columns stored as codes (DICTIONARY, RLE, CONSTANT) once per distinct
 * string, then selects a batch's rows by code, so rows that cannot match never reach the engine. Predicates are
 * hints: a row is dropped only when its string certainly fails one (NULL rows fail them all); anything this
 * class cannot decide (a bound that is not a string, bytes that are not UTF-8) keeps the row. The engine keeps
 * its own filter on top. Per-scan mutable state; reset per row group by {@link #open}.
 */
public final class DictionaryFilter
{
    private final ColumnPredicate[] predicates;
    /** Index into the scan's chunk readers of each predicate's column. */
    private final int[] readerSlots;
    /** Per predicate, per entry of the current row group: may the entry match? null = no filtering. */
    private final boolean[][] matches;
    private final StringCodes[] codes;
    private int[] codeScratch = new int[0];
    private boolean[] keep = new boolean[0];

    private DictionaryFilter(ColumnPredicate[] predicates, int[] readerSlots)
    {
        this.predicates = predicates;
        this.readerSlots = readerSlots;
        this.matches = new boolean[predicates.length][];
        this.codes = new StringCodes[predicates.length];
    }

    /**
     * A filter for the predicates on VARCHAR columns that the scan reads anyway ({@code readerColumns[i]} is the
     * table column of reader i), or null when there are none.
     */
    public static DictionaryFilter create(TableSchema schema, int[] readerColumns, List<ColumnPredicate> predicates)
    {
        List<ColumnPredicate> applicable = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (ColumnPredicate predicate : predicates) {
            int column = predicate.column();
            if (column < 0 || column >= schema.columnCount() || !(schema.column(column).type() instanceof VarcharType)) {
                continue;
            }
            boolean useful = switch (predicate) {
                case ColumnPredicate.Range range -> true;
                case ColumnPredicate.In in -> true;
                case ColumnPredicate.StartsWith startsWith -> true;
                case ColumnPredicate.IsNull isNull -> false;
                case ColumnPredicate.IsNotNull isNotNull -> false;
            };
            int slot = indexOf(readerColumns, column);
            if (useful && slot >= 0) {
                applicable.add(predicate);
                slots.add(slot);
            }
        }
        if (applicable.isEmpty()) {
            return null;
        }
        int[] readerSlots = new int[slots.size()];
        for (int i = 0; i < readerSlots.length; i++) {
            readerSlots[i] = slots.get(i);
        }
        return new DictionaryFilter(applicable.toArray(new ColumnPredicate[0]), readerSlots);
    }

    private static int indexOf(int[] values, int value)
    {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Prepares for a new row group. Returns false when some predicate matches none of the group's strings, so the
     * whole group can be skipped.
     */
    public boolean open(ChunkReader[] readers)
    {
        boolean any = true;
        for (int p = 0; p < predicates.length; p++) {
            ChunkReader reader = readers[readerSlots[p]];
            // No reader: a column added after this group was written (its default is not coded).
            StringCodes stringCodes = reader == null ? null : reader.stringCodes();
            codes[p] = stringCodes;
            matches[p] = null;
            if (stringCodes == null) {
                continue;
            }
            int entries = stringCodes.entryCount();
            boolean[] entryMatches = new boolean[entries];
            boolean all = true;
            boolean some = false;
            for (int e = 0; e < entries; e++) {
                boolean match = mightMatch(predicates[p], stringCodes.entry(e));
                entryMatches[e] = match;
                all &= match;
                some |= match;
            }
            if (!all) {
                matches[p] = entryMatches;
            }
            if (!some) {
                // No string matches, and NULL rows match no such predicate: nothing in this group can.
                any = false;
            }
        }
        return any;
    }

    /**
     * The rows of [start, start+count) that may match, as positions relative to start, narrowing {@code current}
     * (live positions of the batch) when it is not null. Returns {@code current} itself when nothing is dropped.
     */
    public SelectionVector select(int start, int count, SelectionVector current)
    {
        boolean filtering = false;
        for (boolean[] entryMatches : matches) {
            filtering |= entryMatches != null;
        }
        if (!filtering) {
            return current;
        }
        if (keep.length < count) {
            keep = new boolean[count];
            codeScratch = new int[count];
        }
        boolean[] keep = this.keep;
        Arrays.fill(keep, 0, count, true);
        int[] codes = codeScratch;
        for (int p = 0; p < predicates.length; p++) {
            boolean[] entryMatches = matches[p];
            if (entryMatches == null) {
                continue;
            }
            this.codes[p].codes(start, count, codes);
            for (int i = 0; i < count; i++) {
                keep[i] &= entryMatches[codes[i]];
            }
        }
        SelectionVector result;
        if (current == null) {
            result = new SelectionVector(count);
            for (int i = 0; i < count; i++) {
                if (keep[i]) {
                    result.add(i);
                }
            }
            if (result.size() == count) {
                return null;
            }
        }
        else {
            result = new SelectionVector(current.size());
            for (int i = 0; i < current.size(); i++) {
                int position = current.get(i);
                if (keep[position]) {
                    result.add(position);
                }
            }
            if (result.size() == current.size()) {
                return current;
            }
        }
        return result;
    }

    /** May a row holding these UTF-8 bytes satisfy the predicate? True whenever undecidable. */
    static boolean mightMatch(ColumnPredicate predicate, byte[] utf8)
    {
        String value = new String(utf8, StandardCharsets.UTF_8);
        if (!Arrays.equals(value.getBytes(StandardCharsets.UTF_8), utf8)) {
            return true;
        }
        return switch (predicate) {
            case ColumnPredicate.Range range -> {
                if (range.low() != null) {
                    if (!(range.low() instanceof String low)) {
                        yield true;
                    }
                    int comparison = ValueOrder.compareCodePoints(value, low);
                    if (comparison < 0 || (comparison == 0 && !range.lowInclusive())) {
                        yield false;
                    }
                }
                if (range.high() != null) {
                    if (!(range.high() instanceof String high)) {
                        yield true;
                    }
                    int comparison = ValueOrder.compareCodePoints(value, high);
                    if (comparison > 0 || (comparison == 0 && !range.highInclusive())) {
                        yield false;
                    }
                }
                yield true;
            }
            case ColumnPredicate.In in -> {
                for (Object candidate : in.values()) {
                    if (!(candidate instanceof String string) || string.equals(value)) {
                        yield true;
                    }
                }
                yield false;
            }
            case ColumnPredicate.StartsWith startsWith -> value.startsWith(startsWith.prefix());
            case ColumnPredicate.IsNull isNull -> true;
            case ColumnPredicate.IsNotNull isNotNull -> true;
        };
    }
}
