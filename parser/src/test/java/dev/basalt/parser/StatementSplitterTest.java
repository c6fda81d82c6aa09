package dev.basalt.parser;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementSplitterTest
{
    @Test
    void splitsOnSemicolonsOutsideQuotesAndComments()
    {
        String script = """
                SELECT 'a;b', "c;d", `e;f` FROM t; -- comment; here
                /* block; comment */ INSERT INTO t VALUES (E'x\\';y');
                ;
                SELECT 1""";
        assertEquals(List.of(
                "SELECT 'a;b', \"c;d\", `e;f` FROM t",
                "-- comment; here\n/* block; comment */ INSERT INTO t VALUES (E'x\\';y')",
                "SELECT 1"), SqlParser.splitStatements(script));
        assertEquals(List.of("SELECT 'it''s;'"), SqlParser.splitStatements("SELECT 'it''s;';"));
        assertEquals(List.of(), SqlParser.splitStatements(" ; -- nothing\n ;"));
        // a backslash only escapes in E-strings
        assertEquals(List.of("SELECT 'a\\'", "SELECT 2"), SqlParser.splitStatements("SELECT 'a\\'; SELECT 2;"));
    }

    @Test
    void triggerBodiesStayInOneStatement()
    {
        String trigger = """
                CREATE TRIGGER t1r1 AFTER INSERT ON t1 BEGIN
                  INSERT INTO log VALUES (new.x, 'end;');
                  SELECT CASE WHEN new.x > 0 THEN 1 ELSE 0 END; -- end;
                END""";
        assertEquals(List.of(trigger, "SELECT 1", "CREATE TEMP TRIGGER x DELETE ON t BEGIN SELECT 1; END"),
                SqlParser.splitStatements(trigger + ";\nSELECT 1; CREATE TEMP TRIGGER x DELETE ON t BEGIN SELECT 1; END;"));
        assertFalse(SqlParser.isComplete("CREATE TRIGGER t1r1 UPDATE ON t1 BEGIN SELECT 1;"));
        assertFalse(SqlParser.isComplete("CREATE TRIGGER t1r1 UPDATE ON t1 BEGIN SELECT CASE WHEN 1 THEN 2 END;"));
        assertTrue(SqlParser.isComplete("CREATE TRIGGER t1r1 UPDATE ON t1 BEGIN SELECT 1; END;"));
        assertTrue(SqlParser.isComplete("CREATE TRIGGER t1r1 UPDATE ON t1 BEGIN SELECT 1; END; SELECT 2;"));
        // other statements are unaffected by these words
        assertEquals(List.of("SELECT begin FROM t", "SELECT 2"), SqlParser.splitStatements("SELECT begin FROM t; SELECT 2;"));
        assertTrue(SqlParser.isComplete("BEGIN;"));
    }

    @Test
    void completeWhenEndingWithTerminatingSemicolon()
    {
        assertTrue(SqlParser.isComplete("SELECT 1;"));
        assertTrue(SqlParser.isComplete("SELECT 1;  \n"));
        assertTrue(SqlParser.isComplete("SELECT 1; -- trailing comment"));
        assertTrue(SqlParser.isComplete("SELECT 1; /* done */ "));
        assertFalse(SqlParser.isComplete("SELECT 1"));
        assertFalse(SqlParser.isComplete(""));
        assertFalse(SqlParser.isComplete("SELECT ';"));
        assertFalse(SqlParser.isComplete("SELECT \"a;"));
        assertFalse(SqlParser.isComplete("SELECT 1 -- ;"));
        assertFalse(SqlParser.isComplete("SELECT 1 /* ; */"));
        assertFalse(SqlParser.isComplete("SELECT 1; /* open"));
        assertFalse(SqlParser.isComplete("SELECT 1; SELECT 2"));
        assertTrue(SqlParser.isComplete("SELECT 'x''y';"));
    }
}
