package dev.basalt.engine.csv;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.value.Values;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Loads CSV records into a table writer: each field is parsed into a reused column vector, every
 * {@link ColumnBatch#DEFAULT_ROW_COUNT} rows the batch is appended. Any bad field stops the load with an error
 * naming file, line and column; the caller then closes the writer without committing.
 */
public final class CsvLoader implements AutoCloseable
{
    private static final int MAX_SHOWN_TEXT = 100;

    private final TableSchema schema;
    private final String fileName;
    private final CsvOptions options;
    private final byte[] nullBytes;
    /** Table column ordinal of each file field. */
    private final int[] fieldColumns;
    /** Table columns the file does not provide (always NULL). */
    private final int[] missingColumns;
    private final Object[] missingValues;
    private final List<FieldVector> vectors = new ArrayList<>();
    private final FieldParser[] parsers;

    public CsvLoader(TableSchema schema, List<Integer> fileColumns, String fileName, CsvOptions options, BufferAllocator allocator)
    {
        this(schema, fileColumns, Collections.nCopies(schema.columnCount(), null), fileName, options, allocator);
    }

    /**
     * {@code missingValues}: by table column ordinal, what a column the file does not have gets in every row (its
     * DEFAULT evaluated once; null = NULL). Entries of the file's columns are ignored.
     */
    public CsvLoader(TableSchema schema, List<Integer> fileColumns, List<Object> missingValues, String fileName, CsvOptions options, BufferAllocator allocator)
    {
        requireNonNull(missingValues, "missingValues is null");
        if (missingValues.size() != schema.columnCount()) {
            throw new IllegalArgumentException("missingValues has " + missingValues.size() + " entries for " + schema.columnCount() + " columns");
        }
        this.missingValues = missingValues.toArray();
        this.schema = requireNonNull(schema, "schema is null");
        this.fileName = requireNonNull(fileName, "fileName is null");
        this.options = requireNonNull(options, "options is null");
        this.nullBytes = options.nullBytes();
        this.fieldColumns = new int[fileColumns.size()];
        boolean[] provided = new boolean[schema.columnCount()];
        for (int i = 0; i < fieldColumns.length; i++) {
            fieldColumns[i] = fileColumns.get(i);
            provided[fieldColumns[i]] = true;
        }
        List<Integer> missing = new ArrayList<>();
        for (int column = 0; column < provided.length; column++) {
            if (!provided[column]) {
                missing.add(column);
            }
        }
        this.missingColumns = missing.stream().mapToInt(Integer::intValue).toArray();
        this.parsers = new FieldParser[schema.columnCount()];
        try {
            for (int column = 0; column < schema.columnCount(); column++) {
                Column definition = schema.column(column);
                FieldVector vector = (FieldVector) definition.type().toField(definition.name(), true).createVector(allocator);
                vectors.add(vector);
                vector.setInitialCapacity(ColumnBatch.DEFAULT_ROW_COUNT);
                vector.allocateNew();
                parsers[column] = FieldParser.create(definition.type(), vector);
            }
        }
        catch (Throwable failure) {
            close();
            throw failure;
        }
    }

    /** Reads every record of the reader and appends it to the writer; returns the number of rows loaded. */
    public long load(CsvReader reader, TableWriter writer)
    {
        if (options.header() && !reader.next()) {
            return 0;
        }
        long total = 0;
        int row = 0;
        int expected = fieldColumns.length;
        while (reader.next()) {
            int fields = reader.fieldCount();
            byte[] data = reader.data();
            if (fields == 1 && expected > 1 && reader.fieldEnd(0) == reader.fieldStart(0) && !reader.fieldQuoted(0)) {
                // a blank line: skipped (with a single column it is a NULL row)
                continue;
            }
            if (fields < expected) {
                int column = fieldColumns[fields];
                throw new BasaltException(ErrorCode.BAD_COPY_FILE_FORMAT, "missing data for column " + (fields + 1) + " \"" + schema.column(column).name()
                        + "\" at line " + reader.recordLine() + " of file '" + fileName + "' (expected " + expected + " fields, found " + fields + ")");
            }
            if (fields > expected) {
                throw new BasaltException(ErrorCode.BAD_COPY_FILE_FORMAT, "extra data after last expected column at line " + reader.recordLine()
                        + " of file '" + fileName + "' (expected " + expected + " fields, found " + fields + ")");
            }
            for (int field = 0; field < expected; field++) {
                int column = fieldColumns[field];
                int start = reader.fieldStart(field);
                int end = reader.fieldEnd(field);
                if (!reader.fieldQuoted(field) && isNullText(data, start, end)) {
                    setNull(column, row, reader.recordLine());
                    continue;
                }
                int status = parsers[column].parse(data, start, end, row);
                if (status != FieldParser.OK) {
                    throw badValue(status, field, column, new String(data, start, end - start, StandardCharsets.UTF_8), reader.recordLine());
                }
            }
            for (int column : missingColumns) {
                Object value = missingValues[column];
                if (value == null) {
                    setNull(column, row, reader.recordLine());
                }
                else {
                    Values.write(vectors.get(column), schema.column(column).type(), row, value);
                }
            }
            row++;
            if (row == ColumnBatch.DEFAULT_ROW_COUNT) {
                flush(writer, row);
                total += row;
                row = 0;
            }
        }
        if (row > 0) {
            flush(writer, row);
            total += row;
        }
        return total;
    }

    @Override
    public void close()
    {
        for (FieldVector vector : vectors) {
            vector.close();
        }
        vectors.clear();
    }

    private boolean isNullText(byte[] data, int start, int end)
    {
        if (end - start != nullBytes.length) {
            return false;
        }
        for (int i = 0; i < nullBytes.length; i++) {
            if (data[start + i] != nullBytes[i]) {
                return false;
            }
        }
        return true;
    }

    private void setNull(int column, int row, long line)
    {
        Column definition = schema.column(column);
        if (!definition.nullable()) {
            throw new BasaltException(ErrorCode.NOT_NULL_VIOLATION, "null value in column \"" + definition.name() + "\" of table \"" + schema.name()
                    + "\" violates not-null constraint (line " + line + " of file '" + fileName + "')");
        }
        parsers[column].setNull(row);
    }

    private void flush(TableWriter writer, int rows)
    {
        for (FieldVector vector : vectors) {
            vector.setValueCount(rows);
        }
        // The batch only borrows the vectors: the writer copies, and they are reused for the next rows.
        writer.append(ColumnBatch.of(vectors, rows));
        for (FieldVector vector : vectors) {
            vector.reset();
        }
    }

    private BasaltException badValue(int status, int field, int column, String text, long line)
    {
        Column definition = schema.column(column);
        String shown = text.length() > MAX_SHOWN_TEXT ? text.substring(0, MAX_SHOWN_TEXT) + "..." : text;
        String where = " (file '" + fileName + "', line " + line + ", column " + (field + 1) + " \"" + definition.name() + "\")";
        if (status == FieldParser.OUT_OF_RANGE && (definition.type() instanceof DateType || definition.type() instanceof TimestampType)) {
            return new BasaltException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + shown + "\"" + where);
        }
        if (status == FieldParser.OUT_OF_RANGE) {
            return new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range for type " + definition.type().sqlName() + ": \"" + shown + "\"" + where);
        }
        return new BasaltException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type " + definition.type().sqlName() + ": \"" + shown + "\"" + where);
    }
}
