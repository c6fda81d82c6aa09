package dev.basalt.parser;

import dev.basalt.parser.tree.Assignment;
import dev.basalt.parser.tree.DefaultValue;
import dev.basalt.parser.tree.Insert;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.QuerySpecification;
import dev.basalt.parser.tree.Statement;
import dev.basalt.parser.tree.TableFunctionRelation;
import dev.basalt.parser.tree.Update;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DISTINCT ON, QUALIFY, table functions, INSERT ... DEFAULT VALUES and SET c = DEFAULT: AST and formatting round trips. */
class AnalystSyntaxParsingTest
{
    private final SqlParser parser = new SqlParser();

    @Test
    void distinctOn()
    {
        QuerySpecification select = specification("SELECT DISTINCT ON (a, b + 1) a, c FROM s ORDER BY a, b + 1, c DESC");
        assertEquals(2, select.distinctOn().size());
        assertFalse(select.distinct());
        assertRoundTrips("SELECT DISTINCT ON (a, b + 1) a, c FROM s ORDER BY a, b + 1, c DESC");
        assertTrue(specification("SELECT DISTINCT a FROM s").distinct());
        assertTrue(specification("SELECT DISTINCT a FROM s").distinctOn().isEmpty());
        assertSyntaxError("SELECT DISTINCT ON a FROM s");
        assertSyntaxError("SELECT DISTINCT ON () a FROM s");
    }

    @Test
    void qualify()
    {
        QuerySpecification select = specification("SELECT a FROM t WHERE a > 0 WINDOW w AS (ORDER BY a) QUALIFY row_number() OVER w = 1 ORDER BY a");
        assertTrue(select.qualify().isPresent());
        assertEquals(1, select.windows().size());
        assertRoundTrips("SELECT a FROM t WHERE a > 0 WINDOW w AS (ORDER BY a) QUALIFY row_number() OVER w = 1 ORDER BY a");
        assertTrue(specification("SELECT a FROM t").qualify().isEmpty());
        // reserved: not a table alias
        assertSyntaxError("SELECT * FROM t qualify");
    }

    @Test
    void tableFunctions()
    {
        Query query = (Query) parser.parse("SELECT * FROM generate_series(1, 10, 2) AS g(x), range(3)");
        QuerySpecification select = (QuerySpecification) query.body();
        TableFunctionRelation series = assertInstanceOf(TableFunctionRelation.class, select.from().get(0));
        assertEquals(3, series.arguments().size());
        assertEquals("g", series.alias().orElseThrow().value());
        assertEquals("x", series.columnAliases().getFirst().value());
        assertInstanceOf(TableFunctionRelation.class, select.from().get(1));
    }

    @Test
    void insertDefaultValues()
    {
        Insert insert = assertInstanceOf(Insert.class, parser.parse("INSERT INTO t DEFAULT VALUES"));
        assertTrue(insert.defaultValues());
        assertFalse(assertInstanceOf(Insert.class, parser.parse("INSERT INTO t VALUES (1)")).defaultValues());
        assertRoundTrips("INSERT INTO t DEFAULT VALUES");
        BasaltException failure = assertThrows(BasaltException.class, () -> parser.parse("INSERT INTO t (a) DEFAULT VALUES"));
        assertEquals(ErrorCode.SYNTAX_ERROR, failure.code());
    }

    @Test
    void updateSetDefault()
    {
        Update update = assertInstanceOf(Update.class, parser.parse("UPDATE t SET a = DEFAULT, b = b + 1 WHERE c = 1"));
        Assignment first = update.assignments().getFirst();
        assertInstanceOf(DefaultValue.class, first.value());
        assertRoundTrips("UPDATE t SET a = DEFAULT, b = b + 1 WHERE c = 1");
        assertSyntaxError("SELECT DEFAULT");
    }

    @Test
    void explainAnalyzeAndAnalyze()
    {
        assertRoundTrips("EXPLAIN ANALYZE SELECT count(*) FROM t");
        assertRoundTrips("ANALYZE t");
        assertRoundTrips("ANALYZE");
    }

    private QuerySpecification specification(String sql)
    {
        return (QuerySpecification) ((Query) parser.parse(sql)).body();
    }

    private void assertRoundTrips(String sql)
    {
        Statement statement = parser.parse(sql);
        String formatted = SqlFormatter.format(statement);
        assertEquals(formatted, SqlFormatter.format(parser.parse(formatted)), sql);
        assertEquals(statement.getClass(), parser.parse(formatted).getClass());
    }

    private void assertSyntaxError(String sql)
    {
        BasaltException failure = assertThrows(BasaltException.class, () -> parser.parse(sql));
        assertEquals(ErrorCode.SYNTAX_ERROR, failure.code(), failure.getMessage());
    }
}
