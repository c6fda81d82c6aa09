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
 * Turns a column buffer into a stored chunk: zone map with distinct-count sketch, validity bitmap (only when
 * some but not all rows are null), the smallest applicable encoding among PLAIN, CONSTANT, FOR, DELTA,
 * DICTIONARY, RLE and ALP (sizes are computed, not guessed, from one cheap pass each), then zstd when it saves at
 * least 1/16 of the bytes, then the header with its CRC32C. Holds reusable scratch space, so one instance per
 * writer thread.
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

    /**
     * Benchmark-only switch ({@code -Dbasalt.storage.legacyEncodings=true}): choose only among the first
     * generation's PLAIN, FOR and DICTIONARY, to measure what the newer encodings save.
     */
    private final boolean legacy = Boolean.getBoolean("basalt.storage.legacyEncodings");
    private final boolean compress;
    private final int compressionLevel;
    private final ByteSink payload = new ByteSink(1024);
    private final LongDictionaryBuilder longDictionary = new LongDictionaryBuilder();
    private final BytesDictionaryBuilder bytesDictionary = new BytesDictionaryBuilder();
    private final RleEncoding.Runs runs = new RleEncoding.Runs();
    private final AlpEncoding.Analysis alp = new AlpEncoding.Analysis();
    private final Analysis analysis = new Analysis();
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
            if (nulls > 0 && kind.isLongBacked()) {
                fillNulls(buffer);
            }
            analysis.reset();
            if (kind.isInteger()) {
                long[] range = ZoneMapBuilder.longRange(buffer);
                analysis.min = range[0];
                analysis.forBits = ForBitPackEncoding.bitWidth(range[0], range[1]);
            }
            encoding = forced == null ? choose(buffer) : prepareForced(buffer, forced);
            switch (encoding) {
                case PLAIN -> PlainEncoding.encode(buffer, payload);
                case FOR_BITPACK -> ForBitPackEncoding.encode(buffer.values(), rows, analysis.min, analysis.forBits, payload);
                case DICTIONARY -> {
                    if (kind == PhysicalKind.VARBINARY) {
                        DictionaryEncoding.encodeBytes(buffer, bytesDictionary, payload);
                    }
                    else {
                        DictionaryEncoding.encodeFixed(kind, longDictionary, rows, payload);
                    }
                }
                case CONSTANT -> ConstantEncoding.encode(buffer, payload);
                case RLE -> {
                    if (kind == PhysicalKind.VARBINARY) {
                        RleEncoding.encodeStrings(buffer, runs, payload);
                    }
                    else {
                        RleEncoding.encodeLongs(buffer, runs, analysis.runBase, analysis.runBits, payload);
                    }
                }
                case DELTA -> DeltaEncoding.encode(buffer.values(), rows, analysis.minDelta[0], analysis.deltaBits, payload);
                case ALP -> AlpEncoding.encode(buffer, alp, payload);
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
            int length = ZstdCompression.compress(stored, 0, payloadLength, compressed, levelFor(kind, encoding));
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

    /**
     * Plain strings (comments, names) are where zstd's effort pays: on TPC-H comments level 3 stores 6% less
     * than level 1 for about 1.3x the compression time (decompression is as fast), while bit-packed numbers gain
     * nothing at any level. So text gets two levels more than configured.
     */
    private int levelFor(PhysicalKind kind, Encoding encoding)
    {
        if (kind == PhysicalKind.VARBINARY && encoding == Encoding.PLAIN && !legacy) {
            return Math.min(compressionLevel + 2, 22);
        }
        return compressionLevel;
    }

    /** Per-chunk facts shared by the size estimates and the chosen encoder. */
    private static final class Analysis
    {
        long min;
        int forBits;
        int deltaBits;
        final long[] minDelta = new long[1];
        long runBase;
        int runBits;

        void reset()
        {
            min = 0;
            forBits = -1;
            deltaBits = -1;
            minDelta[0] = 0;
            runBase = 0;
            runBits = -1;
        }
    }

    /**
     * Measures every applicable encoding and keeps the smallest; on ties the earlier one in the order PLAIN,
     * CONSTANT, FOR, DELTA, DICTIONARY, RLE, ALP (roughly fastest to decode first). Each size is exact and comes
     * from one cheap pass; the dictionary and run passes give up as soon as they cannot win.
     */
    private Encoding choose(ColumnBuffer buffer)
    {
        PhysicalKind kind = buffer.kind();
        int rows = buffer.size();
        if (!legacy && ConstantEncoding.appliesTo(kind) && ConstantEncoding.isConstant(buffer)) {
            return Encoding.CONSTANT;
        }
        Encoding best = Encoding.PLAIN;
        long bestSize = PlainEncoding.size(buffer);
        int forBits = analysis.forBits;
        if (forBits >= 0) {
            long size = ForBitPackEncoding.size(rows, forBits);
            if (size < bestSize) {
                best = Encoding.FOR_BITPACK;
                bestSize = size;
            }
        }
        if (!legacy && kind.isInteger() && forBits != 0) {
            analysis.deltaBits = DeltaEncoding.bitWidth(buffer.values(), rows, analysis.minDelta);
            if (analysis.deltaBits >= 0) {
                long size = DeltaEncoding.size(rows, analysis.deltaBits);
                if (size < bestSize) {
                    best = Encoding.DELTA;
                    bestSize = size;
                }
            }
        }
        // A dictionary only pays when it has fewer distinct values than half the rows; for integers only
        // when its codes would be narrower than the frame-of-reference width. Stop counting beyond that.
        int maxEntries = Math.min(rows / 2, 1 << DictionaryEncoding.MAX_CODE_BITS);
        switch (kind) {
            case INT16, INT32, INT64, FLOAT32, FLOAT64 -> {
                if (!(forBits >= 0 && forBits <= 8) && !(best == Encoding.DELTA && analysis.deltaBits <= 8)) {
                    maxEntries = Math.min(maxEntries, usefulEntries(rows, kind.width(), bestSize));
                    if (maxEntries >= 1 && longDictionary.build(buffer, maxEntries)
                            && DictionaryEncoding.fixedSize(kind, rows, longDictionary.size()) < bestSize) {
                        best = Encoding.DICTIONARY;
                        bestSize = DictionaryEncoding.fixedSize(kind, rows, longDictionary.size());
                    }
                }
            }
            case VARBINARY -> {
                if (maxEntries >= 1 && bytesDictionary.build(buffer, maxEntries)
                        && DictionaryEncoding.bytesSize(rows, bytesDictionary.size(), bytesDictionary.entryBytes()) < bestSize) {
                    best = Encoding.DICTIONARY;
                    bestSize = DictionaryEncoding.bytesSize(rows, bytesDictionary.size(), bytesDictionary.entryBytes());
                }
            }
            case BOOLEAN, INT128, INTERVAL, NULL -> { }
        }
        if (!legacy && RleEncoding.appliesTo(kind)) {
            // Runs pay only when there are few of them: give up past rows / 8 (at least ~8 rows per run).
            if (runs.find(buffer, Math.max(1, rows / 8))) {
                long size = runSize(buffer);
                if (size < bestSize) {
                    best = Encoding.RLE;
                    bestSize = size;
                }
            }
        }
        if (!legacy && AlpEncoding.appliesTo(kind) && alp.analyze(buffer)) {
            long size = alp.size(rows, kind);
            if (size < bestSize) {
                best = Encoding.ALP;
            }
        }
        return best;
    }

    private long runSize(ColumnBuffer buffer)
    {
        if (buffer.kind() == PhysicalKind.VARBINARY) {
            return RleEncoding.stringSize(buffer, runs);
        }
        long[] range = ZoneMapBuilder.longRange(buffer);
        analysis.runBase = range[0];
        analysis.runBits = ForBitPackEncoding.bitWidth(range[0], range[1]);
        return RleEncoding.longSize(runs, analysis.runBits);
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

    private Encoding prepareForced(ColumnBuffer buffer, Encoding forced)
    {
        PhysicalKind kind = buffer.kind();
        int rows = buffer.size();
        switch (forced) {
            case PLAIN -> { }
            case FOR_BITPACK -> {
                if (analysis.forBits < 0) {
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
            case CONSTANT -> {
                if (!ConstantEncoding.isConstant(buffer)) {
                    throw new IllegalArgumentException("chunk is not constant");
                }
            }
            case RLE -> {
                if (!RleEncoding.appliesTo(kind) || !runs.find(buffer, rows)) {
                    throw new IllegalArgumentException("no run-length encoding for " + kind);
                }
                if (runSize(buffer) == Long.MAX_VALUE) {
                    throw new IllegalArgumentException("run values span more than 56 bits");
                }
            }
            case DELTA -> {
                if (!kind.isInteger()) {
                    throw new IllegalArgumentException("no delta encoding for " + kind);
                }
                analysis.deltaBits = DeltaEncoding.bitWidth(buffer.values(), rows, analysis.minDelta);
                if (analysis.deltaBits < 0) {
                    throw new IllegalArgumentException("deltas span more than 56 bits");
                }
            }
            case ALP -> {
                if (!AlpEncoding.appliesTo(kind) || !alp.analyze(buffer)) {
                    throw new IllegalArgumentException("ALP does not apply to this " + kind + " chunk");
                }
            }
        }
        return forced;
    }

    /** Encodings that apply to a kind (tests enumerate them; some may still refuse a particular chunk). */
    public static java.util.List<Encoding> applicableEncodings(PhysicalKind kind)
    {
        return switch (kind) {
            case INT16, INT32, INT64 -> java.util.List.of(Encoding.PLAIN, Encoding.FOR_BITPACK, Encoding.DICTIONARY,
                    Encoding.CONSTANT, Encoding.RLE, Encoding.DELTA);
            case FLOAT32, FLOAT64 -> java.util.List.of(Encoding.PLAIN, Encoding.DICTIONARY, Encoding.CONSTANT, Encoding.RLE, Encoding.ALP);
            case VARBINARY -> java.util.List.of(Encoding.PLAIN, Encoding.DICTIONARY, Encoding.CONSTANT, Encoding.RLE);
            case BOOLEAN -> java.util.List.of(Encoding.PLAIN, Encoding.CONSTANT, Encoding.RLE);
            case INT128, INTERVAL, NULL -> java.util.List.of(Encoding.PLAIN);
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

    /**
     * Null slots take the previous non-null value (leading ones the first): that keeps them inside the
     * frame of reference, makes their deltas 0 and lets them continue runs.
     */
    private static void fillNulls(ColumnBuffer buffer)
    {
        long[] values = buffer.values();
        int rows = buffer.size();
        long previous = 0;
        for (int i = 0; i < rows; i++) {
            if (!buffer.isNull(i)) {
                previous = values[i];
                break;
            }
        }
        for (int i = 0; i < rows; i++) {
            if (buffer.isNull(i)) {
                values[i] = previous;
            }
            else {
                previous = values[i];
            }
        }
    }
}
