package dev.basalt.storage.manifest;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableStatistics;
import dev.basalt.spi.type.DataType;
import dev.basalt.storage.zonemap.ZoneMap;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * A table in one manifest version (immutable): id (its directory name), name, columns with stable ids, the
 * next column id, and row groups in insertion order; plus, computed once, the schema, the live row count and
 * the per-column zone maps merged over all row groups (conservative: deleted rows still count in them).
 */
public final class TableEntry
{
    private final long id;
    private final String name;
    private final List<ColumnEntry> columns;
    private final long nextColumnId;
    private final List<RowGroupEntry> rowGroups;
    private final TableSchema schema;
    private final long rowCount;
    private final List<ZoneMap> columnZones;

    public TableEntry(long id, String name, List<ColumnEntry> columns, long nextColumnId, List<RowGroupEntry> rowGroups)
    {
        this.id = id;
        this.name = requireNonNull(name, "name is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.nextColumnId = nextColumnId;
        this.rowGroups = List.copyOf(requireNonNull(rowGroups, "rowGroups is null"));
        List<Column> schemaColumns = new ArrayList<>(columns.size());
        for (ColumnEntry column : columns) {
            if (column.id() >= nextColumnId) {
                throw new IllegalArgumentException("column id " + column.id() + " of table \"" + name + "\" is not below the next id " + nextColumnId);
            }
            schemaColumns.add(column.column());
        }
        this.schema = new TableSchema(name, schemaColumns);
        long rows = 0;
        List<ZoneMap> zones = new ArrayList<>(columns.size());
        for (int column = 0; column < columns.size(); column++) {
            zones.add(ZoneMap.empty());
        }
        for (RowGroupEntry rowGroup : this.rowGroups) {
            rows += rowGroup.liveRowCount();
            for (int column = 0; column < zones.size(); column++) {
                DataType type = columns.get(column).column().type();
                zones.set(column, zones.get(column).merge(type, zoneMap(rowGroup, column)));
            }
        }
        this.rowCount = rows;
        this.columnZones = List.copyOf(zones);
    }

    /** A table whose columns have ids 1..n and no defaults (new tables, tests, format version 1). */
    public static TableEntry of(long id, TableSchema schema, List<RowGroupEntry> rowGroups)
    {
        List<ColumnEntry> columns = new ArrayList<>(schema.columnCount());
        for (int i = 0; i < schema.columnCount(); i++) {
            columns.add(new ColumnEntry(i + 1, schema.column(i), null));
        }
        return new TableEntry(id, schema.name(), columns, schema.columnCount() + 1, rowGroups);
    }

    public long id()
    {
        return id;
    }

    public String name()
    {
        return name;
    }

    public List<ColumnEntry> columns()
    {
        return columns;
    }

    public long nextColumnId()
    {
        return nextColumnId;
    }

    public List<RowGroupEntry> rowGroups()
    {
        return rowGroups;
    }

    public TableSchema schema()
    {
        return schema;
    }

    /** Live rows (deleted ones subtracted). */
    public long rowCount()
    {
        return rowCount;
    }

    public List<ZoneMap> columnZones()
    {
        return columnZones;
    }

    public long columnId(int ordinal)
    {
        return columns.get(ordinal).id();
    }

    public OptionalInt ordinalOf(String columnName)
    {
        return schema.indexOf(columnName);
    }

    public List<Long> columnIds()
    {
        List<Long> ids = new ArrayList<>(columns.size());
        for (ColumnEntry column : columns) {
            ids.add(column.id());
        }
        return ids;
    }

    /** The zone map of a column (by ordinal) in a row group; a constant default when the chunk predates the column. */
    public ZoneMap zoneMap(RowGroupEntry rowGroup, int ordinal)
    {
        ColumnEntry column = columns.get(ordinal);
        ChunkEntry chunk = rowGroup.chunkFor(column.id());
        if (chunk != null) {
            return chunk.zoneMap();
        }
        Object value = column.defaultValue();
        return new ZoneMap(rowGroup.rowCount(), value == null ? rowGroup.rowCount() : 0, value, value);
    }

    public TableEntry withRowGroups(List<RowGroupEntry> newRowGroups)
    {
        return new TableEntry(id, name, columns, nextColumnId, newRowGroups);
    }

    public TableEntry withName(String newName)
    {
        return new TableEntry(id, newName, columns, nextColumnId, rowGroups);
    }

    /** New columns (and next column id); chunks of columns no longer present are forgotten. */
    public TableEntry withColumns(List<ColumnEntry> newColumns, long newNextColumnId)
    {
        List<Long> ids = new ArrayList<>();
        for (ColumnEntry column : newColumns) {
            ids.add(column.id());
        }
        List<RowGroupEntry> kept = new ArrayList<>(rowGroups.size());
        for (RowGroupEntry rowGroup : rowGroups) {
            kept.add(rowGroup.retainColumns(ids));
        }
        return new TableEntry(id, name, newColumns, newNextColumnId, kept);
    }

    public TableStatistics statistics()
    {
        List<TableStatistics.ColumnStatistics> statistics = new ArrayList<>(columnZones.size());
        for (ZoneMap zone : columnZones) {
            // distinctCount comes from the merged HyperLogLog sketches (-1 when a chunk has none).
            statistics.add(new TableStatistics.ColumnStatistics(zone.min(), zone.max(), zone.nullCount(), zone.distinctCount()));
        }
        return new TableStatistics(rowCount, statistics);
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof TableEntry that && id == that.id && nextColumnId == that.nextColumnId && name.equals(that.name)
                && columns.equals(that.columns) && rowGroups.equals(that.rowGroups);
    }

    @Override
    public int hashCode()
    {
        return java.util.Objects.hash(id, name, columns, nextColumnId, rowGroups);
    }

    @Override
    public String toString()
    {
        return "TableEntry{" + id + " " + name + ", " + rowGroups.size() + " row groups}";
    }
}
