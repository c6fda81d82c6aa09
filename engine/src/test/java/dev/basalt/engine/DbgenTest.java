package dev.basalt.engine;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.type.DataTypes;
import io.trino.tpch.LineItem;
import io.trino.tpch.TpchTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.basalt.engine.Sql.query;
import static dev.basalt.engine.Sql.scalar;
import static dev.basalt.engine.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DbgenTest
{
    @TempDir
    Path directory;

    private static final double SCALE_FACTOR = 0.001;

    @Test
    void generatesTheEightTablesWithTheLibrarysRowCounts()
    {
        try (Database database = Database.inMemory(); Session session = database.newSession()) {
            long total = update(session, "CALL dbgen(sf => " + SCALE_FACTOR + ")");
            Map<String, Long> expected = new TreeMap<>();
            long expectedTotal = 0;
            for (TpchTable<?> table : TpchTable.getTables()) {
                long rows = 0;
                for (Object ignored : table.createGenerator(SCALE_FACTOR, 1, 1)) {
                    rows++;
                }
                expected.put(table.getTableName(), rows);
                expectedTotal += rows;
            }
            assertEquals(expectedTotal, total);
            assertEquals(List.copyOf(expected.keySet()), session.listTables().stream().map(TableSchema::name).toList());
            for (Map.Entry<String, Long> table : expected.entrySet()) {
                assertEquals(table.getValue(), scalar(session, "SELECT count(*) FROM " + table.getKey()), table.getKey());
            }

            TableSchema lineitem = session.listTables().stream().filter(table -> table.name().equals("lineitem")).findFirst().orElseThrow();
            assertEquals(new Column("l_quantity", DataTypes.parse("DECIMAL(15,2)"), false), lineitem.column(4));
            assertEquals(new Column("l_shipdate", DataTypes.DATE, false), lineitem.column(10));
            assertEquals(DataTypes.parse("CHAR(1)"), lineitem.column(8).type());

            // the first lineitem row equals the library's, value by value
            LineItem line = TpchTable.LINE_ITEM.createGenerator(SCALE_FACTOR, 1, 1).iterator().next();
            List<Object> first = query(session, "SELECT l_orderkey, l_partkey, l_quantity, l_extendedprice, l_discount, l_returnflag, l_shipdate, l_comment "
                    + "FROM lineitem WHERE l_orderkey = " + line.getOrderKey() + " AND l_linenumber = " + line.getLineNumber()).getFirst();
            assertEquals(List.of((int) line.getOrderKey(), (int) line.getPartKey(), BigDecimal.valueOf(line.getQuantity()).setScale(2),
                    BigDecimal.valueOf(line.getExtendedPriceInCents(), 2), BigDecimal.valueOf(line.getDiscountPercent(), 2),
                    line.getReturnFlag(), LocalDate.ofEpochDay(line.getShipDate()), line.getComment()), first);

            BasaltException again = assertThrows(BasaltException.class, () -> session.execute("CALL dbgen(sf => 0.001)"));
            assertEquals("42P07", again.sqlState());
            assertEquals(0, database.allocatedMemory());
        }
    }

    @Test
    void lineitemRoundTripsThroughCsv()
            throws IOException
    {
        try (Database database = Database.inMemory(); Session session = database.newSession()) {
            update(session, "CALL dbgen(sf => " + SCALE_FACTOR + ")");
            Path original = directory.resolve("lineitem.csv");
            long rows = update(session, "COPY lineitem TO '" + original + "' (DELIMITER '|', HEADER)");
            assertEquals(scalar(session, "SELECT count(*) FROM lineitem"), rows);
            update(session, "CREATE TABLE copied AS SELECT * FROM lineitem LIMIT 0");
            assertEquals(rows, update(session, "COPY copied FROM '" + original + "' (DELIMITER '|', HEADER)"));
            Path copy = directory.resolve("copied.csv");
            update(session, "COPY copied TO '" + copy + "' (DELIMITER '|', HEADER)");
            assertEquals(-1, Files.mismatch(original, copy), "COPY TO of the reloaded table differs from the original");
            assertEquals(0, database.allocatedMemory());
        }
    }

    @Test
    void rejectsBadArguments()
    {
        try (Database database = Database.inMemory(); Session session = database.newSession()) {
            assertEquals("22023", assertThrows(BasaltException.class, () -> session.execute("CALL dbgen(sf => -1)")).sqlState());
            assertEquals("22023", assertThrows(BasaltException.class, () -> session.execute("CALL dbgen(scale => 1)")).sqlState());
            assertEquals("22023", assertThrows(BasaltException.class, () -> session.execute("CALL dbgen(sf => 'x')")).sqlState());
            assertEquals(0, update(session, "CALL dbgen(sf => 0)"));
            assertEquals(8, session.listTables().size());
        }
    }
}
