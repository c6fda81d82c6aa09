package dev.basalt.engine.csv;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.io.IOException;
import java.io.InputStream;

import static java.util.Objects.requireNonNull;

/**
 * Splits a CSV byte stream into records and fields (RFC 4180: quoted fields may hold delimiters, doubled quotes
 * and line breaks; LF or CRLF line ends). Works on bytes, without regular expressions or per-field objects: the
 * fields of the current record are slices of {@link #data()}. Tracks the line where each record starts so that
 * errors can name it.
 */
public final class CsvReader implements AutoCloseable
{
    private static final int BUFFER_SIZE = 1 << 20;
    private static final int MAX_RECORD_BYTES = 256 << 20;

    private final InputStream input;
    private final String fileName;
    private final byte delimiter;
    private final byte quote;
    private final byte escape;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean started;
    /** Line of the next unread byte, 1-based. */
    private long line = 1;
    private long recordLine;

    private byte[] data = new byte[4096];
    private int dataLength;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];
    private int fieldCount;

    public CsvReader(InputStream input, String fileName, CsvOptions options)
    {
        this.input = requireNonNull(input, "input is null");
        this.fileName = requireNonNull(fileName, "fileName is null");
        this.delimiter = options.delimiter();
        this.quote = options.quote();
        this.escape = options.escape();
    }

    /** Reads the next record; false at the end of the input. */
    public boolean next()
    {
        fieldCount = 0;
        dataLength = 0;
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        if (position == limit && !fill()) {
            return false;
        }
        recordLine = line;
        int fieldStart = 0;
        boolean fieldQuoted = false;
        while (true) {
            if (position == limit && !fill()) {
                // last record without a line break
                addField(fieldStart, fieldQuoted);
                return true;
            }
            byte b = buffer[position];
            if (b != delimiter && b != quote && b != '\n' && b != '\r') {
                int start = position;
                int end = position + 1;
                while (end < limit) {
                    byte c = buffer[end];
                    if (c == delimiter || c == quote || c == '\n' || c == '\r') {
                        break;
                    }
                    end++;
                }
                append(buffer, start, end - start);
                position = end;
                continue;
            }
            position++;
            if (b == delimiter) {
                addField(fieldStart, fieldQuoted);
                fieldStart = dataLength;
                fieldQuoted = false;
            }
            else if (b == '\n') {
                line++;
                addField(fieldStart, fieldQuoted);
                return true;
            }
            else if (b == '\r') {
                if ((position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                }
                line++;
                addField(fieldStart, fieldQuoted);
                return true;
            }
            else if (dataLength == fieldStart && !fieldQuoted) {
                fieldQuoted = true;
                readQuoted();
            }
            else {
                // a quote inside an unquoted field is kept literally (lenient, like DuckDB)
                append(b);
            }
        }
    }

    public int fieldCount()
    {
        return fieldCount;
    }

    /** Bytes of the current record's fields (unquoted, escapes resolved). */
    public byte[] data()
    {
        return data;
    }

    public int fieldStart(int field)
    {
        return starts[field];
    }

    public int fieldEnd(int field)
    {
        return ends[field];
    }

    /** True when the field was written in quotes (so it is a string even if it equals the NULL text). */
    public boolean fieldQuoted(int field)
    {
        return quoted[field];
    }

    /** The 1-based line on which the current record starts. */
    public long recordLine()
    {
        return recordLine;
    }

    @Override
    public void close()
    {
        try {
            input.close();
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "could not close file '" + fileName + "': " + e.getMessage(), e);
        }
    }

    private void readQuoted()
    {
        while (true) {
            if (position == limit && !fill()) {
                throw unterminated();
            }
            byte b = buffer[position++];
            if (b == quote) {
                if (position == limit && !fill()) {
                    return;
                }
                if (escape == quote && buffer[position] == quote) {
                    append(quote);
                    position++;
                    continue;
                }
                return;
            }
            if (b == escape) {
                if (position == limit && !fill()) {
                    throw unterminated();
                }
                byte escaped = buffer[position];
                if (escaped == quote || escaped == escape) {
                    append(escaped);
                    position++;
                }
                else {
                    append(b);
                }
                continue;
            }
            if (b == '\n') {
                line++;
            }
            append(b);
        }
    }

    private void addField(int start, boolean fieldQuoted)
    {
        if (fieldCount == starts.length) {
            int capacity = fieldCount * 2;
            starts = java.util.Arrays.copyOf(starts, capacity);
            ends = java.util.Arrays.copyOf(ends, capacity);
            quoted = java.util.Arrays.copyOf(quoted, capacity);
        }
        starts[fieldCount] = start;
        ends[fieldCount] = dataLength;
        quoted[fieldCount] = fieldQuoted;
        fieldCount++;
    }

    private void append(byte b)
    {
        if (dataLength == data.length) {
            grow(1);
        }
        data[dataLength++] = b;
    }

    private void append(byte[] source, int offset, int length)
    {
        if (dataLength + length > data.length) {
            grow(length);
        }
        System.arraycopy(source, offset, data, dataLength, length);
        dataLength += length;
    }

    private void grow(int extra)
    {
        long needed = (long) dataLength + extra;
        if (needed > MAX_RECORD_BYTES) {
            throw new BasaltException(ErrorCode.BAD_COPY_FILE_FORMAT, "record starting at line " + recordLine + " of file '" + fileName
                    + "' is longer than " + (MAX_RECORD_BYTES >> 20) + " MB (unterminated quote?)");
        }
        data = java.util.Arrays.copyOf(data, (int) Math.min(MAX_RECORD_BYTES, Math.max(needed, data.length * 2L)));
    }

    private boolean fill()
    {
        if (endOfInput) {
            return false;
        }
        try {
            int read;
            do {
                read = input.read(buffer, 0, buffer.length);
            }
            while (read == 0);
            if (read < 0) {
                endOfInput = true;
                position = 0;
                limit = 0;
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "could not read file '" + fileName + "': " + e.getMessage(), e);
        }
    }

    private void skipByteOrderMark()
    {
        if (position == limit && !fill()) {
            return;
        }
        // The UTF-8 BOM (EF BB BF) some editors write; it is not part of the first field.
        if (limit - position >= 3 && buffer[position] == (byte) 0xEF && buffer[position + 1] == (byte) 0xBB && buffer[position + 2] == (byte) 0xBF) {
            position += 3;
        }
    }

    private BasaltException unterminated()
    {
        return new BasaltException(ErrorCode.BAD_COPY_FILE_FORMAT, "unterminated quoted field in record starting at line " + recordLine + " of file '" + fileName + "'");
    }
}
