package dev.basalt.engine;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.type.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.basalt.engine.Sql.query;
import static dev.basalt.engine.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CreateTableAsTest
{
    @Test
    void createsAndFillsWithQueryColumns()
    {
        try (Database database = Database.inMemory(); Session session = database.newSession()) {
            update(session, "CREATE TABLE src (k INTEGER, v VARCHAR)");
            update(session, "INSERT INTO src VALUES (1, 'a'), (2, 'b'), (3, 'c')");
            assertEquals(2, update(session, "CREATE TABLE dst AS SELECT k * 10 AS k10, v FROM src WHERE k >= 2"));
            TableSchema schema = session.listTables().stream().filter(table -> table.name().equals("dst")).findFirst().orElseThrow();
            assertEquals(List.of("k10", "v"), schema.columns().stream().map(Column::name).toList());
            assertEquals(DataTypes.VARCHAR, schema.column(1).type());
            assertEquals(List.of(List.of(20, "b"), List.of(30, "c")), query(session, "SELECT k10, v FROM dst ORDER BY k10"));

            assertEquals(3, update(session, "CREATE TABLE renamed (x, y) AS SELECT k, v FROM src"));
            assertEquals(List.of(List.of(1L)), query(session, "SELECT count(*) FROM renamed WHERE x = 1 AND y = 'a'"));
            assertEquals("42P07", assertThrows(BasaltException.class, () -> session.execute("CREATE TABLE dst AS SELECT 1 AS one")).sqlState());
            assertEquals(0, update(session, "CREATE TABLE IF NOT EXISTS dst AS SELECT 1 AS one"));
        }
    }

    @Test
    void failedFillLeavesNoTable()
    {
        try (Database database = Database.inMemory(); Session session = database.newSession()) {
            update(session, "CREATE TABLE src (s VARCHAR)");
            update(session, "INSERT INTO src VALUES ('1'), ('2'), ('not a number')");
            BasaltException e = assertThrows(BasaltException.class, () -> session.execute("CREATE TABLE bad AS SELECT CAST(s AS INTEGER) AS n FROM src"));
            assertEquals("22P02", e.sqlState(), e.getMessage());
            assertFalse(session.listTables().stream().anyMatch(table -> table.name().equals("bad")));
            assertEquals(0, database.allocatedMemory());
        }
    }
}
