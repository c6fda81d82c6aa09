package dev.basalt.storage;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.TableChange;
import dev.basalt.spi.catalog.TriggerDefinition;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.BlobType;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;
import dev.basalt.spi.value.Interval;
import dev.basalt.spi.value.Values;
import dev.basalt.storage.manifest.ColumnEntry;
import dev.basalt.storage.manifest.IndexEntry;
import dev.basalt.storage.manifest.Manifest;
import dev.basalt.storage.manifest.TableEntry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ALTER TABLE on manifest metadata only. Columns keep their ids, so row groups never change: an added column
 * gets a new id (older row groups have no chunk for it and read its default), a dropped one's chunks are no
 * longer referenced (compaction drops the bytes), a rename touches only the name.
 *
 * <p>A column an index uses (as a key or in its predicate) cannot be dropped or renamed: 2BP01 names the index
 * (drop it first). Index predicates are SQL text that storage cannot rewrite, so this keeps them valid.
 */
final class SchemaChanges
{
    private SchemaChanges() {}

    static void apply(StorageTransaction transaction, TableEntry table, TableChange change)
    {
        Manifest manifest = transaction.working();
        switch (change) {
            case TableChange.AddColumn add -> addColumn(transaction, table, add);
            case TableChange.DropColumn drop -> {
                int ordinal = ordinal(table, drop.name());
                checkNoIndexUses(manifest, table, drop.name(), "drop");
                if (table.columns().size() == 1) {
                    throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED,
                            "cannot drop column \"" + drop.name() + "\": it is the only column of table \"" + table.name() + "\"");
                }
                List<ColumnEntry> columns = new ArrayList<>(table.columns());
                columns.remove(ordinal);
                transaction.replaceTable(table.withColumns(columns, table.nextColumnId()));
            }
            case TableChange.RenameColumn rename -> {
                int ordinal = ordinal(table, rename.from());
                if (rename.from().equals(rename.to())) {
                    return;
                }
                if (table.ordinalOf(rename.to()).isPresent()) {
                    throw new BasaltException(ErrorCode.DUPLICATE_COLUMN, "column \"" + rename.to() + "\" of table \"" + table.name() + "\" already exists");
                }
                checkNoIndexUses(manifest, table, rename.from(), "rename");
                List<ColumnEntry> columns = new ArrayList<>(table.columns());
                ColumnEntry old = columns.get(ordinal);
                Column column = old.column();
                columns.set(ordinal, new ColumnEntry(old.id(), new Column(rename.to(), column.type(), column.nullable(), column.defaultExpression()), old.defaultValue()));
                transaction.replaceTable(table.withColumns(columns, table.nextColumnId()));
            }
            case TableChange.RenameTable rename -> {
                if (rename.newName().equals(table.name())) {
                    return;
                }
                if (rename.newName().isEmpty()) {
                    throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "table name must not be empty");
                }
                if (manifest.table(rename.newName()).isPresent()) {
                    throw new BasaltException(ErrorCode.DUPLICATE_TABLE, "table \"" + rename.newName() + "\" already exists");
                }
                if (manifest.view(rename.newName()).isPresent()) {
                    throw new BasaltException(ErrorCode.DUPLICATE_TABLE, "a view named \"" + rename.newName() + "\" already exists");
                }
                transaction.replaceTable(table.withName(rename.newName()));
                for (IndexEntry index : manifest.indexesOf(table.id())) {
                    IndexDefinition old = index.definition();
                    transaction.replaceIndex(new IndexEntry(index.id(), index.tableId(),
                            new IndexDefinition(old.name(), rename.newName(), old.columns(), old.predicate(), old.unique())));
                }
                for (TriggerDefinition trigger : manifest.triggersOf(table.name())) {
                    transaction.replaceTrigger(new TriggerDefinition(trigger.name(), rename.newName(), trigger.timing(), trigger.event(),
                            trigger.updateColumns(), trigger.whenSql(), trigger.bodySql()));
                }
            }
        }
    }

    private static void addColumn(StorageTransaction transaction, TableEntry table, TableChange.AddColumn add)
    {
        Column column = add.column();
        if (column.name().isEmpty()) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "column name must not be empty");
        }
        if (table.ordinalOf(column.name()).isPresent()) {
            throw new BasaltException(ErrorCode.DUPLICATE_COLUMN, "column \"" + column.name() + "\" of table \"" + table.name() + "\" already exists");
        }
        Object value = canonical(column, add.defaultValue());
        if (value == null && !column.nullable() && table.rowCount() > 0) {
            throw new BasaltException(ErrorCode.NOT_NULL_VIOLATION,
                    "column \"" + column.name() + "\" of table \"" + table.name() + "\" contains null values (add it with a default, or as nullable)");
        }
        List<ColumnEntry> columns = new ArrayList<>(table.columns());
        columns.add(new ColumnEntry(table.nextColumnId(), column, value));
        transaction.replaceTable(table.withColumns(columns, table.nextColumnId() + 1));
    }

    /** The default as the canonical object of the column type; 42804 when it is of another kind. */
    static Object canonical(Column column, Object value)
    {
        if (value == null) {
            return null;
        }
        DataType type = column.type();
        boolean fits = switch (type) {
            case BooleanType t -> value instanceof Boolean;
            case SmallintType t -> value instanceof Short;
            case IntegerType t -> value instanceof Integer;
            case BigintType t -> value instanceof Long;
            case RealType t -> value instanceof Float;
            case DoubleType t -> value instanceof Double;
            case DecimalType t -> value instanceof BigDecimal;
            case VarcharType t -> value instanceof String;
            case BlobType t -> value instanceof byte[];
            case DateType t -> value instanceof LocalDate;
            case TimestampType t -> value instanceof LocalDateTime;
            case IntervalType t -> value instanceof Interval;
            case NullType t -> false;
        };
        if (!fits) {
            throw new BasaltException(ErrorCode.DATATYPE_MISMATCH,
                    "default for column \"" + column.name() + "\" of type " + type.sqlName() + " is a " + value.getClass().getSimpleName());
        }
        if (type instanceof DecimalType decimal) {
            return Values.toDecimal(value, decimal);
        }
        return value;
    }

    private static int ordinal(TableEntry table, String name)
    {
        return table.ordinalOf(name).orElseThrow(() ->
                new BasaltException(ErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" of table \"" + table.name() + "\" does not exist"));
    }

    private static void checkNoIndexUses(Manifest manifest, TableEntry table, String column, String action)
    {
        for (IndexEntry index : manifest.indexesOf(table.id())) {
            IndexDefinition definition = index.definition();
            Optional<String> predicate = definition.predicate();
            if (definition.columns().contains(column) || (predicate.isPresent() && StorageTransaction.mentions(predicate.get(), column))) {
                throw new BasaltException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot " + action + " column \"" + column + "\" of table \"" + table.name() + "\" because index \"" + definition.name()
                                + "\" depends on it (drop the index first)");
            }
        }
    }
}
