package dev.basalt.storage.io;

import dev.basalt.storage.format.CorruptedDataException;
import dev.basalt.storage.manifest.Manifest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Files as heap byte arrays; nothing is persisted. Reads share the arrays (they are never modified). */
public final class MemoryStore implements DatabaseStore
{
    private record Key(long tableId, String name) {}

    private final Map<Key, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public Manifest initialManifest()
    {
        return new Manifest(1, 1, 1, List.of());
    }

    @Override
    public String describe(long tableId, String name)
    {
        return "memory:tables/" + tableId + "/" + name;
    }

    @Override
    public void writeFile(long tableId, String name, byte[] bytes, int length)
    {
        byte[] copy = Arrays.copyOf(bytes, length);
        if (files.putIfAbsent(new Key(tableId, name), copy) != null) {
            throw new IllegalStateException(describe(tableId, name) + " already exists");
        }
    }

    @Override
    public RowGroupSource openFile(long tableId, String name)
    {
        byte[] bytes = image(tableId, name);
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
    public byte[] readFile(long tableId, String name)
    {
        return image(tableId, name);
    }

    private byte[] image(long tableId, String name)
    {
        byte[] bytes = files.get(new Key(tableId, name));
        if (bytes == null) {
            throw new CorruptedDataException("file is missing");
        }
        return bytes;
    }

    @Override
    public void syncTable(long tableId) {}

    @Override
    public void deleteFile(long tableId, String name)
    {
        files.remove(new Key(tableId, name));
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

    /** Test hook: the stored bytes of a file (mutating them simulates corruption), or null. */
    public byte[] bytes(long tableId, String name)
    {
        return files.get(new Key(tableId, name));
    }

    /** Test hook: the names of every stored file of a table. */
    public Set<String> fileNames(long tableId)
    {
        Set<String> names = new TreeSet<>();
        for (Key key : files.keySet()) {
            if (key.tableId() == tableId) {
                names.add(key.name());
            }
        }
        return names;
    }
}
