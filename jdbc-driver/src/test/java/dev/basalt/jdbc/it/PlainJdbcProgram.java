package dev.basalt.jdbc.it;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * What a user's program does with nothing but the shaded jar: JDBC only, no Basalt classes, no JVM flags beyond
 * the documented ones. Run by {@link ShadedJarIT} in a separate JVM. Prints PLAIN-JDBC-OK on success; on a
 * SQLException prints {@code SQLSTATE <state>: <message>} and exits with 2.
 *
 * <p>Arguments: database directory, CSV file (| delimited, with header: id|name|price|day).
 */
public final class PlainJdbcProgram
{
    private PlainJdbcProgram() {}

    public static void main(String[] args)
    {
        try {
            run(args[0], args[1]);
            System.out.println("PLAIN-JDBC-OK");
        }
        catch (SQLException e) {
            System.out.println("SQLSTATE " + e.getSQLState() + ": " + e.getMessage());
            System.exit(2);
        }
        catch (AssertionError e) {
            System.out.println("CHECK FAILED: " + e.getMessage());
            System.exit(3);
        }
    }

    private static void run(String directory, String csv) throws SQLException
    {
        String url = "jdbc:basalt:" + directory;
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE fruit (id INTEGER NOT NULL, name VARCHAR, price DECIMAL(10,2), day DATE)");
            long copied = statement.executeUpdate("COPY fruit FROM '" + csv.replace("'", "''") + "' (DELIMITER '|', HEADER true)");
            check(copied == 3, "COPY reported " + copied + " rows, expected 3");
            try (ResultSet rs = statement.executeQuery("SELECT id, name, price, day FROM fruit ORDER BY id")) {
                check(rs.next(), "no first row");
                check(rs.getObject(1) instanceof Integer, "id is " + typeOf(rs.getObject(1)));
                check(rs.getInt("id") == 1, "id " + rs.getInt("id"));
                check("apple".equals(rs.getObject("name")), "name " + rs.getObject("name"));
                check(new BigDecimal("1.50").equals(rs.getObject("price")), "price " + rs.getObject("price") + " (" + typeOf(rs.getObject("price")) + ")");
                check(LocalDate.of(2024, 1, 15).equals(rs.getObject("day")), "day " + rs.getObject("day") + " (" + typeOf(rs.getObject("day")) + ")");
                check(rs.getDate("day").toString().equals("2024-01-15"), "getDate " + rs.getDate("day"));
                check(rs.next() && rs.next() && !rs.next(), "expected 3 rows");
            }
            try (ResultSet rs = statement.executeQuery("SELECT count(*), sum(price) FROM fruit")) {
                check(rs.next(), "no aggregate row");
                check(rs.getObject(1) instanceof Long && rs.getLong(1) == 3, "count " + rs.getObject(1));
                check(rs.getObject(2) instanceof BigDecimal && rs.getBigDecimal(2).compareTo(new BigDecimal("14.49")) == 0, "sum " + rs.getObject(2));
            }
        }
        // the directory persists: a new connection sees the rows
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT name FROM fruit WHERE day > DATE '2024-02-01'")) {
            check(rs.next() && "pear".equals(rs.getString(1)) && !rs.next(), "reopened database lost rows");
        }
    }

    private static String typeOf(Object value)
    {
        return value == null ? "null" : value.getClass().getName();
    }

    private static void check(boolean condition, String message)
    {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
