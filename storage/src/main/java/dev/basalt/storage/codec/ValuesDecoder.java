package dev.basalt.storage.codec;

import org.apache.arrow.vector.FieldVector;

/**
 * Decodes a range of a chunk's values into an Arrow vector. One virtual call per batch; the work inside is a
 * bulk loop over primitive arrays and buffers.
 */
public interface ValuesDecoder
{
    /**
     * Writes the values of rows [start, start+count) into positions [0, count) of {@code vector}. Fixed-width
     * vectors arrive allocated for count rows; variable-width ones are allocated here. Validity and the
     * value count are the caller's business.
     */
    void read(int start, int count, FieldVector vector);
}
