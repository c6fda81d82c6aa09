package dev.basalt.storage;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.manifest.ChunkEntry;
import dev.basalt.storage.manifest.FileNames;
import dev.basalt.storage.manifest.RowGroupEntry;
import dev.basalt.storage.manifest.TableEntry;
import org.apache.arrow.memory.BufferAllocator;

import java.io.IOException;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Writes a row group of a transaction: encodes the buffers of every column of the table into a new
 * {@code rg-<n>.bsc}, then builds one index file per index of the table. Every file is recorded with the
 * transaction, so a rollback (or recovery after a crash) removes it.
 */
final class RowGroupWriter
{
    private final StorageTransaction transaction;
    private final BufferAllocator allocator;
    private RowGroupEncoder encoder;

    RowGroupWriter(StorageTransaction transaction, BufferAllocator allocator)
    {
        this.transaction = requireNonNull(transaction, "transaction is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    RowGroupEntry write(TableEntry table, ColumnBuffer[] buffers, int rows)
    {
        if (encoder == null) {
            encoder = new RowGroupEncoder(transaction.catalog().options());
        }
        List<DataType> types = table.schema().types();
        List<ChunkEntry> chunks = encoder.encode(buffers, types, rows);
        StorageCatalog catalog = transaction.catalog();
        long fileId = catalog.allocateFileId();
        String file = FileNames.rowGroup(fileId);
        transaction.addCreated(table.id(), file);
        try {
            catalog.store().writeFile(table.id(), file, encoder.bytes(), encoder.length());
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "cannot write " + catalog.store().describe(table.id(), file) + " of table \"" + table.name() + "\": " + e, e);
        }
        RowGroupEntry entry = new RowGroupEntry(fileId, rows, table.columnIds(), chunks, 0, 0);
        IndexMaintenance.build(transaction, table, transaction.working().indexesOf(table.id()), entry, allocator);
        return entry;
    }
}
