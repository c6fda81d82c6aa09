package dev.basalt.shell;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TableFormatterTest
{
    private final TableFormatter formatter = new TableFormatter(20);

    private static String[] row(String... cells)
    {
        return cells;
    }

    @Test
    void alignsColumnsAndNumbers()
    {
        String table = formatter.format(List.of("id", "name", "price"), new boolean[] {true, false, true},
                List.of(row("1", "apple", "1.50"), row("10", null, "12.00")));
        assertEquals("""
                +----+-------+-------+
                | id | name  | price |
                +----+-------+-------+
                |  1 | apple |  1.50 |
                | 10 | NULL  | 12.00 |
                +----+-------+-------+
                """, table);
    }

    @Test
    void emptyResultShowsTheHeader()
    {
        assertEquals("""
                +---+
                | x |
                +---+
                +---+
                """, formatter.format(List.of("x"), new boolean[] {false}, List.of()));
        assertEquals("", formatter.format(List.of(), new boolean[0], List.of()));
    }

    @Test
    void wideValuesAreTruncated()
    {
        String wide = "abcdefghijklmnopqrstuvwxyz";
        String table = formatter.format(List.of("t"), new boolean[] {false}, List.<String[]>of(row(wide), row("short")));
        assertEquals("""
                +----------------------+
                | t                    |
                +----------------------+
                | abcdefghijklmnopq... |
                | short                |
                +----------------------+
                """, table);
        assertEquals("abcdefghijklmnopqrst", formatter.cell("abcdefghijklmnopqrst"), "exactly the maximum width fits");
    }

    @Test
    void controlCharactersAreEscaped()
    {
        assertEquals("a\\nb\\tc\\x01", formatter.cell("a\nb\tc\u0001"));
        String table = formatter.format(List.of("v"), new boolean[] {false}, List.<String[]>of(row("line1\nline2")));
        assertEquals(5, table.split("\n").length, "one line per row: " + table);
    }

    @Test
    void wideCharactersCountTwoCells()
    {
        String table = formatter.format(List.of("name"), new boolean[] {false}, List.<String[]>of(row("日本"), row("héllo")));
        assertEquals("""
                +-------+
                | name  |
                +-------+
                | 日本  |
                | héllo |
                +-------+
                """, table);
        assertEquals(4, TableFormatter.displayWidth("日本"));
    }

    @Test
    void shortRowsPadWithNull()
    {
        String table = formatter.format(Arrays.asList("a", "b"), new boolean[] {false, false}, List.<String[]>of(row("x")));
        assertEquals("| x | NULL |", table.split("\n")[3]);
    }

    @Test
    void rejectsTinyWidths()
    {
        assertThrows(IllegalArgumentException.class, () -> new TableFormatter(3));
    }
}
