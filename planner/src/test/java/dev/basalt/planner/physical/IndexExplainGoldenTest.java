package dev.basalt.planner.physical;

import dev.basalt.planner.PlannerSettings;
import dev.basalt.planner.rule.ChooseIndexes;
import dev.basalt.planner.testing.PlannerTester;
import dev.basalt.planner.testing.TestingCatalog;
import dev.basalt.planner.testing.TpchCatalog;
import dev.basalt.spi.catalog.IndexDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Index selection in EXPLAIN over the TPC-H schema (SF1 statistics) with a few (partial) indexes, compared with
 * {@code src/test/resources/explain/index-<name>.txt} ({@code -Dbasalt.updateGolden=true} rewrites them).
 */
class IndexExplainGoldenTest
{
    private static final Map<String, String> QUERIES = Map.of(
            // equality on the first key column, selective: the lookup reads only the order's lines
            "chosen", "SELECT l_linenumber, l_quantity FROM lineitem WHERE l_orderkey = 5 AND l_quantity > 10",
            // the partial index covers only 1998 orders; 1997 is not implied by its predicate
            "predicate-not-implied", "SELECT o_totalprice FROM orders WHERE o_orderdate = DATE '1997-06-01'",
            "predicate-implied", "SELECT o_totalprice FROM orders WHERE o_orderdate = DATE '1998-06-01'",
            // most rows qualify: a scan with zone maps beats the index
            "not-selective", "SELECT count(*) FROM lineitem WHERE l_orderkey > 100");

    private static TestingCatalog catalog()
    {
        return TpchCatalog.create()
                .index(new IndexDefinition("li_orderkey", "lineitem", List.of("l_orderkey", "l_linenumber"), Optional.empty(), false))
                .index(new IndexDefinition("orders_1998", "orders", List.of("o_orderdate"), Optional.of("o_orderdate > DATE '1998-01-01'"), false))
                .index(new IndexDefinition("orders_open_by_customer", "orders", List.of("o_custkey"),
                        Optional.of("o_orderstatus = 'O' AND o_totalprice IS NOT NULL"), false));
    }

    private static String explain(String sql)
    {
        return new PlannerTester(catalog(), PlannerSettings.defaults()).explain(sql);
    }

    @ParameterizedTest
    @CsvSource({"chosen", "predicate-not-implied", "predicate-implied", "not-selective"})
    void explainMatchesGolden(String name) throws IOException
    {
        String actual = explain(QUERIES.get(name));
        String resource = "explain/index-" + name + ".txt";
        GoldenFiles.assertMatches(resource, actual, name);
    }

    @Test
    void goldenFilesSayWhatTheyShould()
    {
        assertTrue(explain(QUERIES.get("chosen")).contains("index=li_orderkey (l_orderkey = 5)"));
        assertTrue(explain(QUERIES.get("predicate-implied")).contains("index=orders_1998 (o_orderdate = DATE '1998-06-01')"));
        assertFalse(explain(QUERIES.get("predicate-not-implied")).contains("index="));
        assertFalse(explain(QUERIES.get("not-selective")).contains("index="));
    }

    @Test
    void partialIndexImpliedThroughSeveralConjuncts()
    {
        // o_orderstatus = 'O' matches the index's conjunct; o_totalprice > 0 implies its IS NOT NULL
        assertTrue(explain("SELECT o_orderkey FROM orders WHERE o_custkey = 42 AND o_orderstatus = 'O' AND o_totalprice > 0")
                .contains("index=orders_open_by_customer (o_custkey = 42)"));
        assertFalse(explain("SELECT o_orderkey FROM orders WHERE o_custkey = 42 AND o_orderstatus = 'O'").contains("index="));
        assertFalse(explain("SELECT o_orderkey FROM orders WHERE o_custkey = 42 AND o_orderstatus = 'F' AND o_totalprice > 0").contains("index="));
        // no sargable predicate on the first key column: not usable
        assertFalse(explain("SELECT l_quantity FROM lineitem WHERE l_linenumber = 3").contains("index="));
        // IN on the first key, range on the second
        assertTrue(explain("SELECT l_quantity FROM lineitem WHERE l_orderkey IN (1, 2) AND l_linenumber < 3")
                .contains("index=li_orderkey (l_orderkey IN (1, 2) AND l_linenumber < 3)"));
    }

    @Test
    void thresholdIsDocumented()
    {
        assertTrue(ChooseIndexes.MAX_SELECTIVITY > 0 && ChooseIndexes.MAX_SELECTIVITY <= 0.2);
    }
}
