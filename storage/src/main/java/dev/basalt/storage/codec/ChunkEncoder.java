package dev.basalt.storage.codec;

import dev.basalt.spi.type.DataType;
import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.ChunkHeader;
import dev.basalt.storage.format.Compression;
import dev.basalt.storage.format.Encoding;
import dev.basalt.storage.zonemap.ZoneMap;
import dev.basalt.storage.zonemap.ZoneMapBuilder;

import static java.util.Objects.requireNonNull;

/**
 * Turns a column buffer into a stored chunk: zone map, validity bitmap (only when some but not all rows are
 * null), the smallest applicable encoding (sizes are computed, not guessed, from one cheap pass each), then
 * zstd when it saves at least 1/16 of the bytes, then the header with its CRC32C. Holds reusable scratch
 * space, so one instance per writer thread.
 */
public final class ChunkEncoder
{
    /** Payloads smaller than this are not worth a zstd frame. */
    private static final int MIN_COMPRESSIBLE = 64;

    /** Result of encoding one chunk. */
    public record Result(Encoding encoding, Compression compression, int length, ZoneMap zoneMap)
    {
        public Result
        {
            requireNonNull(encoding, "encoding is null");
            requireNonNull(compression, "compression is null");
            requireNonNull(zoneMap, "zoneMap is null");
        }
    }

    private final boolean compress;
    private final int compressionLevel;
    private final ByteSink payload = new ByteSink(1024);
    private final LongDictionaryBuilder longDictionary = new LongDictionaryBuilder();
    private final BytesDictionaryBuilder bytesDictionary = new BytesDictionaryBuilder();
    private byte[] compressed = new byte[0];

    public ChunkEncoder(boolean compress, int compressionLevel)
    {
        this.compress = compress;
        this.compressionLevel = compressionLevel;
    }

    /** Appends the chunk for {@code buffer} to {@code out}, choosing the encoding. May rewrite null slots of the buffer. */
    public Result encode(ColumnBuffer buffer, DataType type, ByteSink out)
    {
        return encode(buffer, type, null, out);
    }

    /** As {@link #encode(ColumnBuffer, DataType, ByteSink)} with a given encoding (tests); null chooses. */
    public Result encode(ColumnBuffer buffer, DataType type, Encoding forced, ByteSink out)
    {
        PhysicalKind kind = buffer.kind();
        if (kind != PhysicalKind.of(type)) {
            throw new IllegalArgumentException("buffer of kind " + kind + " for type " + type);
        }
        int rows = buffer.size();
        int nulls = buffer.nullCount();
        ZoneMap zoneMap = ZoneMapBuilder.build(buffer, type);
        payload.reset();
        if (nulls > 0 && nulls < rows) {
            writeValidity(buffer, payload);
        }
        Encoding encoding = Encoding.PLAIN;
        if (nulls < rows && kind != PhysicalKind.NULL) {
            long min = 0;
            int forBits = -1;
            if (kind.isInteger()) {
                long[] range = ZoneMapBuilder.longRange(buffer);
                min = range[0];
                forBits = ForBitPackEncoding.bitWidth(range[0], range[1]);
                if (nulls > 0) {
                    fillNulls(buffer, min);
                }
            }
            encoding = forced == null ? choose(buffer, forBits) : prepareForced(buffer, forced, forBits);
            switch (encoding) {
                case PLAIN -> PlainEncoding.encode(buffer, payload);
                case FOR_BITPACK -> ForBitPackEncoding.encode(buffer.values(), rows, min, forBits, payload);
                case DICTIONARY -> {
                    if (kind == PhysicalKind.VARBINARY) {
                        DictionaryEncoding.encodeBytes(buffer, bytesDictionary, payload);
                    }
                    else {
                        DictionaryEncoding.encodeFixed(kind, longDictionary, rows, payload);
                    }
                }
            }
        }
        int payloadLength = payload.position();
        byte[] stored = payload.array();
        int storedLength = payloadLength;
        Compression compression = Compression.NONE;
        if (compress && payloadLength >= MIN_COMPRESSIBLE) {
            int bound = ZstdCompression.maxCompressedLength(payloadLength);
            if (compressed.length < bound) {
                compressed = new byte[Math.max(bound, compressed.length * 2)];
            }
            int length = ZstdCompression.compress(stored, 0, payloadLength, compressed, compressionLevel);
            if (length > 0 && length < payloadLength - (payloadLength >>> 4)) {
                stored = compressed;
                storedLength = length;
                compression = Compression.ZSTD;
            }
        }
        int start = out.reserve(ChunkHeader.SIZE);
        out.writeBytes(stored, 0, storedLength);
        new ChunkHeader(kind, encoding, compression, rows, nulls, payloadLength, storedLength).writeWithChecksum(out.array(), start);
        return new Result(encoding, compression, ChunkHeader.SIZE + storedLength, zoneMap);
    }

