package dev.basalt.storage.io;

import java.io.IOException;

/** An open row-group file (or its in-memory image) from which a scan reads the chunks it needs. */
public interface RowGroupSource extends AutoCloseable
{
    /**
     * The stored bytes at [offset, offset+length); {@link dev.basalt.storage.format.CorruptedDataException}
     * when the file is shorter.
     */
    Slice read(long offset, int length) throws IOException;

    @Override
    void close();
}
