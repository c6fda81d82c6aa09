package dev.basalt.storage.index;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.DataTypes;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowGroupIndexCacheTest
{
    private static final TableSchema SCHEMA = new TableSchema("t", List.of(new Column("a", DataTypes.BIGINT), new Column("b", DataTypes.BIGINT)));
    private static final IndexDefinition INDEX = new IndexDefinition("ix", "t", List.of("b"), Optional.empty(), false);

    private static byte[] data(int rows)
    {
        try (RootAllocator allocator = new RootAllocator()) {
            List<Object[]> values = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                values.add(new Object[] {(long) i, (long) (i * 7 % 13)});
            }
            try (ColumnBatch batch = IndexTestData.batch(allocator, SCHEMA.columns(), values, null)) {
                return RowGroupIndexBuilder.build(INDEX, SCHEMA, null, List.of(batch));
            }
        }
    }

    @Test
    void cachesByFileAndEvictsLeastRecentlyUsed()
            throws IOException
    {
        byte[] data = data(100);
        AtomicInteger reads = new AtomicInteger();
        RowGroupIndexCache.Reader reader = () -> {
            reads.incrementAndGet();
            return data;
        };
        RowGroupIndexCache cache = new RowGroupIndexCache(2L * data.length);
        RowGroupIndex first = cache.get("idx-1-1.bsi", INDEX, SCHEMA, reader);
        assertSame(first, cache.get("idx-1-1.bsi", INDEX, SCHEMA, reader));
        assertEquals(1, reads.get());
        cache.get("idx-1-2.bsi", INDEX, SCHEMA, reader);
        cache.get("idx-1-1.bsi", INDEX, SCHEMA, reader);
        cache.get("idx-1-3.bsi", INDEX, SCHEMA, reader);
        // Three files of which two fit: idx-1-2 was used least recently.
        assertEquals(3, reads.get());
        assertEquals(2L * data.length, cache.cachedBytes());
        cache.get("idx-1-1.bsi", INDEX, SCHEMA, reader);
        assertEquals(3, reads.get());
        cache.get("idx-1-2.bsi", INDEX, SCHEMA, reader);
        assertEquals(4, reads.get());

        // A renamed column moves key ordinals: the cached index is not reused.
        TableSchema renamed = new TableSchema("t", List.of(new Column("b", DataTypes.BIGINT), new Column("a", DataTypes.BIGINT)));
        RowGroupIndex reopened = cache.get("idx-1-2.bsi", INDEX, renamed, reader);
        assertEquals(5, reads.get());
        assertTrue(reopened != first);
        cache.invalidate("idx-1-2.bsi");
        assertTrue(cache.cachedBytes() <= data.length);
        assertEquals(3, cache.hits());
    }
}
