package dev.basalt.planner.analyzer;

import dev.basalt.planner.testing.PlannerTester;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinderErrorTest
{
    private final PlannerTester tester = PlannerTester.simple();

    @Test
    void unknownTableNamesTheTable()
    {
        tester.assertFails("SELECT * FROM nosuch", ErrorCode.UNDEFINED_TABLE, "nosuch");
        tester.assertFails("SELECT * FROM other.t1", ErrorCode.UNDEFINED_TABLE, "other.t1");
        tester.assertFails("INSERT INTO nosuch VALUES (1)", ErrorCode.UNDEFINED_TABLE, "nosuch");
    }

    @Test
    void unknownColumnNamesTheColumn()
    {
        tester.assertFails("SELECT nosuch FROM t1", ErrorCode.UNDEFINED_COLUMN, "nosuch");
        tester.assertFails("SELECT t1.nosuch FROM t1", ErrorCode.UNDEFINED_COLUMN, "t1.nosuch");
        tester.assertFails("SELECT a FROM t1 WHERE zzz > 1", ErrorCode.UNDEFINED_COLUMN, "zzz");
        tester.assertFails("SELECT a FROM t1 ORDER BY zzz", ErrorCode.UNDEFINED_COLUMN, "zzz");
    }

    @Test
    void qualifierMustNameARelation()
    {
        tester.assertFails("SELECT t9.a FROM t1", ErrorCode.UNDEFINED_TABLE, "t9");
        // the alias hides the table name, as in PostgreSQL
        tester.assertFails("SELECT t1.a FROM t1 AS x", ErrorCode.UNDEFINED_TABLE, "t1");
        tester.assertFails("SELECT q.* FROM t1", ErrorCode.UNDEFINED_TABLE, "q");
    }

    @Test
    void ambiguousColumn()
    {
        tester.assertFails("SELECT a FROM t1, t2", ErrorCode.AMBIGUOUS_COLUMN, "a");
        tester.assertFails("SELECT a FROM t1 JOIN t2 ON t1.a = t2.a", ErrorCode.AMBIGUOUS_COLUMN, "a");
        // qualified is fine
        tester.plan("SELECT t1.a, t2.a FROM t1, t2 WHERE t1.a = t2.a");
    }

    @Test
    void typeMismatchNamesBothTypes()
    {
        // a string literal that does not convert is a run-time cast (22P02 if evaluated), as in DuckDB
        tester.plan("SELECT 'a' + 1");
        tester.assertFails("SELECT * FROM t1 WHERE d > 5", ErrorCode.DATATYPE_MISMATCH, "DATE", "INTEGER");
        tester.assertFails("SELECT s + a FROM t1", ErrorCode.DATATYPE_MISMATCH, "VARCHAR", "INTEGER");
        tester.assertFails("SELECT * FROM t1 WHERE s = 1", ErrorCode.DATATYPE_MISMATCH, "VARCHAR", "INTEGER");
        tester.plan("SELECT * FROM t1 WHERE d = 'not a date'");
        tester.assertFails("SELECT CASE WHEN flag THEN d ELSE a END FROM t1", ErrorCode.DATATYPE_MISMATCH, "DATE", "INTEGER");
        tester.assertFails("SELECT * FROM t1 WHERE d", ErrorCode.DATATYPE_MISMATCH, "WHERE", "DATE");
        tester.assertFails("SELECT CAST(d AS INTEGER) FROM t1", ErrorCode.DATATYPE_MISMATCH, "DATE", "INTEGER");
        tester.assertFails("SELECT a LIKE 'x' FROM t1", ErrorCode.DATATYPE_MISMATCH, "INTEGER");
    }

    @Test
    void numericTextIsAcceptedWhereANumberIsExpected()
    {
        tester.plan("SELECT '1' + 1");
        tester.plan("SELECT * FROM t1 WHERE a = '42'");
        tester.plan("SELECT * FROM t1 WHERE d = '1995-03-15'");
    }

    @Test
    void groupingErrors()
    {
        tester.assertFails("SELECT a, b FROM t1 GROUP BY a", ErrorCode.GROUPING_ERROR, "b", "GROUP BY");
        tester.assertFails("SELECT a, count(*) FROM t1", ErrorCode.GROUPING_ERROR, "a");
        tester.assertFails("SELECT a FROM t1 GROUP BY b HAVING c > 0", ErrorCode.GROUPING_ERROR, "c");
        tester.assertFails("SELECT a FROM t1 GROUP BY a ORDER BY b", ErrorCode.GROUPING_ERROR, "b");
        tester.assertFails("SELECT * FROM t1 WHERE count(*) > 1", ErrorCode.GROUPING_ERROR, "WHERE");
        tester.assertFails("SELECT sum(count(*)) FROM t1", ErrorCode.GROUPING_ERROR, "nested");
        tester.assertFails("SELECT count(*) FROM t1 GROUP BY 1", ErrorCode.GROUPING_ERROR, "GROUP BY");
        tester.assertFails("SELECT * FROM t1 JOIN t2 ON sum(t1.a) = 1", ErrorCode.GROUPING_ERROR, "JOIN");
        tester.assertFails("SELECT a + 1 FROM t1 GROUP BY a + 2", ErrorCode.GROUPING_ERROR, "a");
        // HAVING (DuckDB): a name that is not a grouped column may be a SELECT alias; a grouped column wins
        tester.plan("SELECT a AS c FROM t1 GROUP BY a HAVING c > 1");
        tester.plan("SELECT sum(b) AS c FROM t1 GROUP BY a HAVING c > 1");
        tester.plan("SELECT a AS b FROM t1 GROUP BY a, b HAVING b > 1");
        tester.assertFails("SELECT a AS x FROM t1 GROUP BY a HAVING c > 1", ErrorCode.GROUPING_ERROR, "c");
        tester.assertFails("SELECT b AS c FROM t1 GROUP BY a HAVING c > 1", ErrorCode.GROUPING_ERROR, "b");
    }

    @Test
    void validGrouping()
    {
        tester.plan("SELECT a, sum(c) FROM t1 GROUP BY a");
        tester.plan("SELECT a + 1, count(*) FROM t1 GROUP BY a");
        tester.plan("SELECT a + b, count(*) FROM t1 GROUP BY a + b ORDER BY a + b");
        tester.plan("SELECT a AS k, count(*) FROM t1 GROUP BY k");
        tester.plan("SELECT a, count(*) FROM t1 GROUP BY 1 HAVING count(*) > 1 ORDER BY 2 DESC");
        tester.plan("SELECT count(*) FROM t1 HAVING sum(a) > 0");
        tester.plan("SELECT sum(a) AS total FROM t1 GROUP BY b HAVING total > 10 ORDER BY total");
    }

    @Test
    void unknownFunction()
    {
        tester.assertFails("SELECT frobnicate(a) FROM t1", ErrorCode.UNDEFINED_FUNCTION, "frobnicate(INTEGER)");
        tester.assertFails("SELECT sum(s) FROM t1", ErrorCode.UNDEFINED_FUNCTION, "sum(VARCHAR)");
        tester.assertFails("SELECT upper(a) FROM t1", ErrorCode.UNDEFINED_FUNCTION, "upper(INTEGER)");
        tester.assertFails("SELECT abs(a, b) FROM t1", ErrorCode.UNDEFINED_FUNCTION, "abs");
    }

    @Test
    void featuresOfTheNextIssueAreNotSupportedYet()
    {
        // correlated shapes the decorrelator does not handle yet fail cleanly
        tester.assertFails("SELECT (SELECT sum(z) FROM t2 WHERE t2.a = t1.a LIMIT 1 OFFSET 1) FROM t1", ErrorCode.FEATURE_NOT_SUPPORTED, "OFFSET");
        tester.assertFails("SELECT * FROM t1 LEFT JOIN t2 ON t1.a IN (SELECT a FROM t2)", ErrorCode.FEATURE_NOT_SUPPORTED, "JOIN conditions");
        tester.assertFails("SELECT a FROM t1 WHERE row_number() OVER () > 1", ErrorCode.WINDOWING_ERROR, "window functions are not allowed in WHERE");
        tester.assertFails("SELECT sum(a) OVER w FROM t1", ErrorCode.UNDEFINED_OBJECT, "window \"w\" does not exist");
        tester.assertFails("SELECT grouping(b) FROM t1 GROUP BY ROLLUP (a)", ErrorCode.GROUPING_ERROR, "GROUPING");
    }

    @Test
    void orderByAndGroupByPositions()
    {
        tester.assertFails("SELECT a FROM t1 ORDER BY 2", ErrorCode.INVALID_COLUMN_REFERENCE, "2");
        tester.assertFails("SELECT a FROM t1 GROUP BY 3", ErrorCode.INVALID_COLUMN_REFERENCE, "3");
        tester.assertFails("SELECT DISTINCT a FROM t1 ORDER BY b", ErrorCode.INVALID_COLUMN_REFERENCE, "DISTINCT");
        tester.plan("SELECT DISTINCT a FROM t1 ORDER BY a");
    }

    @Test
    void insertErrors()
    {
        tester.assertFails("INSERT INTO t2 (a, nosuch) VALUES (1, 2)", ErrorCode.UNDEFINED_COLUMN, "nosuch");
        tester.assertFails("INSERT INTO t2 (a, a) VALUES (1, 2)", ErrorCode.DUPLICATE_COLUMN, "a");
        tester.assertFails("INSERT INTO t2 VALUES (1, 'x', 1.5, 4)", ErrorCode.SYNTAX_ERROR, "more expressions");
        tester.assertFails("INSERT INTO t2 (a, y) VALUES (1)", ErrorCode.SYNTAX_ERROR, "more target columns");
        tester.assertFails("INSERT INTO t1 (d) VALUES (5)", ErrorCode.DATATYPE_MISMATCH, "\"d\"", "DATE", "INTEGER");
        tester.assertFails("INSERT INTO t1 (d) SELECT a FROM t2", ErrorCode.DATATYPE_MISMATCH, "DATE", "INTEGER");
    }

    @Test
    void misc()
    {
        tester.assertFails("SELECT *", ErrorCode.SYNTAX_ERROR, "*");
        tester.assertFails("VALUES (1, 2), (3)", ErrorCode.SYNTAX_ERROR, "same length");
        tester.assertFails("SELECT a FROM t1 LIMIT -1", ErrorCode.INVALID_PARAMETER_VALUE, "LIMIT");
        tester.assertFails("SELECT a FROM t1 LIMIT a", ErrorCode.UNDEFINED_COLUMN, "a");
        tester.assertFails("SELECT DATE '2020-13-45'", ErrorCode.DATETIME_FIELD_OVERFLOW);
        tester.assertFails("SELECT DATE 'yesterday-ish'", ErrorCode.INVALID_DATETIME_FORMAT);
        tester.assertFails("SELECT CAST(a AS nosuchtype) FROM t1", ErrorCode.UNDEFINED_OBJECT, "NOSUCHTYPE");
        tester.assertFails("SELECT extract(fortnight FROM d) FROM t1", ErrorCode.INVALID_PARAMETER_VALUE, "fortnight");
    }

    @Test
    void parametersMustBeBound()
    {
        tester.assertFails("SELECT ? + 1", ErrorCode.INVALID_PARAMETER_VALUE, "$1");
    }

    @Test
    void errorsCarryThePosition()
    {
        BasaltException e = tester.assertFails("SELECT a,\n  nosuch FROM t1", ErrorCode.UNDEFINED_COLUMN);
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertTrue(e.toUserString().startsWith("ERROR 42703"));
    }
}