    private Encoding choose(ColumnBuffer buffer, int forBits)
    {
        PhysicalKind kind = buffer.kind();
        int rows = buffer.size();
        Encoding best = Encoding.PLAIN;
        long bestSize = PlainEncoding.size(buffer);
        if (forBits >= 0) {
            long size = ForBitPackEncoding.size(rows, forBits);
            if (size < bestSize) {
                best = Encoding.FOR_BITPACK;
                bestSize = size;
            }
        }
        // A dictionary only pays when it has fewer distinct values than half the rows; for integers only
        // when its codes would be narrower than the frame-of-reference width. Stop counting beyond that.
        int maxEntries = Math.min(rows / 2, 1 << DictionaryEncoding.MAX_CODE_BITS);
        switch (kind) {
            case INT16, INT32, INT64, FLOAT32, FLOAT64 -> {
                if (forBits >= 0 && forBits <= 8) {
                    return best;
                }
                maxEntries = Math.min(maxEntries, usefulEntries(rows, kind.width(), bestSize));
                if (maxEntries >= 1 && longDictionary.build(buffer, maxEntries)
                        && DictionaryEncoding.fixedSize(kind, rows, longDictionary.size()) < bestSize) {
                    best = Encoding.DICTIONARY;
                }
            }
            case VARBINARY -> {
                if (maxEntries >= 1 && bytesDictionary.build(buffer, maxEntries)
                        && DictionaryEncoding.bytesSize(rows, bytesDictionary.size(), bytesDictionary.entryBytes()) < bestSize) {
                    best = Encoding.DICTIONARY;
                }
            }
            case BOOLEAN, INT128, INTERVAL, NULL -> { }
        }
        return best;
    }

    /**
     * The most distinct values a fixed-width dictionary can have and still be smaller than {@code bestSize}:
     * with c-bit codes it needs at most 2^c entries of {@code width} bytes plus rows * c bits of codes.
     * Counting stops there, so high-cardinality chunks cost little.
     */
    static int usefulEntries(int rows, int width, long bestSize)
    {
        long most = 0;
        for (int bits = 0; bits <= DictionaryEncoding.MAX_CODE_BITS; bits++) {
            long room = bestSize - 5 - BitPacking.packedSize(rows, bits);
            if (room <= 0) {
                break;
            }
            most = Math.max(most, Math.min(1L << bits, room / width));
        }
        return (int) most;
    }

    private Encoding prepareForced(ColumnBuffer buffer, Encoding forced, int forBits)
    {
        PhysicalKind kind = buffer.kind();
        switch (forced) {
            case PLAIN -> { }
            case FOR_BITPACK -> {
                if (forBits < 0) {
                    throw new IllegalArgumentException("frame-of-reference does not apply to this " + kind + " chunk");
                }
            }
            case DICTIONARY -> {
                int limit = 1 << DictionaryEncoding.MAX_CODE_BITS;
                boolean built = switch (kind) {
                    case INT16, INT32, INT64, FLOAT32, FLOAT64 -> longDictionary.build(buffer, limit);
                    case VARBINARY -> bytesDictionary.build(buffer, limit);
                    case BOOLEAN, INT128, INTERVAL, NULL -> throw new IllegalArgumentException("no dictionary encoding for " + kind);
                };
                if (!built) {
                    throw new IllegalArgumentException("too many distinct values for a dictionary");
                }
            }
        }
        return forced;
    }

    /** Encodings that apply to a kind (tests enumerate them). */
    public static java.util.List<Encoding> applicableEncodings(PhysicalKind kind)
    {
        return switch (kind) {
            case INT16, INT32, INT64 -> java.util.List.of(Encoding.PLAIN, Encoding.FOR_BITPACK, Encoding.DICTIONARY);
            case FLOAT32, FLOAT64, VARBINARY -> java.util.List.of(Encoding.PLAIN, Encoding.DICTIONARY);
            case BOOLEAN, INT128, INTERVAL, NULL -> java.util.List.of(Encoding.PLAIN);
        };
    }

    private static void writeValidity(ColumnBuffer buffer, ByteSink out)
    {
        int rows = buffer.size();
        int bytes = (rows + 7) >>> 3;
        int start = out.reserve(bytes);
        byte[] target = out.array();
        long[] nullBits = buffer.nullBits();
        for (int i = 0; i < bytes; i++) {
            long word = nullBits[i >>> 3];
            target[start + i] = (byte) ~(word >>> ((i & 7) << 3));
        }
        int tail = rows & 7;
        if (tail != 0) {
            target[start + bytes - 1] &= (byte) ((1 << tail) - 1);
        }
    }

    /** Null slots take the chunk minimum so they do not widen the frame of reference. */
    private static void fillNulls(ColumnBuffer buffer, long value)
    {
        long[] values = buffer.values();
        int rows = buffer.size();
        for (int i = 0; i < rows; i++) {
            if (buffer.isNull(i)) {
                values[i] = value;
            }
        }
    }
}
