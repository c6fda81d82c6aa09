package dev.basalt.sqllogictest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SltParserTest
{
    @Test
    void parsesSqliteRecordsWithCrlfConditionsAndHash()
    {
        String text = String.join("\r\n",
                "hash-threshold 8",
                "",
                "statement ok",
                "CREATE TABLE t1(a INTEGER, b INTEGER)",
                "",
                "# a comment",
                "skipif mysql # why",
                "onlyif sqlite",
                "query II rowsort label-1",
                "SELECT a,",
                "  b FROM t1",
                "----",
                "1",
                "2",
                "",
                "query I nosort",
                "SELECT a FROM t1",
                "----",
                "30 values hashing to 3c13dee48d9356ae19af2515e05e6b54",
                "");
        SltFile file = SltParser.parse("x.test", text);
        assertEquals("\r\n", file.lineSeparator());
        assertEquals(4, file.records().size());
        assertEquals(8, ((HashThresholdRecord) file.records().get(0)).threshold());
        StatementRecord create = (StatementRecord) file.records().get(1);
        assertEquals(3, create.line());
        assertNull(create.error());
        QueryRecord query = (QueryRecord) file.records().get(2);
        assertEquals(9, query.line());
        assertEquals("SELECT a,\n  b FROM t1", query.sql());
        assertEquals("II", query.types());
        assertEquals(SortMode.ROWSORT, query.sortMode());
        assertEquals("label-1", query.label());
        assertEquals(List.of(new Condition(false, "mysql"), new Condition(true, "sqlite")), query.conditions());
        assertEquals(new ExpectedResult.Lines(List.of("1", "2")), query.expected());
        assertEquals(12, query.blockStart());
        assertEquals(14, query.blockEnd());
        QueryRecord hashed = (QueryRecord) file.records().get(3);
        assertEquals(new ExpectedResult.Hash(30, "3c13dee48d9356ae19af2515e05e6b54"), hashed.expected());
    }

    @Test
    void planAppliesGuardsThresholdAndHalt()
    {
        String text = """
                statement ok
                CREATE TABLE t(a INT)

                onlyif mysql
                statement ok
                SELECT 1

                skipif mysql
                hash-threshold 4

                skipif basalt
                statement ok
                SELECT 2

                query I
                SELECT 3
                ----
                3

                skipif sqlite
                halt

                statement ok
                SELECT 4
                """;
        SltFile.Plan plan = SltParser.parse("g.test", text).plan("basalt");
        assertEquals(2, plan.steps().size());
        assertEquals(2, plan.skipped());
        assertEquals(1, plan.halted());
        assertEquals(4, plan.steps().get(1).hashThreshold());
        // As sqlite: the mysql guard still skips, "skipif basalt" runs, "skipif sqlite" halt does not apply.
        assertEquals(4, SltParser.parse("g.test", text).plan("sqlite").steps().size());
    }

    @Test
    void parsesErrorForms()
    {
        String text = """
                statement error
                SELEC 1

                statement error 42P01
                SELECT * FROM missing

                statement error 22012 division by zero
                SELECT 1 / 0

                statement error Table with name .* does not exist
                SELECT * FROM nope

                statement error
                SELECT x
                ----
                Referenced column

                query error 42703
                SELECT y
                """;
        List<SltRecord> records = SltParser.parse("e.slt", text).records();
        assertEquals(ErrorExpectation.ANY, ((StatementRecord) records.get(0)).error());
        assertEquals("42P01", ((StatementRecord) records.get(1)).error().sqlState());
        ErrorExpectation both = ((StatementRecord) records.get(2)).error();
        assertEquals("22012", both.sqlState());
        assertEquals("division by zero", both.regex().pattern());
        ErrorExpectation regex = ((StatementRecord) records.get(3)).error();
        assertNull(regex.sqlState());
        assertEquals("Table with name .* does not exist", regex.regex().pattern());
        assertEquals("Referenced column", ((StatementRecord) records.get(4)).error().substring());
        QueryRecord queryError = (QueryRecord) records.get(5);
        assertEquals("42703", queryError.error().sqlState());
    }

    @Test
    void sqlStateNeedsADigit()
    {
        assertTrue(ErrorExpectation.isSqlState("42P01"));
        assertTrue(ErrorExpectation.isSqlState("XX000"));
        assertFalse(ErrorExpectation.isSqlState("TABLE"));
        assertFalse(ErrorExpectation.isSqlState("4260"));
    }

    @Test
    void expandsLoops()
    {
        String text = """
                loop i 0 3
                statement ok
                INSERT INTO t VALUES (${i})

                endloop

                foreach type INTEGER BIGINT
                query I
                SELECT CAST(1 AS ${type})
                ----
                1

                endloop
                """;
        List<SltRecord> records = SltParser.parse("l.slt", text).records();
        assertEquals(5, records.size());
        assertEquals("INSERT INTO t VALUES (2)", ((StatementRecord) records.get(2)).sql());
        QueryRecord last = (QueryRecord) records.get(4);
        assertEquals("SELECT CAST(1 AS BIGINT)", last.sql());
        assertEquals(-1, last.blockStart());
    }

    @Test
    void unknownDirectiveBecomesUnsupportedRecord()
    {
        List<SltRecord> records = SltParser.parse("u.slt", "require tpch\n\nstatement ok\nSELECT 1\n").records();
        assertInstanceOf(UnsupportedRecord.class, records.get(0));
        assertInstanceOf(StatementRecord.class, records.get(1));
    }

    @Test
    void rejectsMalformedRecords()
    {
        assertThrows(IllegalArgumentException.class, () -> SltParser.parse("m.slt", "statement maybe\nSELECT 1\n"));
        assertThrows(IllegalArgumentException.class, () -> SltParser.parse("m.slt", "query I\n----\n1\n"));
        assertThrows(IllegalArgumentException.class, () -> SltParser.parse("m.slt", "loop i 0 2\nstatement ok\nSELECT 1\n"));
    }
}
