package dev.basalt.engine;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.type.DataTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static dev.basalt.engine.Sql.query;
import static dev.basalt.engine.Sql.scalar;
import static dev.basalt.engine.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlEndToEndTest
{
    private Database database;
    private Session session;

    @BeforeEach
    void setUp()
    {
        database = Database.inMemory();
        session = database.newSession();
        update(session, "CREATE TABLE dept (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL)");
        update(session, "CREATE TABLE emp (id INTEGER NOT NULL, name VARCHAR, dept_id INTEGER, salary DECIMAL(10,2), hired DATE)");
        assertEquals(3, update(session, "INSERT INTO dept VALUES (1, 'eng'), (2, 'sales'), (3, 'empty')"));
        assertEquals(5, update(session, """
                INSERT INTO emp VALUES
                  (1, 'ann', 1, 100.50, DATE '2020-01-01'),
                  (2, 'bob', 1, 200.25, DATE '2021-06-15'),
                  (3, 'cid', 2, 50.00, DATE '2019-03-03'),
                  (4, 'dee', 2, 75.75, NULL),
                  (5, 'eve', NULL, NULL, DATE '2022-12-31')"""));
    }

    @AfterEach
    void tearDown()
    {
        session.close();
        database.close();
    }

    @Test
    void selectsFiltersAndOrders()
    {
        List<List<Object>> rows = query(session, "SELECT id, name FROM emp WHERE salary > 60 ORDER BY salary DESC");
        assertEquals(List.of(List.of(2, "bob"), List.of(1, "ann"), List.of(4, "dee")), rows);
        assertEquals(List.of(List.of("ann"), List.of("bob")), query(session, "SELECT name FROM emp ORDER BY id LIMIT 2"));
        assertEquals(List.of(List.of(3L)), query(session, "SELECT count(*) FROM emp WHERE hired >= DATE '2020-01-01'"));
    }

    @Test
    void aggregatesAndGroups()
    {
        List<List<Object>> rows = query(session, "SELECT dept_id, count(*), sum(salary) FROM emp WHERE dept_id IS NOT NULL GROUP BY dept_id ORDER BY dept_id");
        assertEquals(2, rows.size());
        assertEquals(1, rows.get(0).get(0));
        assertEquals(2L, rows.get(0).get(1));
        assertEquals(0, new BigDecimal("300.75").compareTo((BigDecimal) rows.get(0).get(2)));
        assertEquals(0, new BigDecimal("125.75").compareTo((BigDecimal) rows.get(1).get(2)));
    }

    @Test
    void joins()
    {
        List<List<Object>> rows = query(session, "SELECT d.name, e.name FROM emp e JOIN dept d ON e.dept_id = d.id ORDER BY e.id");
        assertEquals(List.of(List.of("eng", "ann"), List.of("eng", "bob"), List.of("sales", "cid"), List.of("sales", "dee")), rows);
    }

    @Test
    void insertSelectAndParameters()
    {
        update(session, "CREATE TABLE rich (name VARCHAR, salary DECIMAL(10,2))");
        assertEquals(2, update(session, "INSERT INTO rich SELECT name, salary FROM emp WHERE salary >= ?", new BigDecimal("100")));
        assertEquals(List.of(List.of("ann"), List.of("bob")), query(session, "SELECT name FROM rich ORDER BY name"));
        assertEquals(List.of(List.of("cid")), query(session, "SELECT name FROM emp WHERE id = ?", 3));
        BasaltException wrongCount = assertThrows(BasaltException.class, () -> session.execute("SELECT name FROM emp WHERE id = ?"));
        assertEquals("22023", wrongCount.sqlState());
    }

    @Test
    void insertWithColumnListFillsNulls()
    {
        assertEquals(1, update(session, "INSERT INTO emp (id, name) VALUES (9, 'zed')"));
        List<Object> row = query(session, "SELECT id, name, dept_id, salary, hired FROM emp WHERE id = 9").getFirst();
        assertEquals(Arrays.asList(9, "zed", null, null, null), row);
    }

    @Test
    void notNullIsEnforcedAndInsertIsAllOrNothing()
    {
        BasaltException e = assertThrows(BasaltException.class, () -> session.execute("INSERT INTO dept VALUES (4, 'ops'), (5, NULL)"));
        assertEquals("23502", e.sqlState());
        assertTrue(e.getMessage().contains("name"), e.getMessage());
        assertEquals(3L, scalar(session, "SELECT count(*) FROM dept"));
    }

    @Test
    void streamsBatchesAndReportsColumns()
    {
        try (QueryResult result = session.execute("SELECT id, salary, hired FROM emp ORDER BY id")) {
            assertTrue(result.isQuery());
            assertEquals(-1, result.updateCount());
            assertEquals(List.of("id", "salary", "hired"), result.columns().stream().map(Column::name).toList());
            assertEquals(DataTypes.parse("DECIMAL(10,2)"), result.columns().get(1).type());
            int rows = 0;
            ColumnBatch batch;
            while ((batch = result.nextBatch()) != null) {
                try (ColumnBatch owned = batch) {
                    rows += owned.rowCount();
                }
            }
            assertEquals(5, rows);
            assertNull(result.nextBatch());
        }
        assertEquals(0, database.allocatedMemory());
    }

    @Test
    void abandonedResultReleasesMemory()
    {
        QueryResult result = session.execute("SELECT * FROM emp");
        result.close();
        QueryResult left = session.execute("SELECT * FROM emp");
        assertTrue(left.isQuery());
        // closing the session closes results left open
        session.close();
        assertEquals(0, database.allocatedMemory());
        session = database.newSession();
    }

    @Test
    void ddlStatements()
    {
        assertEquals(List.of(List.of("dept"), List.of("emp")), query(session, "SHOW TABLES"));
        assertEquals(List.of("dept", "emp"), session.listTables().stream().map(TableSchema::name).toList());
        List<List<Object>> columns = query(session, "DESCRIBE dept");
        assertEquals(List.of(Arrays.asList("id", "INTEGER", "NO", null), Arrays.asList("name", "VARCHAR(20)", "NO", null)), columns);

        assertEquals("42P07", assertThrows(BasaltException.class, () -> session.execute("CREATE TABLE dept (x INTEGER)")).sqlState());
        assertEquals(0, update(session, "CREATE TABLE IF NOT EXISTS dept (x INTEGER)"));
        assertEquals(0, update(session, "DROP TABLE emp"));
        assertEquals("42P01", assertThrows(BasaltException.class, () -> session.execute("DROP TABLE emp")).sqlState());
        assertEquals(0, update(session, "DROP TABLE IF EXISTS emp"));
        assertEquals("42P01", assertThrows(BasaltException.class, () -> session.execute("SELECT * FROM emp")).sqlState());
        assertEquals("42701", assertThrows(BasaltException.class, () -> session.execute("CREATE TABLE d (a INTEGER, a INTEGER)")).sqlState());
        assertEquals("42704", assertThrows(BasaltException.class, () -> session.execute("CREATE TABLE d (a NOSUCHTYPE)")).sqlState());
    }

    @Test
    void explainShowsThePlan()
    {
        List<List<Object>> lines = query(session, "EXPLAIN SELECT name FROM emp WHERE id = 1");
        assertFalse(lines.isEmpty());
        String plan = String.join("\n", lines.stream().map(line -> (String) line.getFirst()).toList());
        assertTrue(plan.contains("TableScan"), plan);
        try (QueryResult result = session.execute("EXPLAIN SELECT 1")) {
            assertEquals(List.of("plan"), result.columns().stream().map(Column::name).toList());
        }
    }

    @Test
    void settings()
    {
        update(session, "SET integer_division = true");
        assertEquals(0, ((Number) scalar(session, "SELECT 1 / 2")).intValue());
        update(session, "RESET integer_division");
        assertEquals(0.5, ((Number) scalar(session, "SELECT 1 / 2")).doubleValue(), 1e-12);
        update(session, "SET memory_limit = '2GB'");
        update(session, "SET threads TO 1");
        update(session, "RESET ALL");
        assertEquals("42704", assertThrows(BasaltException.class, () -> session.execute("SET no_such_setting = 1")).sqlState());
        assertEquals("22023", assertThrows(BasaltException.class, () -> session.execute("SET memory_limit = 'lots'")).sqlState());
    }

    @Test
    void errorsCarrySqlStates()
    {
        assertEquals("42601", assertThrows(BasaltException.class, () -> session.execute("SELEC 1")).sqlState());
        assertEquals("42701", assertThrows(BasaltException.class, () -> session.execute("UPDATE emp SET name = 'x', name = 'y'")).sqlState());
        assertEquals("42809", assertThrows(BasaltException.class, () -> session.execute("DROP VIEW emp")).sqlState());
        assertEquals("25P01", assertThrows(BasaltException.class, () -> session.execute("COMMIT")).sqlState());
        // ANALYZE is a checked no-op (statistics are always current)
        assertEquals("42P01", assertThrows(BasaltException.class, () -> session.execute("ANALYZE nosuch")).sqlState());
        assertEquals("42883", assertThrows(BasaltException.class, () -> session.execute("CALL nosuch(1)")).sqlState());
        // the session still works after errors
        assertEquals(5L, scalar(session, "SELECT count(*) FROM emp"));
    }

    @Test
    void prepareCountsParameters()
    {
        PreparedInfo info = session.prepare("SELECT name, hired FROM emp WHERE id = ? AND salary > ?");
        assertEquals(2, info.parameterCount());
        assertEquals(2, info.parameterTypes().size());
        PreparedInfo plain = session.prepare("SELECT name, hired FROM emp");
        assertEquals(0, plain.parameterCount());
        assertEquals(List.of(new Column("name", DataTypes.VARCHAR, true).name(), "hired"),
                plain.resultColumns().orElseThrow().stream().map(Column::name).toList());
        assertEquals(DataTypes.DATE, plain.resultColumns().orElseThrow().get(1).type());
    }

    @Test
    void valuesWithoutTable()
    {
        assertEquals(List.of(List.of(LocalDate.of(2024, 2, 29))), query(session, "SELECT DATE '2024-02-29'"));
        assertEquals(2, query(session, "VALUES (1, 'a'), (2, 'b')").size());
    }
}
