package dev.basalt.spi.catalog;

/**
 * One of {@code count} disjoint parts of a table scan, so that several threads can scan one table: part
 * {@code index} reads the row groups whose ordinal in the scanned snapshot is {@code index} modulo {@code count}.
 * Together the parts read every row exactly once. {@link #ALL} is the whole table.
 */
public record ScanSplit(int index, int count)
{
    public static final ScanSplit ALL = new ScanSplit(0, 1);

    public ScanSplit
    {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("invalid scan split " + index + " of " + count);
        }
    }

    /** Whether the row group with this ordinal belongs to this split. */
    public boolean contains(int rowGroupOrdinal)
    {
        return rowGroupOrdinal % count == index;
    }
}
