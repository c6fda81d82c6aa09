package dev.basalt.planner.physical;

import dev.basalt.planner.testing.PlannerTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.Map;


/**
 * EXPLAIN output of TPC-H-like queries over the TPC-H schema with SF1 statistics, compared with
 * {@code src/test/resources/explain/<name>.txt}. Run with {@code -Dbasalt.updateGolden=true} to rewrite the files
 * after an intended plan change (then review the diff).
 */
class ExplainGoldenTest
{
    private static final Map<String, String> QUERIES = Map.ofEntries(
            Map.entry("pricing-summary", """
                    SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price,
                           sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price,
                           sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,
                           avg(l_quantity) AS avg_qty, avg(l_discount) AS avg_disc, count(*) AS count_order
                    FROM lineitem
                    WHERE l_shipdate <= date '1998-12-01' - interval '90' day (3)
                    GROUP BY l_returnflag, l_linestatus
                    ORDER BY l_returnflag, l_linestatus"""),
            Map.entry("shipping-priority", """
                    SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate, o_shippriority
                    FROM customer, orders, lineitem
                    WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey
                      AND o_orderdate < CAST('1995-03-15' AS date) AND l_shipdate > CAST('1995-03-15' AS date)
                    GROUP BY l_orderkey, o_orderdate, o_shippriority
                    ORDER BY revenue DESC, o_orderdate
                    LIMIT 10"""),
            Map.entry("local-supplier-volume", """
                    SELECT n_name, sum(l_extendedprice * (1 - l_discount)) AS revenue
                    FROM region
                    JOIN nation ON n_regionkey = r_regionkey
                    JOIN supplier ON s_nationkey = n_nationkey
                    JOIN customer ON c_nationkey = s_nationkey
                    JOIN orders ON o_custkey = c_custkey
                    JOIN lineitem ON l_orderkey = o_orderkey AND l_suppkey = s_suppkey
                    WHERE r_name = 'ASIA' AND o_orderdate >= date '1994-01-01' AND o_orderdate < date '1994-01-01' + interval '1' year
                    GROUP BY n_name
                    ORDER BY revenue DESC"""),
            Map.entry("forecast-revenue", """
                    SELECT sum(l_extendedprice * l_discount) AS revenue
                    FROM lineitem
                    WHERE l_shipdate >= date '1994-01-01' AND l_shipdate < date '1995-01-01'
                      AND l_discount BETWEEN 0.06 - 0.01 AND 0.06 + 0.01 AND l_quantity < 24"""),
            Map.entry("order-priority-exists", """
                    SELECT o_orderpriority, count(*) AS order_count
                    FROM orders
                    WHERE o_orderdate >= date '1993-07-01' AND o_orderdate < date '1993-10-01'
                      AND EXISTS (SELECT * FROM lineitem WHERE l_orderkey = o_orderkey AND l_commitdate < l_receiptdate)
                    GROUP BY o_orderpriority
                    ORDER BY o_orderpriority"""),
            Map.entry("small-quantity-correlated-avg", """
                    SELECT sum(l_extendedprice) / 7.0 AS avg_yearly
                    FROM lineitem, part
                    WHERE p_partkey = l_partkey AND p_brand = 'Brand#23' AND p_container = 'MED BOX'
                      AND l_quantity < (SELECT 0.2 * avg(l_quantity) FROM lineitem WHERE l_partkey = p_partkey)"""),
            Map.entry("suppliers-who-kept-waiting", """
                    SELECT s_name, count(*) AS numwait
                    FROM supplier, lineitem l1, orders, nation
                    WHERE s_suppkey = l1.l_suppkey AND o_orderkey = l1.l_orderkey AND o_orderstatus = 'F'
                      AND l1.l_receiptdate > l1.l_commitdate
                      AND EXISTS (SELECT * FROM lineitem l2 WHERE l2.l_orderkey = l1.l_orderkey AND l2.l_suppkey <> l1.l_suppkey)
                      AND NOT EXISTS (SELECT * FROM lineitem l3 WHERE l3.l_orderkey = l1.l_orderkey AND l3.l_suppkey <> l1.l_suppkey
                                      AND l3.l_receiptdate > l3.l_commitdate)
                      AND s_nationkey = n_nationkey AND n_name = 'SAUDI ARABIA'
                    GROUP BY s_name
                    ORDER BY numwait DESC, s_name
                    LIMIT 100"""),
            Map.entry("customer-distribution-left-join", """
                    SELECT c_count, count(*) AS custdist
                    FROM (SELECT c_custkey, count(o_orderkey)
                          FROM customer LEFT OUTER JOIN orders ON c_custkey = o_custkey AND o_comment NOT LIKE '%special%requests%'
                          GROUP BY c_custkey) AS c_orders (c_custkey, c_count)
                    GROUP BY c_count
                    ORDER BY custdist DESC, c_count DESC"""),
            // the correlated min is aggregated only over the parts passing the outer filter (semi-join reduction)
            Map.entry("minimum-cost-supplier", """
                    SELECT s_acctbal, s_name, n_name, p_partkey, p_mfgr
                    FROM part, supplier, partsupp, nation, region
                    WHERE p_partkey = ps_partkey AND s_suppkey = ps_suppkey AND p_size = 15 AND p_type LIKE '%BRASS'
                      AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'EUROPE'
                      AND ps_supplycost = (SELECT min(ps_supplycost) FROM partsupp, supplier, nation, region
                                           WHERE p_partkey = ps_partkey AND s_suppkey = ps_suppkey AND s_nationkey = n_nationkey
                                             AND n_regionkey = r_regionkey AND r_name = 'EUROPE')
                    ORDER BY s_acctbal DESC, n_name, s_name, p_partkey
                    LIMIT 100"""),
            // every part qualifies: no semi-join reduction (it would only add work)
            Map.entry("correlated-avg-unfiltered-outer", """
                    SELECT count(*)
                    FROM part
                    WHERE p_retailprice > (SELECT avg(l_extendedprice) FROM lineitem WHERE l_partkey = p_partkey)"""),
            // the OR over both nations implies a filter on each nation: the customer/nation pairs are not all formed
            Map.entry("volume-shipping", """
                    SELECT supp_nation, cust_nation, l_year, sum(volume) AS revenue
                    FROM (SELECT n1.n_name AS supp_nation, n2.n_name AS cust_nation, extract(year FROM l_shipdate) AS l_year,
                                 l_extendedprice * (1 - l_discount) AS volume
                          FROM supplier, lineitem, orders, customer, nation n1, nation n2
                          WHERE s_suppkey = l_suppkey AND o_orderkey = l_orderkey AND c_custkey = o_custkey
                            AND s_nationkey = n1.n_nationkey AND c_nationkey = n2.n_nationkey
                            AND ((n1.n_name = 'FRANCE' AND n2.n_name = 'GERMANY') OR (n1.n_name = 'GERMANY' AND n2.n_name = 'FRANCE'))
                            AND l_shipdate BETWEEN DATE '1995-01-01' AND DATE '1996-12-31') AS shipping
                    GROUP BY supp_nation, cust_nation, l_year
                    ORDER BY supp_nation, cust_nation, l_year"""),
            // a correlated scalar subquery that is not an aggregate: a SINGLE join (21000 on a second match), the
            // outer side probing the inner rows hashed on the correlation key
            Map.entry("correlated-scalar-single-join", """
                    SELECT n_name, (SELECT r_name FROM region WHERE r_regionkey = n_regionkey AND r_comment <> '') AS region
                    FROM nation
                    WHERE n_comment < (SELECT max(r_comment) FROM region)
                    ORDER BY n_name"""),
            // an outer column around the subquery's aggregate: the aggregate grouped by the correlation key is LEFT
            // joined (hash keys), COUNT's empty group restored as 0, and the expression computed above the join
            Map.entry("correlated-expression-over-aggregate", """
                    SELECT n_name, (SELECT count(*) * 100 + n_regionkey FROM supplier WHERE s_nationkey = n_nationkey AND s_acctbal > 0) AS score
                    FROM nation
                    ORDER BY n_name"""));

    @ParameterizedTest
    @CsvSource({"pricing-summary", "shipping-priority", "local-supplier-volume", "forecast-revenue", "order-priority-exists",
            "small-quantity-correlated-avg", "suppliers-who-kept-waiting", "customer-distribution-left-join",
            "minimum-cost-supplier", "correlated-avg-unfiltered-outer", "volume-shipping",
            "correlated-scalar-single-join", "correlated-expression-over-aggregate"})
    void explainMatchesGolden(String name) throws IOException
    {
        String actual = PlannerTester.tpch().explain(QUERIES.get(name));
        String resource = "explain/" + name + ".txt";
        GoldenFiles.assertMatches(resource, actual, name);
    }
}
