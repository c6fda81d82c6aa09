package dev.basalt.engine.tpch;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * The eight TPC-H tables with the column names and types of the standard schema (the corpus' schema.sql):
 * INTEGER keys, CHAR(n)/VARCHAR(n) text, DECIMAL(15,2) money and quantities, DATE dates, NOT NULL except the
 * region and nation comments. In load order (referenced tables first).
 */
public final class TpchSchemas
{
    public static final List<TableSchema> TABLES = List.of(
            table("region",
                    "r_regionkey INTEGER NOT NULL", "r_name CHAR(25) NOT NULL", "r_comment VARCHAR(152)"),
            table("nation",
                    "n_nationkey INTEGER NOT NULL", "n_name CHAR(25) NOT NULL", "n_regionkey INTEGER NOT NULL", "n_comment VARCHAR(152)"),
            table("part",
                    "p_partkey INTEGER NOT NULL", "p_name VARCHAR(55) NOT NULL", "p_mfgr CHAR(25) NOT NULL", "p_brand CHAR(10) NOT NULL",
                    "p_type VARCHAR(25) NOT NULL", "p_size INTEGER NOT NULL", "p_container CHAR(10) NOT NULL",
                    "p_retailprice DECIMAL(15,2) NOT NULL", "p_comment VARCHAR(23) NOT NULL"),
            table("supplier",
                    "s_suppkey INTEGER NOT NULL", "s_name CHAR(25) NOT NULL", "s_address VARCHAR(40) NOT NULL", "s_nationkey INTEGER NOT NULL",
                    "s_phone CHAR(15) NOT NULL", "s_acctbal DECIMAL(15,2) NOT NULL", "s_comment VARCHAR(101) NOT NULL"),
            table("partsupp",
                    "ps_partkey INTEGER NOT NULL", "ps_suppkey INTEGER NOT NULL", "ps_availqty INTEGER NOT NULL",
                    "ps_supplycost DECIMAL(15,2) NOT NULL", "ps_comment VARCHAR(199) NOT NULL"),
            table("customer",
                    "c_custkey INTEGER NOT NULL", "c_name VARCHAR(25) NOT NULL", "c_address VARCHAR(40) NOT NULL", "c_nationkey INTEGER NOT NULL",
                    "c_phone CHAR(15) NOT NULL", "c_acctbal DECIMAL(15,2) NOT NULL", "c_mktsegment CHAR(10) NOT NULL", "c_comment VARCHAR(117) NOT NULL"),
            table("orders",
                    "o_orderkey INTEGER NOT NULL", "o_custkey INTEGER NOT NULL", "o_orderstatus CHAR(1) NOT NULL", "o_totalprice DECIMAL(15,2) NOT NULL",
                    "o_orderdate DATE NOT NULL", "o_orderpriority CHAR(15) NOT NULL", "o_clerk CHAR(15) NOT NULL", "o_shippriority INTEGER NOT NULL",
                    "o_comment VARCHAR(79) NOT NULL"),
            table("lineitem",
                    "l_orderkey INTEGER NOT NULL", "l_partkey INTEGER NOT NULL", "l_suppkey INTEGER NOT NULL", "l_linenumber INTEGER NOT NULL",
                    "l_quantity DECIMAL(15,2) NOT NULL", "l_extendedprice DECIMAL(15,2) NOT NULL", "l_discount DECIMAL(15,2) NOT NULL",
                    "l_tax DECIMAL(15,2) NOT NULL", "l_returnflag CHAR(1) NOT NULL", "l_linestatus CHAR(1) NOT NULL", "l_shipdate DATE NOT NULL",
                    "l_commitdate DATE NOT NULL", "l_receiptdate DATE NOT NULL", "l_shipinstruct CHAR(25) NOT NULL", "l_shipmode CHAR(10) NOT NULL",
                    "l_comment VARCHAR(44) NOT NULL"));

    private TpchSchemas() {}

    /** Column specs are "name TYPE [NOT NULL]". */
    private static TableSchema table(String name, String... columnSpecs)
    {
        List<Column> columns = new ArrayList<>();
        for (String spec : columnSpecs) {
            int space = spec.indexOf(' ');
            String typeText = spec.substring(space + 1);
            boolean notNull = typeText.endsWith(" NOT NULL");
            if (notNull) {
                typeText = typeText.substring(0, typeText.length() - " NOT NULL".length());
            }
            DataType type = DataTypes.parse(typeText);
            columns.add(new Column(spec.substring(0, space), type, !notNull));
        }
        return new TableSchema(name, columns);
    }
}
