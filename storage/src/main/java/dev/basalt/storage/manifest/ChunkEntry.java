package dev.basalt.storage.manifest;

import dev.basalt.storage.zonemap.ZoneMap;

import static java.util.Objects.requireNonNull;

/** Where one column chunk lies in its row-group file, and its zone map. */
public record ChunkEntry(long offset, int length, ZoneMap zoneMap)
{
    public ChunkEntry
    {
        requireNonNull(zoneMap, "zoneMap is null");
    }
}
