package dev.basalt.planner.testing;

import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableStatistics;
import dev.basalt.spi.catalog.TableWriter;
import org.apache.arrow.memory.BufferAllocator;

/** A table that only has a schema and statistics: enough for planning. */
public record TestingTable(TableSchema schema, TableStatistics statistics) implements Table
{
    @Override
    public CloseableIterator<ColumnBatch> scan(ScanSpec spec, BufferAllocator allocator)
    {
        throw new UnsupportedOperationException("planning tests do not scan");
    }

    @Override
    public TableWriter newWriter(BufferAllocator allocator)
    {
        throw new UnsupportedOperationException("planning tests do not write");
    }
}
