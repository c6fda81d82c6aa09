package dev.basalt.storage.codec;

import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

import static java.util.Objects.requireNonNull;

/** A VARCHAR decoder whose rows are codes into a string table (DICTIONARY, RLE): decodes a batch of codes, then gathers their strings. */
abstract class CodedStringDecoder
        implements ValuesDecoder, StringCodes
{
    private final StringEntries strings;
    private int[] codes = new int[0];

    CodedStringDecoder(StringEntries strings)
    {
        this.strings = requireNonNull(strings, "strings is null");
    }

    @Override
    public final void read(int start, int count, FieldVector vector)
    {
        if (codes.length < count) {
            codes = new int[count];
        }
        codes(start, count, codes);
        strings.gather(codes, count, (BaseVariableWidthVector) vector);
    }

    @Override
    public final int entryCount()
    {
        return strings.entryCount();
    }

    @Override
    public final byte[] entry(int index)
    {
        return strings.entry(index);
    }
}
