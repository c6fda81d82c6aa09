package dev.basalt.storage.index;

import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.TableSchema;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Opened row-group indexes, least recently used first out once they hold more than {@code maxBytes}. Index files
 * are immutable and their names are never reused, so an entry never goes stale; it is still re-opened when the
 * index definition or the table schema it was opened with changed (a renamed column moves key ordinals). Without
 * a cache, every point lookup (e.g. a unique check per inserted row) re-reads the index file of every row group
 * it cannot prune. Thread-safe; a file may be read twice when two threads miss at once.
 */
public final class RowGroupIndexCache
{
    /** Reads the bytes of an index file (only on a miss). */
    @FunctionalInterface
    public interface Reader
    {
        byte[] read()
                throws IOException;
    }

    private record Entry(RowGroupIndex index, IndexDefinition definition, TableSchema schema) {}

    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    public RowGroupIndexCache(long maxBytes)
    {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * The index of {@code file} (a name unique in the database, e.g. its path), opened from {@code reader}'s bytes
     * on a miss; {@code file} also names the file in corruption errors.
     */
    public RowGroupIndex get(String file, IndexDefinition index, TableSchema schema, Reader reader)
            throws IOException
    {
        requireNonNull(file, "file is null");
        requireNonNull(index, "index is null");
        requireNonNull(schema, "schema is null");
        synchronized (this) {
            Entry entry = entries.get(file);
            if (entry != null && entry.definition().equals(index) && entry.schema().equals(schema)) {
                hits++;
                return entry.index();
            }
            misses++;
        }
        RowGroupIndex opened = RowGroupIndex.open(index, schema, reader.read(), file);
        synchronized (this) {
            Entry previous = entries.put(file, new Entry(opened, index, schema));
            if (previous != null) {
                bytes -= previous.index().sizeInBytes();
            }
            bytes += opened.sizeInBytes();
            Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                bytes -= eldest.next().getValue().index().sizeInBytes();
                eldest.remove();
            }
        }
        return opened;
    }

    /** Forgets a file (deleted files need not be forgotten for correctness, only for memory). */
    public synchronized void invalidate(String file)
    {
        Entry removed = entries.remove(file);
        if (removed != null) {
            bytes -= removed.index().sizeInBytes();
        }
    }

    public synchronized long cachedBytes()
    {
        return bytes;
    }

    public synchronized long hits()
    {
        return hits;
    }

    public synchronized long misses()
    {
        return misses;
    }
}
