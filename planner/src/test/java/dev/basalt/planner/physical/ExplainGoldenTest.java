package dev.basalt.planner.physical;

import dev.basalt.planner.testing.PlannerTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * EXPLAIN output of TPC-H-like queries over the TPC-H schema with SF1 statistics, compared with
 * {@code src/test/resources/explain/<name>.txt}. Run with {@code -Dbasalt.updateGolden=true} to rewrite the files
 * after an intended plan change (then review the diff).
 */
class ExplainGoldenTest
{
    private static final Map<String, String> QUERIES = Map.of(
            "pricing-summary", """
                    SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price,
                           sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price,
                           sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,
                           avg(l_quantity) AS avg_qty, avg(l_discount) AS avg_disc, count(*) AS count_order
                    FROM lineitem
                    WHERE l_shipdate <= date '1998-12-01' - interval '90' day (3)
                    GROUP BY l_returnflag, l_linestatus
                    ORDER BY l_returnflag, l_linestatus""",
            "shipping-priority", """
                    SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate, o_shippriority
                    FROM customer, orders, lineitem
                    WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey
                      AND o_orderdate < CAST('1995-03-15' AS date) AND l_shipdate > CAST('1995-03-15' AS date)
                    GROUP BY l_orderkey, o_orderdate, o_shippriority
                    ORDER BY revenue DESC, o_orderdate
                    LIMIT 10""",
            "local-supplier-volume", """
                    SELECT n_name, sum(l_extendedprice * (1 - l_discount)) AS revenue
                    FROM region
                    JOIN nation ON n_regionkey = r_regionkey
                    JOIN supplier ON s_nationkey = n_nationkey
                    JOIN customer ON c_nationkey = s_nationkey
                    JOIN orders ON o_custkey = c_custkey
                    JOIN lineitem ON l_orderkey = o_orderkey AND l_suppkey = s_suppkey
                    WHERE r_name = 'ASIA' AND o_orderdate >= date '1994-01-01' AND o_orderdate < date '1994-01-01' + interval '1' year
                    GROUP BY n_name
                    ORDER BY revenue DESC""",
            "forecast-revenue", """
                    SELECT sum(l_extendedprice * l_discount) AS revenue
                    FROM lineitem
                    WHERE l_shipdate >= date '1994-01-01' AND l_shipdate < date '1995-01-01'
                      AND l_discount BETWEEN 0.06 - 0.01 AND 0.06 + 0.01 AND l_quantity < 24""");

    @ParameterizedTest
    @CsvSource({"pricing-summary", "shipping-priority", "local-supplier-volume", "forecast-revenue"})
    void explainMatchesGolden(String name) throws IOException
    {
        String actual = PlannerTester.tpch().explain(QUERIES.get(name));
        String resource = "explain/" + name + ".txt";
        if (Boolean.getBoolean("basalt.updateGolden")) {
            Path file = Path.of("src/test/resources", resource);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
            return;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "missing golden file " + resource + " (run with -Dbasalt.updateGolden=true)");
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected, actual, "EXPLAIN of " + name + " changed");
        }
    }
}
