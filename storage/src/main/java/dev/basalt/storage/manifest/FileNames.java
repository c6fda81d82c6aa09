package dev.basalt.storage.manifest;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Names of the files in a table directory. Every file is written once and never modified; ids come from the
 * manifest's {@code nextFileId} and are never reused.
 */
public final class FileNames
{
    /** Every name Basalt may create in a table directory (recovery touches nothing else). */
    public static final Pattern TABLE_FILE = Pattern.compile("(rg-\\d+\\.bsc|del-\\d+\\.bsd|idx-\\d+-\\d+\\.bsi)");

    private FileNames() {}

    public static String rowGroup(long fileId)
    {
        return "rg-" + fileId + ".bsc";
    }

    public static String deletionVector(long deletionFileId)
    {
        return "del-" + deletionFileId + ".bsd";
    }

    public static String index(long indexId, long rowGroupFileId)
    {
        return "idx-" + indexId + "-" + rowGroupFileId + ".bsi";
    }

    /** The files each table of a manifest references, by table id. */
    public static Map<Long, Set<String>> liveFiles(Manifest manifest)
    {
        Map<Long, Set<String>> live = new TreeMap<>();
        for (TableEntry table : manifest.tables()) {
            Set<String> names = new HashSet<>();
            for (RowGroupEntry rowGroup : table.rowGroups()) {
                names.add(rowGroup(rowGroup.fileId()));
                if (rowGroup.deletionFileId() != 0) {
                    names.add(deletionVector(rowGroup.deletionFileId()));
                }
                for (IndexEntry index : manifest.indexes()) {
                    if (index.tableId() == table.id()) {
                        names.add(index(index.id(), rowGroup.fileId()));
                    }
                }
            }
            live.put(table.id(), names);
        }
        return live;
    }
}
