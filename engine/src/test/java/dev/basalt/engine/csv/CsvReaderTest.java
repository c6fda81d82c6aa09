package dev.basalt.engine.csv;

import dev.basalt.spi.error.BasaltException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReaderTest
{
    private static final CsvOptions COMMA = CsvOptions.DEFAULT;

    @Test
    void splitsFieldsAndRecords()
    {
        assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "", "3")), read("a,b,c\n1,,3\n", COMMA));
        // CRLF, and a last line without a line break
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), read("a,b\r\nc,d", COMMA));
        assertEquals(List.of(List.of("")), read("\n", COMMA));
        assertEquals(List.of(), read("", COMMA));
    }

    @Test
    void quotedFieldsFollowRfc4180()
    {
        List<List<String>> records = read("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"\"\nnext,x,y,z\n", COMMA);
        assertEquals(List.of("a,b", "say \"hi\"", "two\nlines", ""), records.get(0));
        assertEquals(List.of("next", "x", "y", "z"), records.get(1));
    }

    @Test
    void tracksRecordStartLines()
    {
        CsvReader reader = reader("a\n\"multi\nline\"\nb\n", COMMA);
        List<Long> lines = new ArrayList<>();
        while (reader.next()) {
            lines.add(reader.recordLine());
        }
        assertEquals(List.of(1L, 2L, 4L), lines);
    }

    @Test
    void distinguishesQuotedEmptyFromEmpty()
    {
        CsvReader reader = reader("\"\",\n", COMMA);
        assertTrue(reader.next());
        assertTrue(reader.fieldQuoted(0));
        assertEquals(false, reader.fieldQuoted(1));
    }

    @Test
    void customDelimiterQuoteAndEscape()
    {
        CsvOptions options = new CsvOptions((byte) '|', (byte) '\'', (byte) '\\', false, "");
        assertEquals(List.of(List.of("it's", "a|b", "x")), read("'it\\'s'|'a|b'|x\n", options));
    }

    @Test
    void unterminatedQuoteIsAnError()
    {
        BasaltException e = assertThrows(BasaltException.class, () -> read("a\n\"open,b\nc\n", COMMA));
        assertEquals("22P04", e.sqlState());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("test.csv"), e.getMessage());
    }

    @Test
    void recordsLongerThanTheBufferSurvive()
    {
        String big = "x".repeat(3 << 20);
        assertEquals(List.of(List.of(big, "y"), List.of("z", big)), read(big + ",y\nz," + big + "\n", COMMA));
    }

    private static List<List<String>> read(String text, CsvOptions options)
    {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader reader = reader(text, options)) {
            while (reader.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < reader.fieldCount(); i++) {
                    fields.add(new String(reader.data(), reader.fieldStart(i), reader.fieldEnd(i) - reader.fieldStart(i), StandardCharsets.UTF_8));
                }
                records.add(fields);
            }
        }
        return records;
    }

    private static CsvReader reader(String text, CsvOptions options)
    {
        InputStream input = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return new CsvReader(input, "test.csv", options);
    }
}
