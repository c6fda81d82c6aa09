package dev.basalt.parser;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.parser.tree.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SyntaxErrorTest
{
    private final SqlParser parser = new SqlParser();

    private BasaltException error(String sql)
    {
        return assertThrows(BasaltException.class, () -> parser.parse(sql));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT * FORM t | syntax error at or near \"FORM\" at line 1, column 10 | 1 | 10",
            "SELECT a, FROM t | syntax error at or near \"FROM\" at line 1, column 11 | 1 | 11",
            "SELECT 1 +# 2 | syntax error at or near \"#\" at line 1, column 11 | 1 | 11",
            "SELEC 1 | syntax error at or near \"SELEC\" at line 1, column 1 | 1 | 1",
            "SELECT * FROM t WHERE a = = 1 | syntax error at or near \"=\" at line 1, column 27 | 1 | 27",
            "SELECT 'abc | unterminated quoted string at or near \"'abc\" at line 1, column 8 | 1 | 8",
            "SELECT \"abc | unterminated quoted identifier at or near \"\"abc\" at line 1, column 8 | 1 | 8",
            "SELECT 1 /* never closed | unterminated /* comment at or near \"/* never closed\" at line 1, column 10 | 1 | 10",
            "SELECT 1; SELECT 2 | syntax error at or near \"SELECT\" at line 1, column 11 | 1 | 11",
            "SELECT count(DISTINCT *) FROM t | syntax error at or near \"*\" at line 1, column 23 | 1 | 23",
            "CREATE TRIGGER t1r1 UPDATE ON t1 SELECT 1 | syntax error at or near \"SELECT\" at line 1, column 34 | 1 | 34",
    })
    void syntaxErrorsNameTokenAndPosition(String sql, String message, int line, int column)
    {
        BasaltException e = error(sql);
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
        assertEquals(message, e.getMessage());
        assertEquals(line, e.line());
        assertEquals(column, e.column());
    }

    @Test
    void endOfInput()
    {
        BasaltException e = error("SELECT * FROM");
        assertEquals("syntax error at end of input", e.getMessage());
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
        assertEquals(1, e.line());
        assertEquals(14, e.column());
        assertEquals("syntax error at end of input", error("").getMessage());
        assertEquals("syntax error at end of input", error("-- only a comment").getMessage());
        assertEquals("syntax error at end of input", assertThrows(BasaltException.class, () -> parser.parseExpression("1 +")).getMessage());
    }

    @Test
    void multiLinePositions()
    {
        BasaltException e = error("SELECT a,\n       b\n  FROM t\n WHERE a >\n ORDER BY 1");
        assertEquals("syntax error at or near \"ORDER\" at line 5, column 2", e.getMessage());
        assertEquals(5, e.line());
        assertEquals(2, e.column());
    }

    @Test
    void semanticParseErrors()
    {
        BasaltException tooBig = error("SELECT 123456789012345678901234567890123456789");
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, tooBig.code());
        assertEquals("integer literal 123456789012345678901234567890123456789 is out of range (more than 38 digits) at line 1, column 8",
                tooBig.getMessage());
        assertEquals(8, tooBig.column());

        BasaltException emptyIdentifier = error("SELECT \"\" FROM t");
        assertEquals("zero-length delimited identifier at line 1, column 8", emptyIdentifier.getMessage());

        BasaltException leftJoin = error("SELECT * FROM a LEFT JOIN b");
        assertEquals("LEFT JOIN requires an ON or USING clause at line 1, column 27", leftJoin.getMessage());

        BasaltException duplicate = error("COPY t FROM 'f' (HEADER, HEADER false)");
        assertEquals(ErrorCode.SYNTAX_ERROR, duplicate.code());
        assertEquals("conflicting or redundant COPY option \"header\" at line 1, column 26", duplicate.getMessage());
    }

    @Test
    void deeplyNestedInputFailsCleanly()
            throws InterruptedException
    {
        // a small stack makes the overflow certain; the user must see a syntax error, not a StackOverflowError
        String sql = "SELECT " + "(".repeat(1_000) + "1" + ")".repeat(1_000);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                parser.parse(sql);
            }
            catch (Throwable t) {
                thrown.set(t);
            }
        }, "small-stack-parser", 256 * 1024);
        thread.start();
        thread.join();
        BasaltException e = assertInstanceOf(BasaltException.class, thrown.get());
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
        assertEquals("statement is too deeply nested to parse", e.getMessage());
    }

    @Test
    void longFlatChainsDoNotNeedDeepRecursion()
    {
        StringBuilder sql = new StringBuilder("SELECT * FROM t WHERE a = 0");
        for (int i = 1; i < 10_000; i++) {
            sql.append(" OR a = ").append(i).append(" + b || 'x'");
        }
        assertInstanceOf(Query.class, parser.parse(sql.toString()));
    }
}
