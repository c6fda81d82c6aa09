package dev.basalt.engine.csv;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.apache.arrow.vector.FieldVector;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Writes batches as CSV: LF line ends; NULL as the null text; a value is quoted only when it must be (it holds
 * the delimiter, the quote or escape character or a line break, or it would read back as NULL, e.g. an empty
 * string when NULL is written as nothing).
 */
public final class CsvWriter implements AutoCloseable
{
    private static final int FLUSH_SIZE = 1 << 16;

    private final OutputStream output;
    private final String fileName;
    private final List<Column> columns;
    private final byte delimiter;
    private final byte quote;
    private final byte escape;
    private final byte[] nullBytes;
    private final ValueFormatter[] formatters;
    private final ByteBuilder line = new ByteBuilder(FLUSH_SIZE * 2);
    private final ByteBuilder field = new ByteBuilder(256);

    public CsvWriter(OutputStream output, String fileName, CsvOptions options, List<Column> columns)
    {
        this.output = requireNonNull(output, "output is null");
        this.fileName = requireNonNull(fileName, "fileName is null");
        this.columns = List.copyOf(columns);
        this.delimiter = options.delimiter();
        this.quote = options.quote();
        this.escape = options.escape();
        this.nullBytes = options.nullBytes();
        this.formatters = new ValueFormatter[columns.size()];
        for (int i = 0; i < formatters.length; i++) {
            formatters[i] = new ValueFormatter(columns.get(i).type());
        }
    }

    public void writeHeader()
    {
        for (int column = 0; column < columns.size(); column++) {
            if (column > 0) {
                line.append(delimiter);
            }
            field.clear();
            byte[] name = columns.get(column).name().getBytes(StandardCharsets.UTF_8);
            field.append(name, 0, name.length);
            appendField();
        }
        line.append((byte) '\n');
        flushIfFull();
    }

    /** Writes the live rows of a batch whose columns match this writer's; returns how many. */
    public int write(ColumnBatch batch)
    {
        int rows = batch.rowCount();
        for (int row = 0; row < rows; row++) {
            int position = batch.position(row);
            for (int column = 0; column < formatters.length; column++) {
                if (column > 0) {
                    line.append(delimiter);
                }
                FieldVector vector = batch.column(column);
                if (vector.isNull(position)) {
                    line.append(nullBytes, 0, nullBytes.length);
                    continue;
                }
                field.clear();
                formatters[column].format(vector, position, field);
                appendField();
            }
            line.append((byte) '\n');
            flushIfFull();
        }
        return rows;
    }

    @Override
    public void close()
    {
        try (OutputStream closing = output) {
            flush();
        }
        catch (IOException e) {
            throw writeFailed(e);
        }
    }

    private void appendField()
    {
        byte[] bytes = field.bytes();
        int length = field.length();
        if (!needsQuotes(bytes, length)) {
            line.append(bytes, 0, length);
            return;
        }
        line.append(quote);
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b == quote || b == escape) {
                line.append(escape);
            }
            line.append(b);
        }
        line.append(quote);
    }

    private boolean needsQuotes(byte[] bytes, int length)
    {
        if (length == nullBytes.length && java.util.Arrays.equals(bytes, 0, length, nullBytes, 0, length)) {
            return true;
        }
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b == delimiter || b == quote || b == escape || b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    private void flushIfFull()
    {
        if (line.length() >= FLUSH_SIZE) {
            try {
                flush();
            }
            catch (IOException e) {
                throw writeFailed(e);
            }
        }
    }

    private void flush()
            throws IOException
    {
        output.write(line.bytes(), 0, line.length());
        line.clear();
    }

    private BasaltException writeFailed(IOException e)
    {
        return new BasaltException(ErrorCode.IO_ERROR, "could not write file '" + fileName + "': " + e.getMessage(), e);
    }
}
