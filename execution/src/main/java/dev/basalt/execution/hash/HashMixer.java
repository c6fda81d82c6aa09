package dev.basalt.execution.hash;

/** Hash mixing for open-addressing tables (the murmur3 finalizer: cheap, and spreads sequential keys). */
public final class HashMixer
{
    private HashMixer() {}

    public static long mix(long value)
    {
        long h = value * 0x9E37_79B9_7F4A_7C15L;
        h ^= h >>> 32;
        h *= 0xD6E8_FEB8_6659_FD93L;
        h ^= h >>> 32;
        return h;
    }

    public static long combine(long hash, long value)
    {
        return mix(hash * 31 + value);
    }
}
