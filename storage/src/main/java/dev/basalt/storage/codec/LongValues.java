package dev.basalt.storage.codec;

import dev.basalt.storage.column.PhysicalKind;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes a batch of long-backed values (one long per row, floats as raw bits) into an Arrow data buffer:
 * narrowing for 2/4/8-byte kinds, bit setting for BOOLEAN. Holds reusable scratch space (one per decoder).
 */
final class LongValues
{
    private final PhysicalKind kind;
    private byte[] bytes = new byte[0];

    LongValues(PhysicalKind kind)
    {
        if (!kind.isLongBacked()) {
            throw new IllegalArgumentException("not a long-backed kind: " + kind);
        }
        this.kind = kind;
    }

    void write(long[] values, int count, FieldVector vector)
    {
        ArrowBuf target = vector.getDataBuffer();
        if (kind == PhysicalKind.BOOLEAN) {
            int byteCount = (count + 7) >>> 3;
            if (bytes.length < byteCount) {
                bytes = new byte[Math.max(byteCount, bytes.length * 2)];
            }
            byte[] bits = bytes;
            java.util.Arrays.fill(bits, 0, byteCount, (byte) 0);
            for (int i = 0; i < count; i++) {
                bits[i >>> 3] |= (byte) ((values[i] & 1) << (i & 7));
            }
            target.setBytes(0, bits, 0, byteCount);
            return;
        }
        int width = kind.width();
        if (width != 8 && bytes.length < count * width) {
            bytes = new byte[Math.max(count * width, bytes.length * 2)];
        }
        BitPacking.copyNarrowed(values, count, bytes, target, width);
    }
}
