package dev.basalt.storage.codec;

import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.Encoding;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Predicates on coded strings select by code: never a matching row dropped, non-matching ones dropped. */
class DictionaryFilterTest
        extends AllocatorProperties
{
    private static final TableSchema SCHEMA = new TableSchema("t", List.of(new Column("s", DataTypes.VARCHAR), new Column("i", DataTypes.INTEGER)));
    private static final List<String> DOMAIN = List.of("", "AIR", "AIR REG", "MAIL", "RAIL", "SHIP", "TRUCK", "é", "\uD83D\uDE00", "\uFF5E");

    record Case(List<Object> values, Encoding encoding, ColumnPredicate predicate, int batch) {}

    @Provide
    Arbitrary<Case> cases()
    {
        Arbitrary<Object> value = Arbitraries.of(DOMAIN).map(v -> (Object) v).injectNull(0.1);
        Arbitrary<ColumnPredicate> predicate = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(DOMAIN).injectNull(0.3), Arbitraries.of(true, false), Arbitraries.of(DOMAIN).injectNull(0.3), Arbitraries.of(true, false))
                        .as((low, lowInclusive, high, highInclusive) -> new ColumnPredicate.Range(0, low, lowInclusive, high, highInclusive)),
                Arbitraries.of(DOMAIN).list().ofMaxSize(3).map(values -> new ColumnPredicate.In(0, new ArrayList<>(values))),
                Arbitraries.of("", "A", "AIR", "R", "T", "é", "\uD83D", "ZZ").map(prefix -> new ColumnPredicate.StartsWith(0, prefix)),
                Arbitraries.just(new ColumnPredicate.Range(0, 5, true, null, false)));
        return Combinators.combine(value.list().ofMinSize(1).ofMaxSize(400), Arbitraries.of(Encoding.DICTIONARY, Encoding.RLE, Encoding.CONSTANT),
                predicate, Arbitraries.integers().between(1, 150)).as(Case::new);
    }

    @Property(tries = 400)
    void keepsEveryMatchingRow(@ForAll("cases") Case testCase)
    {
        List<Object> values = testCase.values();
        ColumnBuffer buffer = EncodingRoundTrip.buffer(allocator, DataTypes.VARCHAR, values);
        ByteSink sink = new ByteSink(64);
        ChunkEncoder.Result result;
        try {
            result = new ChunkEncoder(false, 1).encode(buffer, DataTypes.VARCHAR, testCase.encoding(), sink);
        }
        catch (IllegalArgumentException e) {
            return; // not constant
        }
        ChunkReader reader = ChunkReader.open(sink.array(), 0, result.length(), PhysicalKind.VARBINARY, values.size());
        DictionaryFilter filter = DictionaryFilter.create(SCHEMA, new int[] {1, 0}, List.of(testCase.predicate()));
        assertNotNull(filter);
        ChunkReader[] readers = {null, reader};
        boolean groupMayMatch = reader.stringCodes() == null || filter.open(readers);
        for (int start = 0; start < values.size(); start += testCase.batch()) {
            int count = Math.min(testCase.batch(), values.size() - start);
            SelectionVector selection = groupMayMatch ? filter.select(start, count, null) : new SelectionVector(0);
            int dropped = 0;
            int droppedNulls = 0;
            for (int i = 0; i < count; i++) {
                boolean kept = selection == null || contains(selection, i);
                boolean matches = matches(testCase.predicate(), values.get(start + i));
                if (matches) {
                    assertTrue(kept, "row " + (start + i) + " " + values.get(start + i) + " matches " + testCase.predicate());
                }
                if (!kept) {
                    dropped++;
                    droppedNulls += values.get(start + i) == null ? 1 : 0;
                }
            }
            // Exact on strings: every non-matching non-null row is dropped when the bounds are strings.
            if (selection != null && testCase.predicate() instanceof ColumnPredicate.StartsWith) {
                int nonMatching = 0;
                for (int i = 0; i < count; i++) {
                    // NULL rows may be kept or dropped.
                    nonMatching += values.get(start + i) == null || matches(testCase.predicate(), values.get(start + i)) ? 0 : 1;
                }
                assertEquals(nonMatching, dropped - droppedNulls);
            }
        }
    }

    private static boolean contains(SelectionVector selection, int position)
    {
        for (int i = 0; i < selection.size(); i++) {
            if (selection.get(i) == position) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(ColumnPredicate predicate, Object value)
    {
        if (!(value instanceof String string)) {
            return false;
        }
        return switch (predicate) {
            case ColumnPredicate.Range range -> !(range.low() instanceof String) && range.low() != null
                    || !(range.high() instanceof String) && range.high() != null
                    || (range.low() == null || compare(string, (String) range.low()) > 0 || range.lowInclusive() && compare(string, (String) range.low()) == 0)
                    && (range.high() == null || compare(string, (String) range.high()) < 0 || range.highInclusive() && compare(string, (String) range.high()) == 0);
            case ColumnPredicate.In in -> in.values().contains(string);
            case ColumnPredicate.StartsWith startsWith -> string.startsWith(startsWith.prefix());
            case ColumnPredicate.IsNull isNull -> false;
            case ColumnPredicate.IsNotNull isNotNull -> true;
        };
    }

    private static int compare(String left, String right)
    {
        return java.util.Arrays.compareUnsigned(left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void onlyVarcharColumnsThatAreReadQualify()
    {
        assertNull(DictionaryFilter.create(SCHEMA, new int[] {1}, List.of(new ColumnPredicate.StartsWith(0, "A"))));
        assertNull(DictionaryFilter.create(SCHEMA, new int[] {0, 1}, List.of(new ColumnPredicate.Range(1, 1, true, 2, true))));
        assertNull(DictionaryFilter.create(SCHEMA, new int[] {0}, List.of(new ColumnPredicate.IsNull(0))));
        assertNotNull(DictionaryFilter.create(SCHEMA, new int[] {0}, List.of(new ColumnPredicate.In(0, List.of("AIR")))));
    }

    @Test
    void groupWithoutMatchingStringIsSkipped()
    {
        // JUnit runs this outside the jqwik container lifecycle: use an allocator of its own.
        try (BufferAllocator allocator = new RootAllocator()) {
            groupWithoutMatchingStringIsSkipped(allocator);
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    private static void groupWithoutMatchingStringIsSkipped(BufferAllocator allocator)
    {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            values.add(DOMAIN.get(1 + i % 5));
        }
        ColumnBuffer buffer = EncodingRoundTrip.buffer(allocator, DataTypes.VARCHAR, values);
        ByteSink sink = new ByteSink(64);
        ChunkEncoder.Result result = new ChunkEncoder(false, 1).encode(buffer, DataTypes.VARCHAR, sink);
        assertEquals(Encoding.DICTIONARY, result.encoding());
        ChunkReader reader = ChunkReader.open(sink.array(), 0, result.length(), PhysicalKind.VARBINARY, values.size());
        DictionaryFilter none = DictionaryFilter.create(SCHEMA, new int[] {0}, List.of(new ColumnPredicate.StartsWith(0, "Z")));
        assertFalse(none.open(new ChunkReader[] {reader}));
        DictionaryFilter some = DictionaryFilter.create(SCHEMA, new int[] {0}, List.of(new ColumnPredicate.In(0, List.of("MAIL"))));
        assertTrue(some.open(new ChunkReader[] {reader}));
        SelectionVector selection = some.select(0, 1000, null);
        assertEquals(200, selection.size());
        SelectionVector narrowed = some.select(0, 1000, new SelectionVector(new int[] {0, 2, 7, 12}, 4));
        assertEquals(3, narrowed.size());
        assertEquals(2, narrowed.get(0));
        assertEquals(7, narrowed.get(1));
        assertEquals(12, narrowed.get(2));
    }
}
