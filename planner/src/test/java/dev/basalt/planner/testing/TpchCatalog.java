package dev.basalt.planner.testing;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableStatistics;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The TPC-H schema (DuckDB's DDL: INTEGER keys, DECIMAL(15,2) money, CHAR/VARCHAR text) with SF1 row counts and
 * the min/max a zone map would report for the columns the queries filter on; distinct counts are unknown.
 */
public final class TpchCatalog
{
    private TpchCatalog() {}

    public static TestingCatalog create()
    {
        TestingCatalog catalog = new TestingCatalog();
        add(catalog, "region", 5,
                column("r_regionkey", "INTEGER", 0, 4),
                column("r_name", "CHAR(25)"),
                column("r_comment", "VARCHAR(152)"));
        add(catalog, "nation", 25,
                column("n_nationkey", "INTEGER", 0, 24),
                column("n_name", "CHAR(25)"),
                column("n_regionkey", "INTEGER", 0, 4),
                column("n_comment", "VARCHAR(152)"));
        add(catalog, "supplier", 10_000,
                column("s_suppkey", "INTEGER", 1, 10_000),
                column("s_name", "CHAR(25)"),
                column("s_address", "VARCHAR(40)"),
                column("s_nationkey", "INTEGER", 0, 24),
                column("s_phone", "CHAR(15)"),
                column("s_acctbal", "DECIMAL(15,2)", new BigDecimal("-999.99"), new BigDecimal("9999.99")),
                column("s_comment", "VARCHAR(101)"));
        add(catalog, "part", 200_000,
                column("p_partkey", "INTEGER", 1, 200_000),
                column("p_name", "VARCHAR(55)"),
                column("p_mfgr", "CHAR(25)"),
                column("p_brand", "CHAR(10)"),
                column("p_type", "VARCHAR(25)"),
                column("p_size", "INTEGER", 1, 50),
                column("p_container", "CHAR(10)"),
                column("p_retailprice", "DECIMAL(15,2)", new BigDecimal("901.00"), new BigDecimal("2098.99")),
                column("p_comment", "VARCHAR(23)"));
        add(catalog, "partsupp", 800_000,
                column("ps_partkey", "INTEGER", 1, 200_000),
                column("ps_suppkey", "INTEGER", 1, 10_000),
                column("ps_availqty", "INTEGER", 1, 9999),
                column("ps_supplycost", "DECIMAL(15,2)", new BigDecimal("1.00"), new BigDecimal("1000.00")),
                column("ps_comment", "VARCHAR(199)"));
        add(catalog, "customer", 150_000,
                column("c_custkey", "INTEGER", 1, 150_000),
                column("c_name", "VARCHAR(25)"),
                column("c_address", "VARCHAR(40)"),
                column("c_nationkey", "INTEGER", 0, 24),
                column("c_phone", "CHAR(15)"),
                column("c_acctbal", "DECIMAL(15,2)", new BigDecimal("-999.99"), new BigDecimal("9999.99")),
                column("c_mktsegment", "CHAR(10)"),
                column("c_comment", "VARCHAR(117)"));
        add(catalog, "orders", 1_500_000,
                column("o_orderkey", "INTEGER", 1, 6_000_000),
                column("o_custkey", "INTEGER", 1, 149_999),
                column("o_orderstatus", "CHAR(1)"),
                column("o_totalprice", "DECIMAL(15,2)", new BigDecimal("857.71"), new BigDecimal("555285.16")),
                column("o_orderdate", "DATE", LocalDate.parse("1992-01-01"), LocalDate.parse("1998-08-02")),
                column("o_orderpriority", "CHAR(15)"),
                column("o_clerk", "CHAR(15)"),
                column("o_shippriority", "INTEGER", 0, 0),
                column("o_comment", "VARCHAR(79)"));
        add(catalog, "lineitem", 6_001_215,
                column("l_orderkey", "INTEGER", 1, 6_000_000),
                column("l_partkey", "INTEGER", 1, 200_000),
                column("l_suppkey", "INTEGER", 1, 10_000),
                column("l_linenumber", "INTEGER", 1, 7),
                column("l_quantity", "DECIMAL(15,2)", new BigDecimal("1.00"), new BigDecimal("50.00")),
                column("l_extendedprice", "DECIMAL(15,2)", new BigDecimal("901.00"), new BigDecimal("104949.50")),
                column("l_discount", "DECIMAL(15,2)", new BigDecimal("0.00"), new BigDecimal("0.10")),
                column("l_tax", "DECIMAL(15,2)", new BigDecimal("0.00"), new BigDecimal("0.08")),
                column("l_returnflag", "CHAR(1)"),
                column("l_linestatus", "CHAR(1)"),
                column("l_shipdate", "DATE", LocalDate.parse("1992-01-02"), LocalDate.parse("1998-12-01")),
                column("l_commitdate", "DATE", LocalDate.parse("1992-01-31"), LocalDate.parse("1998-10-31")),
                column("l_receiptdate", "DATE", LocalDate.parse("1992-01-04"), LocalDate.parse("1998-12-31")),
                column("l_shipinstruct", "CHAR(25)"),
                column("l_shipmode", "CHAR(10)"),
                column("l_comment", "VARCHAR(44)"));
        return catalog;
    }

    private record ColumnSpec(Column column, TableStatistics.ColumnStatistics statistics) {}

    private static ColumnSpec column(String name, String type)
    {
        return column(name, type, null, null);
    }

    private static ColumnSpec column(String name, String type, Object min, Object max)
    {
        DataType dataType = DataTypes.parse(type);
        return new ColumnSpec(new Column(name, dataType, false), new TableStatistics.ColumnStatistics(min, max, 0, -1));
    }

    private static void add(TestingCatalog catalog, String name, long rows, ColumnSpec... columns)
    {
        List<Column> schema = new ArrayList<>();
        List<TableStatistics.ColumnStatistics> statistics = new ArrayList<>();
        for (ColumnSpec column : columns) {
            schema.add(column.column());
            statistics.add(column.statistics());
        }
        catalog.table(new TableSchema(name, schema), new TableStatistics(rows, statistics));
    }
}
