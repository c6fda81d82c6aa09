package dev.basalt.storage.index;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unique checks across row groups agree with brute force, with NULL keys distinct and deleted rows ignored. */
class UniqueKeyCheckTest
{
    private static final TableSchema SCHEMA = new TableSchema("t", List.of(new Column("a", DataTypes.INTEGER), new Column("b", DataTypes.VARCHAR)));
    private static final List<DataType> KEY_TYPES = List.of(DataTypes.INTEGER, DataTypes.VARCHAR);
    private static final IndexDefinition UNIQUE = new IndexDefinition("t_pkey", "t", List.of("a", "b"), Optional.empty(), true);

    private record Group(List<Object[]> rows, Set<Integer> deleted, UniqueKeyCheck.Part part) {}

    @Property(tries = 150)
    void agreesWithBruteForce(@ForAll long seed)
    {
        Random random = new Random(seed);
        int domain = 2 + random.nextInt(60);
        try (RootAllocator allocator = new RootAllocator()) {
            List<Group> existing = new ArrayList<>();
            Set<List<Object>> liveExisting = new HashSet<>();
            int existingGroups = random.nextInt(5);
            for (int g = 0; g < existingGroups; g++) {
                // Existing data is valid: a repeated live key is deleted.
                existing.add(group(allocator, random, domain, liveExisting));
            }
            List<Group> added = new ArrayList<>();
            int addedGroups = 1 + random.nextInt(3);
            for (int g = 0; g < addedGroups; g++) {
                added.add(group(allocator, random, domain, null));
            }
            boolean expected = bruteForce(existing, added);
            List<UniqueKeyCheck.Part> existingParts = existing.stream().map(Group::part).toList();
            List<UniqueKeyCheck.Part> addedParts = added.stream().map(Group::part).toList();
            for (Optional<UniqueKeyCheck.Duplicate> found : List.of(UniqueKeyCheck.find(existingParts, addedParts),
                    UniqueKeyCheck.findByProbing(existingParts, addedParts), UniqueKeyCheck.findByMerging(existingParts, addedParts))) {
                assertEquals(expected, found.isPresent(), "seed " + seed);
                found.ifPresent(duplicate -> checkReal(duplicate, addedParts));
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    private static void checkReal(UniqueKeyCheck.Duplicate duplicate, List<UniqueKeyCheck.Part> addedParts)
    {
        assertTrue(addedParts.contains(duplicate.second()));
        assertFalse(duplicate.first() == duplicate.second() && duplicate.firstEntry() == duplicate.secondEntry());
        RowGroupIndex first = duplicate.first().index();
        RowGroupIndex second = duplicate.second().index();
        assertTrue(IndexTestData.sameKey(KEY_TYPES, first.key(duplicate.firstEntry()), second.key(duplicate.secondEntry())));
        assertFalse(duplicate.first().deleted().test(first.position(duplicate.firstEntry())));
        assertFalse(duplicate.second().deleted().test(second.position(duplicate.secondEntry())));
        BasaltException exception = duplicate.toException();
        assertEquals(ErrorCode.UNIQUE_VIOLATION, exception.code());
        assertTrue(exception.getMessage().startsWith("duplicate key value violates unique constraint \"t_pkey\": Key (a, b)=("), exception.getMessage());
    }

    private static Group group(RootAllocator allocator, Random random, int domain, Set<List<Object>> liveKeys)
    {
        int size = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(200);
        List<Object[]> rows = new ArrayList<>();
        Set<Integer> deleted = new HashSet<>();
        for (int i = 0; i < size; i++) {
            Object a = random.nextInt(10) == 0 ? null : random.nextInt(domain);
            Object b = random.nextInt(10) == 0 ? null : String.valueOf((char) ('a' + random.nextInt(2)));
            rows.add(new Object[] {a, b});
            if (random.nextInt(8) == 0) {
                deleted.add(i);
            }
            else if (liveKeys != null && a != null && b != null && !liveKeys.add(List.of(a, b))) {
                deleted.add(i);
            }
        }
        byte[] data;
        try (ColumnBatch batch = IndexTestData.batch(allocator, SCHEMA.columns(), rows, null)) {
            data = RowGroupIndexBuilder.build(UNIQUE, SCHEMA, null, List.of(batch));
        }
        RowGroupIndex index = RowGroupIndex.open(UNIQUE, SCHEMA, data, "f");
        return new Group(rows, deleted, new UniqueKeyCheck.Part(index, deleted::contains));
    }

    private static boolean bruteForce(List<Group> existing, List<Group> added)
    {
        Set<List<Object>> seen = new HashSet<>();
        for (Group group : existing) {
            addLive(group, seen, false);
        }
        for (Group group : added) {
            if (addLive(group, seen, true)) {
                return true;
            }
        }
        return false;
    }

    private static boolean addLive(Group group, Set<List<Object>> seen, boolean report)
    {
        for (int i = 0; i < group.rows().size(); i++) {
            Object[] row = group.rows().get(i);
            if (group.deleted().contains(i) || row[0] == null || row[1] == null) {
                continue;
            }
            if (!seen.add(List.of(row[0], row[1])) && report) {
                return true;
            }
        }
        return false;
    }

    @Test
    void nullsNeverConflict()
    {
        try (RootAllocator allocator = new RootAllocator()) {
            List<Object[]> rows = List.of(new Object[] {null, "a"}, new Object[] {null, "a"}, new Object[] {1, null}, new Object[] {1, null});
            byte[] data;
            try (ColumnBatch batch = IndexTestData.batch(allocator, SCHEMA.columns(), rows, null)) {
                data = RowGroupIndexBuilder.build(UNIQUE, SCHEMA, null, List.of(batch));
            }
            UniqueKeyCheck.Part part = new UniqueKeyCheck.Part(RowGroupIndex.open(UNIQUE, SCHEMA, data, "f"));
            assertFalse(UniqueKeyCheck.find(List.of(part), List.of(part)).isPresent());
            assertFalse(UniqueKeyCheck.find(List.of(), List.of(part)).isPresent());
        }
    }
}
