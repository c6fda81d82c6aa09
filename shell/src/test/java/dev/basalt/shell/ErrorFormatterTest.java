package dev.basalt.shell;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Error text, meta command parsing and the .schema rendering. */
class ErrorFormatterTest
{
    @Test
    void caretUnderTheOffendingColumn()
    {
        BasaltException error = new BasaltException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"FORM\"", 1, 10, null);
        assertEquals("""
                Error 42601: syntax error at or near "FORM"
                LINE 1: SELECT * FORM t
                                 ^
                """, ErrorFormatter.format(error, "SELECT * FORM t"));
    }

    @Test
    void caretOnLaterLinesAndAfterTabs()
    {
        BasaltException error = new BasaltException(ErrorCode.SYNTAX_ERROR, "syntax error", 2, 3, null);
        assertEquals("""
                Error 42601: syntax error
                LINE 2: \tx)
                        \t ^
                """, ErrorFormatter.format(error, "SELECT (\n\tx)"));
    }

    @Test
    void longLinesShowAWindow()
    {
        String sql = "SELECT " + "a, ".repeat(100) + "FORM t";
        int column = sql.indexOf("FORM") + 1;
        String text = ErrorFormatter.format(new BasaltException(ErrorCode.SYNTAX_ERROR, "syntax error", 1, column, null), sql);
        String[] lines = text.split("\n");
        assertTrue(lines[1].startsWith("LINE 1: ..."), lines[1]);
        assertTrue(lines[1].length() < 120, lines[1]);
        assertEquals(lines[2].length() - 1, lines[1].indexOf("FORM"), text);
    }

    @Test
    void noPositionNoCaret()
    {
        String text = ErrorFormatter.format(new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"t\" does not exist"), "SELECT * FROM t");
        assertEquals("Error 42P01: table \"t\" does not exist\n", text);
        String unexpected = ErrorFormatter.format(BasaltException.wrap(new IllegalStateException("bad state")), null);
        assertTrue(unexpected.startsWith("Error XX000: "), unexpected);
        assertFalse(unexpected.contains("\tat "), unexpected);
    }

    @Test
    void metaCommands()
    {
        assertTrue(MetaCommand.isMetaCommand("  .tables"));
        assertTrue(MetaCommand.isMetaCommand("\\q"));
        assertFalse(MetaCommand.isMetaCommand("SELECT .5"));
        assertEquals(new MetaCommand(".timer", List.of("on")), MetaCommand.parse(".TIMER  on ;"));
        assertEquals(new MetaCommand(".schema", List.of()), MetaCommand.parse(".schema"));
    }

    @Test
    void schemaRendering()
    {
        TableSchema table = new TableSchema("orders", List.of(
                new Column("o_orderkey", DataTypes.BIGINT, false),
                new Column("o_totalprice", DecimalType.of(15, 2)),
                new Column("Mixed Case", DataTypes.VARCHAR),
                new Column("order", DataTypes.DATE)));
        assertEquals("""
                CREATE TABLE orders (
                    o_orderkey BIGINT NOT NULL,
                    o_totalprice DECIMAL(15,2),
                    "Mixed Case" VARCHAR,
                    "order" DATE
                );
                """, ShellSession.createTable(table));
        assertEquals("\"a\"\"b\"", ShellSession.quote("a\"b"));
        assertEquals("select", ShellSession.firstKeyword("  -- c\n /* x */ SELECT 1"));
        assertEquals("explain", ShellSession.firstKeyword("EXPLAIN SELECT 1"));
    }
}
