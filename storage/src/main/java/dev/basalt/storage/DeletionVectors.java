package dev.basalt.storage;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.storage.format.DeletionVectorFile;
import dev.basalt.storage.manifest.FileNames;
import dev.basalt.storage.manifest.RowGroupEntry;

import java.io.IOException;
import java.util.BitSet;

/** Reads and writes the deletion vectors of row groups ({@link DeletionVectorFile}). */
final class DeletionVectors
{
    private DeletionVectors() {}

    /** The deleted positions of a row group, ascending (empty when none); {@code CorruptedDataException} when damaged. */
    static int[] read(StorageCatalog catalog, long tableId, RowGroupEntry rowGroup)
            throws IOException
    {
        if (rowGroup.deletedCount() == 0) {
            return new int[0];
        }
        byte[] bytes = catalog.store().readFile(tableId, FileNames.deletionVector(rowGroup.deletionFileId()));
        return DeletionVectorFile.decode(bytes, bytes.length, rowGroup.fileId(), rowGroup.rowCount(), rowGroup.deletedCount());
    }

    /** Like {@link #read} but failing with DATA_CORRUPTED / IO_ERROR naming the file and table. */
    static int[] readChecked(StorageCatalog catalog, long tableId, String tableName, RowGroupEntry rowGroup)
    {
        String file = FileNames.deletionVector(rowGroup.deletionFileId());
        try {
            return read(catalog, tableId, rowGroup);
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "cannot read file " + catalog.store().describe(tableId, file) + " of table \"" + tableName + "\": " + e, e);
        }
        catch (BasaltException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw new BasaltException(ErrorCode.DATA_CORRUPTED,
                    "corrupted data in file " + catalog.store().describe(tableId, file) + " of table \"" + tableName + "\": " + e.getMessage(), e);
        }
    }

    /**
     * The row group with {@code more} positions deleted too: a new vector file with the union (the old one stays
     * for older snapshots), the same entry when nothing new is deleted, or null when no row is left.
     */
    static RowGroupEntry delete(StorageTransaction transaction, long tableId, String tableName, RowGroupEntry rowGroup, BitSet more)
    {
        if (more.length() > rowGroup.rowCount()) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "row id " + ((rowGroup.fileId() << 32) | (more.length() - 1)) + " does not name a row of table \"" + tableName + "\"");
        }
        BitSet all = (BitSet) more.clone();
        for (int position : readChecked(transaction.catalog(), tableId, tableName, rowGroup)) {
            all.set(position);
        }
        int count = all.cardinality();
        if (count == rowGroup.deletedCount()) {
            return rowGroup;
        }
        if (count == rowGroup.rowCount()) {
            return null;
        }
        int[] positions = new int[count];
        int i = 0;
        for (int position = all.nextSetBit(0); position >= 0; position = all.nextSetBit(position + 1)) {
            positions[i++] = position;
        }
        long deletionFileId = transaction.catalog().allocateFileId();
        String file = FileNames.deletionVector(deletionFileId);
        byte[] bytes = DeletionVectorFile.encode(rowGroup.fileId(), rowGroup.rowCount(), positions, count);
        transaction.addCreated(tableId, file);
        try {
            transaction.catalog().store().writeFile(tableId, file, bytes, bytes.length);
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR,
                    "cannot write " + transaction.catalog().store().describe(tableId, file) + " of table \"" + tableName + "\": " + e, e);
        }
        return rowGroup.withDeletions(deletionFileId, count);
    }
}
