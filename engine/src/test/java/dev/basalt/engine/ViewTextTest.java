package dev.basalt.engine;

import dev.basalt.spi.catalog.ViewDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.basalt.engine.Sql.query;
import static dev.basalt.engine.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** CREATE VIEW stores the query's own text (what follows AS), and the column names fixed at creation. */
class ViewTextTest
{
    @Test
    void storesTheQueryAsWritten()
    {
        try (Database database = Database.inMemory();
                Session session = database.newSession()) {
            update(session, "CREATE TABLE t(a INTEGER, b VARCHAR)");
            update(session, "INSERT INTO t VALUES (1, 'x'), (2, 'y')");
            update(session, """
                    CREATE VIEW v (first) AS
                      SELECT a, -- the key
                             upper(b) AS b
                      FROM t WHERE a > 1;  -- trailing comment
                    """);
            update(session, "create view w as (select a from t) union all (select 3)");
            List<ViewDefinition> views = session.viewDefinitions();
            assertEquals(2, views.size());
            ViewDefinition v = views.get(0);
            assertEquals("v", v.name());
            assertEquals("""
                    SELECT a, -- the key
                             upper(b) AS b
                      FROM t WHERE a > 1""", v.sql());
            assertEquals(List.of("first", "b"), v.columnNames());
            // whatever form is stored, it must mean the same query
            assertEquals(List.of(List.of(1), List.of(2), List.of(3)), query(session, "SELECT a FROM w ORDER BY a"));
            assertEquals(List.of(List.of(2, "Y")), query(session, "SELECT first, b FROM v"));
            // SHOW / DESCRIBE / listViews see the view's current shape
            assertEquals(List.of("first", "b"), session.listViews().get(0).columns().stream().map(column -> column.name()).toList());
        }
    }
}
