package dev.basalt.storage.format;

/** How the values of a chunk are laid out before compression. The id is stored in the chunk header. */
public enum Encoding
{
    /** Values as in the Arrow buffer (bitmap for BOOLEAN; bit-packed lengths + bytes for VARCHAR). */
    PLAIN(0),
    /** Distinct values once, then a bit-packed code per row. */
    DICTIONARY(1),
    /** Integers as (value - chunk minimum), bit-packed with the width of (max - min). */
    FOR_BITPACK(2),
    /** One value for every row (nulls via the validity bitmap). */
    CONSTANT(3),
    /** Runs of equal values: bit-packed run lengths and run values (strings: the run values once each). */
    RLE(4),
    /** Integers as the first value plus frame-of-reference bit-packed differences to the previous row. */
    DELTA(5),
    /** Floating point numbers that are decimals with few digits, as integers * 10^-e, plus exceptions (ALP). */
    ALP(6);

    private final int id;

    Encoding(int id)
    {
        this.id = id;
    }

    public int id()
    {
        return id;
    }

    public static Encoding fromId(int id)
    {
        for (Encoding encoding : values()) {
            if (encoding.id == id) {
                return encoding;
            }
        }
        return null;
    }
}
