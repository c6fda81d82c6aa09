package dev.basalt.storage.manifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One immutable, committed state of a database: every table with its schema and row-group files. A commit
 * builds the next version from the current one; scans keep the version they started with (snapshot).
 * {@code nextTableId} and {@code nextFileId} never go down, so names are never reused.
 */
public record Manifest(long version, long nextTableId, long nextFileId, List<TableEntry> tables)
{
    public Manifest
    {
        List<TableEntry> sorted = new ArrayList<>(requireNonNull(tables, "tables is null"));
        sorted.sort(Comparator.comparing(TableEntry::name));
        tables = List.copyOf(sorted);
    }

    public static Manifest empty()
    {
        return new Manifest(0, 1, 1, List.of());
    }

    public Optional<TableEntry> table(String name)
    {
        for (TableEntry table : tables) {
            if (table.name().equals(name)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    public Optional<TableEntry> table(long id)
    {
        for (TableEntry table : tables) {
            if (table.id() == id) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    /** The next version with a table added or replaced (same id). */
    public Manifest withTable(TableEntry entry, long newNextTableId, long newNextFileId)
    {
        List<TableEntry> newTables = new ArrayList<>(tables.size() + 1);
        for (TableEntry table : tables) {
            if (table.id() != entry.id()) {
                newTables.add(table);
            }
        }
        newTables.add(entry);
        return new Manifest(version + 1, Math.max(nextTableId, newNextTableId), Math.max(nextFileId, newNextFileId), newTables);
    }

    /** The next version without the table with this id. */
    public Manifest withoutTable(long tableId, long newNextFileId)
    {
        List<TableEntry> newTables = new ArrayList<>(tables.size());
        for (TableEntry table : tables) {
            if (table.id() != tableId) {
                newTables.add(table);
            }
        }
        return new Manifest(version + 1, nextTableId, Math.max(nextFileId, newNextFileId), newTables);
    }
}
