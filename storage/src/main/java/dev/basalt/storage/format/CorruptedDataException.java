package dev.basalt.storage.format;

/**
 * Bytes that cannot be what Basalt wrote (checksum mismatch, truncation, impossible lengths). Internal: the
 * catalog turns it into a {@code BasaltException(DATA_CORRUPTED)} naming the file and table, which only it knows.
 */
public final class CorruptedDataException extends RuntimeException
{
    public CorruptedDataException(String message)
    {
        super(message);
    }

    public CorruptedDataException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
