package dev.basalt.storage.manifest;

import dev.basalt.spi.catalog.TriggerDefinition;
import dev.basalt.spi.catalog.ViewDefinition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One immutable, committed state of a database: every table with its columns and files, every view,
 * index and trigger. A transaction builds the next version from the current one; scans keep the version they started
 * with (snapshot). {@code nextTableId} and {@code nextFileId} never go down, so names are never reused.
 */
public record Manifest(long version, long nextTableId, long nextFileId, List<TableEntry> tables, List<ViewDefinition> views, List<IndexEntry> indexes, List<TriggerDefinition> triggers)
{
    public Manifest
    {
        List<TableEntry> sortedTables = new ArrayList<>(requireNonNull(tables, "tables is null"));
        sortedTables.sort(Comparator.comparing(TableEntry::name));
        tables = List.copyOf(sortedTables);
        List<ViewDefinition> sortedViews = new ArrayList<>(requireNonNull(views, "views is null"));
        sortedViews.sort(Comparator.comparing(ViewDefinition::name));
        views = List.copyOf(sortedViews);
        List<IndexEntry> sortedIndexes = new ArrayList<>(requireNonNull(indexes, "indexes is null"));
        sortedIndexes.sort(Comparator.comparing(IndexEntry::name));
        indexes = List.copyOf(sortedIndexes);
        List<TriggerDefinition> sortedTriggers = new ArrayList<>(requireNonNull(triggers, "triggers is null"));
        sortedTriggers.sort(Comparator.comparing(TriggerDefinition::name));
        triggers = List.copyOf(sortedTriggers);
    }

    public Manifest(long version, long nextTableId, long nextFileId, List<TableEntry> tables, List<ViewDefinition> views, List<IndexEntry> indexes)
    {
        this(version, nextTableId, nextFileId, tables, views, indexes, List.of());
    }

    public Manifest(long version, long nextTableId, long nextFileId, List<TableEntry> tables)
    {
        this(version, nextTableId, nextFileId, tables, List.of(), List.of());
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

    public Optional<ViewDefinition> view(String name)
    {
        for (ViewDefinition view : views) {
            if (view.name().equals(name)) {
                return Optional.of(view);
            }
        }
        return Optional.empty();
    }

    public Optional<TriggerDefinition> trigger(String name)
    {
        for (TriggerDefinition trigger : triggers) {
            if (trigger.name().equals(name)) {
                return Optional.of(trigger);
            }
        }
        return Optional.empty();
    }

    /** Triggers on a table, sorted by name. */
    public List<TriggerDefinition> triggersOf(String table)
    {
        List<TriggerDefinition> result = new ArrayList<>();
        for (TriggerDefinition trigger : triggers) {
            if (trigger.table().equals(table)) {
                result.add(trigger);
            }
        }
        return result;
    }

    public Optional<IndexEntry> index(String name)
    {
        for (IndexEntry index : indexes) {
            if (index.name().equals(name)) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    public List<IndexEntry> indexesOf(long tableId)
    {
        List<IndexEntry> result = new ArrayList<>();
        for (IndexEntry index : indexes) {
            if (index.tableId() == tableId) {
                result.add(index);
            }
        }
        return result;
    }

    /** The same state as another version (a commit publishes the working state under the next number). */
    public Manifest withVersion(long newVersion, long newNextFileId)
    {
        return new Manifest(newVersion, nextTableId, Math.max(nextFileId, newNextFileId), tables, views, indexes, triggers);
    }

    /** A table added or replaced (same id). */
    public Manifest withTable(TableEntry entry)
    {
        List<TableEntry> newTables = new ArrayList<>(tables.size() + 1);
        for (TableEntry table : tables) {
            if (table.id() != entry.id()) {
                newTables.add(table);
            }
        }
        newTables.add(entry);
        return new Manifest(version, Math.max(nextTableId, entry.id() + 1), nextFileId, newTables, views, indexes, triggers);
    }

    /** Without the table and its indexes. */
    public Manifest withoutTable(long tableId)
    {
        List<TableEntry> newTables = new ArrayList<>(tables.size());
        for (TableEntry table : tables) {
            if (table.id() != tableId) {
                newTables.add(table);
            }
        }
        List<IndexEntry> newIndexes = new ArrayList<>(indexes.size());
        for (IndexEntry index : indexes) {
            if (index.tableId() != tableId) {
                newIndexes.add(index);
            }
        }
        List<TriggerDefinition> newTriggers = new ArrayList<>(triggers.size());
        String droppedName = table(tableId).map(TableEntry::name).orElse(null);
        for (TriggerDefinition trigger : triggers) {
            if (!trigger.table().equals(droppedName)) {
                newTriggers.add(trigger);
            }
        }
        return new Manifest(version, nextTableId, nextFileId, newTables, views, newIndexes, newTriggers);
    }

    public Manifest withView(ViewDefinition view)
    {
        List<ViewDefinition> newViews = new ArrayList<>(views.size() + 1);
        for (ViewDefinition existing : views) {
            if (!existing.name().equals(view.name())) {
                newViews.add(existing);
            }
        }
        newViews.add(view);
        return new Manifest(version, nextTableId, nextFileId, tables, newViews, indexes, triggers);
    }

    public Manifest withoutView(String name)
    {
        List<ViewDefinition> newViews = new ArrayList<>(views.size());
        for (ViewDefinition existing : views) {
            if (!existing.name().equals(name)) {
                newViews.add(existing);
            }
        }
        return new Manifest(version, nextTableId, nextFileId, tables, newViews, indexes, triggers);
    }

    /** An index added or replaced (same name). */
    public Manifest withIndex(IndexEntry index)
    {
        List<IndexEntry> newIndexes = new ArrayList<>(indexes.size() + 1);
        for (IndexEntry existing : indexes) {
            if (!existing.name().equals(index.name())) {
                newIndexes.add(existing);
            }
        }
        newIndexes.add(index);
        return new Manifest(version, nextTableId, nextFileId, tables, views, newIndexes, triggers);
    }

    public Manifest withoutIndex(String name)
    {
        List<IndexEntry> newIndexes = new ArrayList<>(indexes.size());
        for (IndexEntry existing : indexes) {
            if (!existing.name().equals(name)) {
                newIndexes.add(existing);
            }
        }
        return new Manifest(version, nextTableId, nextFileId, tables, views, newIndexes, triggers);
    }

    /** A trigger added or replaced (same name). */
    public Manifest withTrigger(TriggerDefinition trigger)
    {
        List<TriggerDefinition> newTriggers = new ArrayList<>(triggers.size() + 1);
        for (TriggerDefinition existing : triggers) {
            if (!existing.name().equals(trigger.name())) {
                newTriggers.add(existing);
            }
        }
        newTriggers.add(trigger);
        return new Manifest(version, nextTableId, nextFileId, tables, views, indexes, newTriggers);
    }

    public Manifest withoutTrigger(String name)
    {
        List<TriggerDefinition> newTriggers = new ArrayList<>(triggers.size());
        for (TriggerDefinition existing : triggers) {
            if (!existing.name().equals(name)) {
                newTriggers.add(existing);
            }
        }
        return new Manifest(version, nextTableId, nextFileId, tables, views, indexes, newTriggers);
    }

    public Manifest withNextFileId(long newNextFileId)
    {
        return new Manifest(version, nextTableId, Math.max(nextFileId, newNextFileId), tables, views, indexes, triggers);
    }
}
