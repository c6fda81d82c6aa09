package dev.basalt.spi.catalog;

import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/** The name and ordered columns of a table. */
public record TableSchema(String name, List<Column> columns)
{
    public TableSchema
    {
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    public int columnCount()
    {
        return columns.size();
    }

    public Column column(int index)
    {
        return columns.get(index);
    }

    public OptionalInt indexOf(String columnName)
    {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    public List<DataType> types()
    {
        List<DataType> types = new ArrayList<>(columns.size());
        for (Column column : columns) {
            types.add(column.type());
        }
        return types;
    }

    public Schema toArrowSchema()
    {
        List<Field> fields = new ArrayList<>(columns.size());
        for (Column column : columns) {
            fields.add(column.type().toField(column.name(), column.nullable()));
        }
        return new Schema(fields);
    }
}
