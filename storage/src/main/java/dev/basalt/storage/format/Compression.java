package dev.basalt.storage.format;

/** General-purpose compression applied to a chunk payload after encoding. The id is stored in the chunk header. */
public enum Compression
{
    NONE(0),
    ZSTD(1);

    private final int id;

    Compression(int id)
    {
        this.id = id;
    }

    public int id()
    {
        return id;
    }

    public static Compression fromId(int id)
    {
        for (Compression compression : values()) {
            if (compression.id == id) {
                return compression;
            }
        }
        return null;
    }
}
