package dev.basalt.storage.codec;

import dev.basalt.storage.column.ArrowBuffers;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.ChunkHeader;
import dev.basalt.storage.format.Compression;
import dev.basalt.storage.format.CorruptedDataException;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * A verified, decompressed chunk ready to be read in batches. Opening checks the checksum, decompresses
 * once and validates every section length, so that reading a batch is pure bulk copying/unpacking.
 */
public final class ChunkReader
{
    private final ChunkHeader header;
    private final byte[] payload;
    private final int validityOffset;
    private final ValuesDecoder decoder;

    private ChunkReader(ChunkHeader header, byte[] payload, int validityOffset, ValuesDecoder decoder)
    {
        this.header = header;
        this.payload = payload;
        this.validityOffset = validityOffset;
        this.decoder = decoder;
    }

    /**
     * Opens the chunk stored at bytes [offset, offset+length). The array is not copied when the chunk is
     * uncompressed, so it must not change afterwards.
     */
    public static ChunkReader open(byte[] bytes, int offset, int length, PhysicalKind expectedKind, int expectedRows)
    {
        ChunkHeader header = ChunkHeader.readVerified(bytes, offset, length);
        if (header.kind() != expectedKind) {
            throw new CorruptedDataException("chunk holds " + header.kind() + " values, column needs " + expectedKind);
        }
        if (header.rowCount() != expectedRows) {
            throw new CorruptedDataException("chunk has " + header.rowCount() + " rows, row group has " + expectedRows);
        }
        byte[] payload;
        int payloadOffset;
        if (header.compression() == Compression.ZSTD) {
            payload = new byte[header.payloadLength()];
            payloadOffset = 0;
            ZstdCompression.decompress(bytes, offset + ChunkHeader.SIZE, header.storedLength(), payload, header.payloadLength());
        }
        else {
            payload = bytes;
            payloadOffset = offset + ChunkHeader.SIZE;
        }
        int rows = header.rowCount();
        int nulls = header.nullCount();
        int position = payloadOffset;
        int end = payloadOffset + header.payloadLength();
        int validityOffset = -1;
        if (nulls > 0 && nulls < rows) {
            validityOffset = position;
            position += (rows + 7) >>> 3;
            if (position > end) {
                throw new CorruptedDataException("validity bitmap exceeds the chunk");
            }
        }
        ValuesDecoder decoder = null;
        if (nulls < rows && expectedKind != PhysicalKind.NULL) {
            int valuesLength = end - position;
            decoder = switch (header.encoding()) {
                case PLAIN -> PlainEncoding.decoder(expectedKind, payload, position, valuesLength, rows);
                case FOR_BITPACK -> ForBitPackEncoding.decoder(expectedKind, payload, position, valuesLength, rows);
                case DICTIONARY -> DictionaryEncoding.decoder(expectedKind, payload, position, valuesLength, rows);
                case CONSTANT -> ConstantEncoding.decoder(expectedKind, payload, position, valuesLength, rows);
                case RLE -> RleEncoding.decoder(expectedKind, payload, position, valuesLength, rows);
                case DELTA -> DeltaEncoding.decoder(expectedKind, payload, position, valuesLength, rows);
                case ALP -> AlpEncoding.decoder(expectedKind, payload, position, valuesLength, rows);
            };
        }
        else if (position != end) {
            throw new CorruptedDataException("all-null chunk carries " + (end - position) + " value bytes");
        }
        return new ChunkReader(header, payload, validityOffset, decoder);
    }

    public ChunkHeader header()
    {
        return header;
    }

    public int rowCount()
    {
        return header.rowCount();
    }

    /**
     * The chunk's rows as codes into a table of distinct strings, when it is a VARCHAR chunk stored that way
     * (DICTIONARY, RLE, CONSTANT); null otherwise. Null rows carry an arbitrary valid code.
     */
    public StringCodes stringCodes()
    {
        return decoder instanceof StringCodes codes ? codes : null;
    }

    /** Fills {@code vector} (freshly created, empty) with rows [start, start+count) and sets its value count. */
    public void read(int start, int count, FieldVector vector)
    {
        if (start < 0 || count < 0 || start + count > header.rowCount()) {
            throw new IndexOutOfBoundsException("rows " + start + "+" + count + " outside chunk of " + header.rowCount());
        }
        PhysicalKind kind = header.kind();
        if (kind == PhysicalKind.NULL) {
            vector.setValueCount(count);
            return;
        }
        boolean allNull = header.nullCount() == header.rowCount();
        if (kind == PhysicalKind.VARBINARY) {
            BaseVariableWidthVector target = (BaseVariableWidthVector) vector;
            if (allNull) {
                target.allocateNew(1, count);
                target.getOffsetBuffer().setZero(0, (count + 1L) * 4);
            }
            else {
                decoder.read(start, count, vector);
            }
            writeValidity(start, count, target.getValidityBuffer(), allNull);
            target.setLastSet(count - 1);
            target.setValueCount(count);
            return;
        }
        BaseFixedWidthVector target = (BaseFixedWidthVector) vector;
        target.allocateNew(count);
        if (allNull) {
            target.getDataBuffer().setZero(0, target.getDataBuffer().capacity());
        }
        else {
            decoder.read(start, count, vector);
        }
        writeValidity(start, count, target.getValidityBuffer(), allNull);
        target.setValueCount(count);
    }

    private void writeValidity(int start, int count, org.apache.arrow.memory.ArrowBuf validity, boolean allNull)
    {
        if (allNull) {
            ArrowBuffers.clearBits(validity, count);
        }
        else if (validityOffset < 0) {
            ArrowBuffers.setAllBits(validity, count);
        }
        else {
            ArrowBuffers.copyBits(payload, validityOffset, start, count, validity);
        }
    }
}
