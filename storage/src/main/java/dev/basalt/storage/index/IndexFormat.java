package dev.basalt.storage.index;

/**
 * Layout constants of the index data of one row group (see docs/STORAGE.md, "Partial indexes"). Little-endian:
 * <pre>
 * "BSIX" | u16 version | u16 flags (0) | i32 row-group rows | i32 entries | i32 key columns
 * per key column: u8 key kind | u8 encoding | u16 type tag | i32 null count | i32 section length
 * u8 position bits | 3 zero bytes
 * per key column, its section: [null bitmap, ceil(entries/8) bytes, bit set = null, when 0 &lt; nulls]
 *                              [values, absent when every entry is null]
 * positions: bit-packed, position bits each, + 8 padding bytes
 * i32 CRC32C of every preceding byte
 * </pre>
 */
final class IndexFormat
{
    static final byte[] MAGIC = {'B', 'S', 'I', 'X'};
    static final int VERSION = 1;
    static final int HEADER_SIZE = 20;
    static final int COLUMN_HEADER_SIZE = 12;
    static final int POSITION_HEADER_SIZE = 4;
    static final int TRAILER_SIZE = 4;

    /** No values section: every entry of the column is null (or the NULL type). */
    static final int ENCODING_NONE = 0;
    /** LONG keys: i64 base, u8 bits, bit-packed (key - base) + 8 padding bytes; null slots hold base. */
    static final int ENCODING_FOR = 1;
    /** LONG keys whose range needs more than 56 bits: entries × i64. */
    static final int ENCODING_PLAIN64 = 2;
    /** INT128 keys: entries × (i64 low word, i64 high word). */
    static final int ENCODING_PLAIN128 = 3;
    /** BYTES keys: i32 byte count, (entries + 1) × i32 offsets, the bytes; null slots are empty. */
    static final int ENCODING_BYTES = 4;

    private IndexFormat() {}
}
