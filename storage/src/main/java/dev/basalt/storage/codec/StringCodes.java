package dev.basalt.storage.codec;

/**
 * A VARCHAR chunk whose rows are codes into a small table of distinct strings (DICTIONARY, RLE). Lets a scan
 * evaluate a predicate once per entry and then select rows by code, without materializing strings.
 */
public interface StringCodes
{
    int entryCount();

    /** The UTF-8 bytes of entry {@code index}. */
    byte[] entry(int index);

    /** Writes the codes of rows [start, start+count) into target[0, count). Null rows have some valid code. */
    void codes(int start, int count, int[] target);
}
