package dev.basalt.storage.io;

import dev.basalt.storage.format.CorruptedDataException;
import dev.basalt.storage.manifest.Manifest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Row-group images as heap byte arrays; nothing is persisted. Reads share the arrays (they are never modified). */
public final class MemoryStore implements DatabaseStore
{
    private record Key(long tableId, long fileId) {}

    private final Map<Key, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public Manifest initialManifest()
    {
        return new Manifest(1, 1, 1, java.util.List.of());
    }

    @Override
    public String describe(long tableId, long fileId)
    {
        return "memory:tables/" + tableId + "/rg-" + fileId + ".bsc";
    }

    @Override
    public void writeRowGroup(long tableId, long fileId, byte[] bytes, int length)
    {
        byte[] copy = java.util.Arrays.copyOf(bytes, length);
        if (files.putIfAbsent(new Key(tableId, fileId), copy) != null) {
            throw new IllegalStateException(describe(tableId, fileId) + " already exists");
        }
    }

    @Override
    public RowGroupSource openRowGroup(long tableId, long fileId)
    {
        byte[] bytes = files.get(new Key(tableId, fileId));
        if (bytes == null) {
            throw new CorruptedDataException("file is missing");
        }
        return new RowGroupSource()
        {
            @Override
            public Slice read(long offset, int length)
            {
                if (offset < 0 || offset + length > bytes.length) {
                    throw new CorruptedDataException("file is truncated: need bytes " + offset + ".." + (offset + length) + ", it has " + bytes.length);
                }
                return new Slice(bytes, (int) offset, length);
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void syncTable(long tableId) {}

    @Override
    public void deleteRowGroup(long tableId, long fileId)
    {
        files.remove(new Key(tableId, fileId));
    }

    @Override
    public void deleteTable(long tableId)
    {
        files.keySet().removeIf(key -> key.tableId() == tableId);
    }

    @Override
    public void publish(Manifest manifest) {}

    @Override
    public void close()
    {
        files.clear();
    }

    /** Test hook: the stored image of a file, to corrupt it. */
    public byte[] image(long tableId, long fileId)
    {
        return files.get(new Key(tableId, fileId));
    }
}
