package dev.basalt.engine;

import dev.basalt.spi.error.BasaltException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static dev.basalt.engine.Sql.query;
import static dev.basalt.engine.Sql.scalar;
import static dev.basalt.engine.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyTest
{
    @TempDir
    Path directory;

    private Database database;
    private Session session;

    @BeforeEach
    void setUp()
    {
        database = Database.inMemory();
        session = database.newSession();
        update(session, "CREATE TABLE items (id INTEGER NOT NULL, price DECIMAL(15,2), label VARCHAR, shipped DATE, ratio DOUBLE)");
    }

    @AfterEach
    void tearDown()
    {
        session.close();
        database.close();
    }

    @Test
    void roundTripWithPipeDelimiterAndHeader()
            throws IOException
    {
        Path input = write("in.csv", """
                id|price|label|shipped|ratio
                1|10.50|plain|1998-09-02|0.25
                2|-0.05|"with | pipe"|1992-01-01|1e-7
                3||"quote "" and
                newline"||
                4|7|""|2000-02-29|-3.5
                """);
        assertEquals(4, update(session, "COPY items FROM '" + input + "' (DELIMITER '|', HEADER)"));
        List<List<Object>> rows = query(session, "SELECT id, price, label, shipped, ratio FROM items ORDER BY id");
        assertEquals(Arrays.asList(1, new BigDecimal("10.50"), "plain", LocalDate.of(1998, 9, 2), 0.25), rows.get(0));
        assertEquals(Arrays.asList(2, new BigDecimal("-0.05"), "with | pipe", LocalDate.of(1992, 1, 1), 1e-7), rows.get(1));
        assertEquals(Arrays.asList(3, null, "quote \" and\nnewline", null, null), rows.get(2));
        assertEquals(Arrays.asList(4, new BigDecimal("7.00"), "", LocalDate.of(2000, 2, 29), -3.5), rows.get(3));

        Path output = directory.resolve("out.csv");
        assertEquals(4, update(session, "COPY items TO '" + output + "' (DELIMITER '|', HEADER)"));
        String written = Files.readString(output);
        assertEquals("""
                id|price|label|shipped|ratio
                1|10.50|plain|1998-09-02|0.25
                2|-0.05|"with | pipe"|1992-01-01|1e-07
                3||"quote "" and
                newline"||
                4|7.00|""|2000-02-29|-3.5
                """, written);

        // and back in: the same rows
        update(session, "CREATE TABLE copy2 (id INTEGER NOT NULL, price DECIMAL(15,2), label VARCHAR, shipped DATE, ratio DOUBLE)");
        assertEquals(4, update(session, "COPY copy2 FROM '" + output + "' (DELIMITER '|', HEADER true)"));
        assertEquals(rows, query(session, "SELECT id, price, label, shipped, ratio FROM copy2 ORDER BY id"));
    }

    @Test
    void copyQueryToFile()
            throws IOException
    {
        update(session, "INSERT INTO items VALUES (1, 1.00, 'a', DATE '2020-01-01', 0.5), (2, 2.50, 'b', NULL, NULL)");
        Path output = directory.resolve("query.csv");
        assertEquals(1, update(session, "COPY (SELECT label, price FROM items WHERE id = 2) TO '" + output + "'"));
        assertEquals("b,2.50\n", Files.readString(output));
    }

    @Test
    void malformedRowNamesFileLineAndColumnAndCommitsNothing()
            throws IOException
    {
        StringBuilder csv = new StringBuilder();
        // more than one batch of good rows before the bad one: nothing may be committed anyway
        for (int i = 1; i <= 5000; i++) {
            csv.append(i).append(",1.00,x,2020-01-01,1.5\n");
        }
        csv.append("5001,12.x5,y,2020-01-01,1.5\n");
        Path input = write("bad.csv", csv.toString());
        BasaltException e = assertThrows(BasaltException.class, () -> session.execute("COPY items FROM '" + input + "'"));
        assertEquals("22P02", e.sqlState());
        String message = e.getMessage();
        assertTrue(message.contains(input.toString()), message);
        assertTrue(message.contains("line 5001"), message);
        assertTrue(message.contains("column 2"), message);
        assertTrue(message.contains("\"price\""), message);
        assertTrue(message.contains("12.x5"), message);
        assertEquals(0L, scalar(session, "SELECT count(*) FROM items"));
        assertEquals(0, database.allocatedMemory());
    }

    @Test
    void structuralErrors()
            throws IOException
    {
        Path missing = write("missing.csv", "1,2.00,x\n");
        BasaltException e = assertThrows(BasaltException.class, () -> session.execute("COPY items FROM '" + missing + "'"));
        assertEquals("22P04", e.sqlState());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());

        Path notNull = write("null.csv", "1,1,a,2020-01-01,1\n,1,a,2020-01-01,1\n");
        BasaltException nullId = assertThrows(BasaltException.class, () -> session.execute("COPY items FROM '" + notNull + "'"));
        assertEquals("23502", nullId.sqlState());
        assertTrue(nullId.getMessage().contains("line 2"), nullId.getMessage());

        BasaltException noFile = assertThrows(BasaltException.class, () -> session.execute("COPY items FROM '" + directory.resolve("nope.csv") + "'"));
        assertEquals("58030", noFile.sqlState());
        assertEquals(0L, scalar(session, "SELECT count(*) FROM items"));
    }

    @Test
    void columnListAndNullOption()
            throws IOException
    {
        Path input = write("cols.csv", "label;id\nNULL;1\nhi;2\n");
        assertEquals(2, update(session, "COPY items (label, id) FROM '" + input + "' (DELIMITER ';', HEADER, NULL 'NULL')"));
        assertEquals(List.of(Arrays.asList(1, null, null), Arrays.asList(2, "hi", null)),
                query(session, "SELECT id, label, price FROM items ORDER BY id"));
    }

    private Path write(String name, String content)
            throws IOException
    {
        Path file = directory.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
