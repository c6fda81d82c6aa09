package dev.basalt.storage.manifest;

import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableStatistics;
import dev.basalt.storage.zonemap.ZoneMap;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A table in one manifest version: id (its directory name), schema and row groups in insertion order, plus
 * the row count and per-column zone maps merged over all row groups (computed once per commit).
 */
public record TableEntry(long id, TableSchema schema, List<RowGroupEntry> rowGroups, long rowCount, List<ZoneMap> columnZones)
{
    public TableEntry
    {
        requireNonNull(schema, "schema is null");
        rowGroups = List.copyOf(requireNonNull(rowGroups, "rowGroups is null"));
        columnZones = List.copyOf(requireNonNull(columnZones, "columnZones is null"));
    }

    public static TableEntry of(long id, TableSchema schema, List<RowGroupEntry> rowGroups)
    {
        long rows = 0;
        List<ZoneMap> zones = new ArrayList<>();
        for (int column = 0; column < schema.columnCount(); column++) {
            zones.add(ZoneMap.empty());
        }
        for (RowGroupEntry rowGroup : rowGroups) {
            if (rowGroup.chunks().size() != schema.columnCount()) {
                throw new IllegalArgumentException("row group " + rowGroup.fileId() + " has " + rowGroup.chunks().size() + " chunks, table has " + schema.columnCount() + " columns");
            }
            rows += rowGroup.rowCount();
            for (int column = 0; column < zones.size(); column++) {
                zones.set(column, zones.get(column).merge(schema.column(column).type(), rowGroup.chunk(column).zoneMap()));
            }
        }
        return new TableEntry(id, schema, rowGroups, rows, zones);
    }

    public String name()
    {
        return schema.name();
    }

    public TableEntry withRowGroups(List<RowGroupEntry> newRowGroups)
    {
        return of(id, schema, newRowGroups);
    }

    public TableStatistics statistics()
    {
        List<TableStatistics.ColumnStatistics> columns = new ArrayList<>(columnZones.size());
        for (ZoneMap zone : columnZones) {
            // distinctCount is unknown (-1) until storage keeps sketches.
            columns.add(new TableStatistics.ColumnStatistics(zone.min(), zone.max(), zone.nullCount(), -1));
        }
        return new TableStatistics(rowCount, columns);
    }
}
