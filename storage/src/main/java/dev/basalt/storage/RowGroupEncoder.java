package dev.basalt.storage;

import dev.basalt.spi.type.DataType;
import dev.basalt.storage.codec.ChunkEncoder;
import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.RowGroupFile;
import dev.basalt.storage.manifest.ChunkEntry;

import java.util.ArrayList;
import java.util.List;

/** Encodes the column buffers of one row group into the image of a row-group file. One per writer. */
final class RowGroupEncoder
{
    private final ChunkEncoder chunkEncoder;
    private final ByteSink sink = new ByteSink(4096);

    RowGroupEncoder(StorageOptions options)
    {
        this.chunkEncoder = new ChunkEncoder(options.compress(), options.compressionLevel());
    }

    /** Encodes into {@link #bytes()}[0, {@link #length()}); returns where each chunk is and its zone map. */
    List<ChunkEntry> encode(ColumnBuffer[] buffers, List<DataType> types, int rows)
    {
        sink.reset();
        RowGroupFile.writeHeader(sink);
        long[] offsets = new long[buffers.length];
        int[] lengths = new int[buffers.length];
        List<ChunkEntry> chunks = new ArrayList<>(buffers.length);
        for (int column = 0; column < buffers.length; column++) {
            if (buffers[column].size() != rows) {
                throw new IllegalStateException("column " + column + " has " + buffers[column].size() + " rows, row group " + rows);
            }
            offsets[column] = sink.position();
            ChunkEncoder.Result result = chunkEncoder.encode(buffers[column], types.get(column), sink);
            lengths[column] = result.length();
            chunks.add(new ChunkEntry(offsets[column], result.length(), result.zoneMap()));
        }
        RowGroupFile.writeFooter(sink, rows, offsets, lengths);
        return chunks;
    }

    byte[] bytes()
    {
        return sink.array();
    }

    int length()
    {
        return sink.position();
    }
}
