package dev.basalt.parser;

import dev.basalt.parser.tree.ArithmeticBinary;
import dev.basalt.parser.tree.ArithmeticOperator;
import dev.basalt.parser.tree.BooleanLiteral;
import dev.basalt.parser.tree.Cast;
import dev.basalt.parser.tree.ColumnReference;
import dev.basalt.parser.tree.DateLiteral;
import dev.basalt.parser.tree.DecimalLiteral;
import dev.basalt.parser.tree.DoubleLiteral;
import dev.basalt.parser.tree.Expression;
import dev.basalt.parser.tree.Extract;
import dev.basalt.parser.tree.FrameBoundType;
import dev.basalt.parser.tree.FrameType;
import dev.basalt.parser.tree.FunctionCall;
import dev.basalt.parser.tree.Identifier;
import dev.basalt.parser.tree.IntervalField;
import dev.basalt.parser.tree.IntervalLiteral;
import dev.basalt.parser.tree.Like;
import dev.basalt.parser.tree.LongLiteral;
import dev.basalt.parser.tree.NodeLocation;
import dev.basalt.parser.tree.NullLiteral;
import dev.basalt.parser.tree.NullOrdering;
import dev.basalt.parser.tree.Parameter;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.QuerySpecification;
import dev.basalt.parser.tree.SingleColumn;
import dev.basalt.parser.tree.SortOrder;
import dev.basalt.parser.tree.StringLiteral;
import dev.basalt.parser.tree.Substring;
import dev.basalt.parser.tree.TimestampLiteral;
import dev.basalt.parser.tree.Trim;
import dev.basalt.parser.tree.TrimSpecification;
import dev.basalt.parser.tree.TypeName;
import dev.basalt.parser.tree.WindowFrame;
import dev.basalt.parser.tree.WindowSpecification;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.VarcharType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpressionParsingTest
{
    private final SqlParser parser = new SqlParser();

    private String format(String sql)
    {
        return SqlFormatter.format(parser.parseExpression(sql));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
            "a OR b AND NOT c ~ (a OR (b AND (NOT c)))",
            "NOT a AND b ~ ((NOT a) AND b)",
            "NOT a = b ~ (NOT (a = b))",
            "a AND b OR c AND d ~ ((a AND b) OR (c AND d))",
            "-2 * 3 + 4 ~ ((-2 * 3) + 4)",
            "-a * 3 + 4 ~ (((-a) * 3) + 4)",
            "- (2) ~ (-(2))",
            "-2.5::int ~ (-CAST(2.5 AS INT))",
            "1 - 2 - 3 ~ ((1 - 2) - 3)",
            "1 + 2 * 3 % 4 // 5 ~ (1 + (((2 * 3) % 4) // 5))",
            "a || b = c ~ ((a || b) = c)",
            "a || b + 1 ~ (a || (b + 1))",
            "x NOT BETWEEN 1 AND 2 AND y ~ ((x NOT BETWEEN 1 AND 2) AND y)",
            "x BETWEEN a + 1 AND b * 2 ~ (x BETWEEN (a + 1) AND (b * 2))",
            "- - 1 ~ (-(-1))",
            "+a ~ (+a)",
            "+1 ~ (+(1))",
            "-x::int ~ (-CAST(x AS INT))",
            "a = 1 OR b IS NULL ~ ((a = 1) OR (b IS NULL))",
            "a IS NOT NULL AND b ISNULL AND c NOTNULL AND d NOT NULL ~ ((((a IS NOT NULL) AND (b IS NULL)) AND (c IS NOT NULL)) AND (d IS NOT NULL))",
            "a <> b AND a != c AND a == d ~ (((a <> b) AND (a <> c)) AND (a = d))",
            "a IS DISTINCT FROM b ~ (a IS DISTINCT FROM b)",
            "a IS NOT DISTINCT FROM b ~ (a IS NOT DISTINCT FROM b)",
            "a IS TRUE ~ (a IS NOT DISTINCT FROM TRUE)",
            "a IS NOT FALSE ~ (a IS DISTINCT FROM FALSE)",
            "a NOT IN (1, 2) ~ (a NOT IN (1, 2))",
            "a IN () ~ (a IN ())",
            "a IN (SELECT b FROM t) ~ (a IN (SELECT b FROM t))",
            "a IN t ~ (a IN (SELECT * FROM t))",
            "a = ANY (SELECT 1) ~ (a = ANY (SELECT 1))",
            "a > SOME (SELECT 1) ~ (a > ANY (SELECT 1))",
            "a <= ALL (SELECT 1) ~ (a <= ALL (SELECT 1))",
            "NOT EXISTS (SELECT 1) ~ (NOT EXISTS (SELECT 1))",
            "(SELECT max(x) FROM t) + 1 ~ ((SELECT max(x) FROM t) + 1)",
            "((SELECT 1)) ~ (SELECT 1)",
            "a NOT LIKE 'x%' ESCAPE '!' ~ (a NOT LIKE 'x%' ESCAPE '!')",
            "a ILIKE 'x' ~ (a ILIKE 'x')",
            "CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END ~ CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END",
            "CASE a + 1 WHEN b THEN 111 END ~ CASE (a + 1) WHEN b THEN 111 END",
            "coalesce(a, nullif(b, 0)) ~ coalesce(a, nullif(b, 0))",
            "count(*) ~ count(*)",
            "count(DISTINCT x) FILTER (WHERE y > 1) ~ count(DISTINCT x) FILTER (WHERE (y > 1))",
            "string_agg(x, ',' ORDER BY y DESC NULLS LAST) ~ string_agg(x, ',' ORDER BY y DESC NULLS LAST)",
            "first_value(x) IGNORE NULLS OVER w ~ first_value(x) IGNORE NULLS OVER w",
            "CURRENT_DATE ~ \"current_date\"()",
            "left(s, 2) || right(s, 1) ~ (\"left\"(s, 2) || \"right\"(s, 1))",
            "substring(x FROM 2 FOR 3) ~ substring(x FROM 2 FOR 3)",
            "substring(x, 2, 3) ~ substring(x FROM 2 FOR 3)",
            "substring(x, 2) ~ substring(x FROM 2)",
            "position('a' IN s) ~ position('a' IN s)",
            "trim(both 'x' from y) ~ trim(BOTH 'x' FROM y)",
            "trim(leading from y) ~ trim(LEADING FROM y)",
            "trim('x' from y) ~ trim(BOTH 'x' FROM y)",
            "trim(y) ~ trim(BOTH FROM y)",
            "extract(year from d) ~ EXTRACT(YEAR FROM d)",
            "try_cast(x AS double precision) ~ TRY_CAST(x AS DOUBLE PRECISION)",
            "cast(x as character varying(10)) ~ CAST(x AS CHARACTER VARYING(10))",
            "cast(x as timestamp without time zone) ~ CAST(x AS TIMESTAMP WITHOUT TIME ZONE)",
            "x::decimal(15, 2) ~ CAST(x AS DECIMAL(15,2))",
            "t.a + \"T\".\"B\" ~ (t.a + \"T\".\"B\")",
    })
    void precedenceAndShapes(String sql, String expected)
    {
        assertEquals(expected, format(sql));
    }

    @Test
    void identifierFoldingAndQuoting()
    {
        ColumnReference unquoted = assertInstanceOf(ColumnReference.class, parser.parseExpression("MyTable.MyColumn"));
        assertEquals(List.of("mytable", "mycolumn"), unquoted.name().names());
        assertFalse(unquoted.name().parts().get(0).quoted());

        ColumnReference quoted = assertInstanceOf(ColumnReference.class, parser.parseExpression("\"MyTable\".\"My \"\"Col\"\"\""));
        assertEquals(List.of("MyTable", "My \"Col\""), quoted.name().names());
        assertTrue(quoted.name().parts().get(1).quoted());

        ColumnReference backQuoted = assertInstanceOf(ColumnReference.class, parser.parseExpression("`Mixed`"));
        assertEquals(new Identifier(new NodeLocation(1, 1), "Mixed", true), backQuoted.name().parts().getFirst());

        ColumnReference unicode = assertInstanceOf(ColumnReference.class, parser.parseExpression("Größe"));
        assertEquals("größe", unicode.name().suffix());
    }

    @Test
    void keywordsAreCaseInsensitive()
    {
        assertEquals(format("a between 1 and 2"), format("a BeTwEeN 1 AnD 2"));
        assertEquals("(NOT (a IS NULL))", format("not a is null"));
    }

    @Test
    void nonReservedKeywordsWorkAsIdentifiers()
    {
        Query query = (Query) parser.parse("""
                SELECT date, year, month, day, name, value, type, key, first, last, position, comment, data, count,
                       timestamp, interval, time, zone, format, header, delimiter, filter, over, rows, range, replace,
                       update, delete, insert, set, show, index, view, tables, columns, begin, work, analyze
                FROM t""");
        QuerySpecification select = (QuerySpecification) query.body();
        List<String> names = select.selectItems().stream()
                .map(item -> ((ColumnReference) ((SingleColumn) item).expression()).name().suffix())
                .toList();
        assertEquals(List.of("date", "year", "month", "day", "name", "value", "type", "key", "first", "last", "position", "comment",
                "data", "count", "timestamp", "interval", "time", "zone", "format", "header", "delimiter", "filter", "over", "rows",
                "range", "replace", "update", "delete", "insert", "set", "show", "index", "view", "tables", "columns", "begin", "work",
                "analyze"), names);
        // and as function names, aliases and table names
        assertEquals("SELECT count(*) AS count, year(date) AS year FROM data AS key",
                SqlFormatter.format(parser.parse("select count(*) count, year(date) as year from data key")));
    }

    @Test
    void numericLiterals()
    {
        assertEquals(new LongLiteral(new NodeLocation(1, 1), 42), parser.parseExpression("42"));
        assertEquals(Long.MAX_VALUE, ((LongLiteral) parser.parseExpression("9223372036854775807")).value());
        assertEquals(new LongLiteral(new NodeLocation(1, 1), Long.MIN_VALUE), parser.parseExpression("-9223372036854775808"));
        assertEquals(new BigDecimal("-9223372036854775809"), ((DecimalLiteral) parser.parseExpression("-9223372036854775809")).value());
        assertEquals(new BigDecimal("-0.5"), ((DecimalLiteral) parser.parseExpression("-0.5")).value());
        assertEquals(-1e3, ((DoubleLiteral) parser.parseExpression("- 1e3")).value());
        DecimalLiteral big = assertInstanceOf(DecimalLiteral.class, parser.parseExpression("9223372036854775808"));
        assertEquals(new BigDecimal("9223372036854775808"), big.value());
        DecimalLiteral decimal = assertInstanceOf(DecimalLiteral.class, parser.parseExpression("0.06"));
        assertEquals(2, decimal.value().scale());
        assertEquals("0.06", decimal.value().toPlainString());
        assertEquals(new BigDecimal(".5"), ((DecimalLiteral) parser.parseExpression(".5")).value());
        assertEquals(new BigDecimal("5"), ((DecimalLiteral) parser.parseExpression("5.")).value());
        assertEquals(1.5e-3, ((DoubleLiteral) parser.parseExpression("1.5e-3")).value());
        assertEquals(1e10, ((DoubleLiteral) parser.parseExpression("1E10")).value());
        // 38 digits is still a decimal; a wider fraction becomes a DOUBLE like in DuckDB
        assertInstanceOf(DecimalLiteral.class, parser.parseExpression("12345678901234567890123456789012345678"));
        assertInstanceOf(DoubleLiteral.class, parser.parseExpression("0.123456789012345678901234567890123456789"));
    }

    @Test
    void stringAndOtherLiterals()
    {
        assertEquals("it's", ((StringLiteral) parser.parseExpression("'it''s'")).value());
        assertEquals("", ((StringLiteral) parser.parseExpression("''")).value());
        assertEquals("a\nb\t'c\\", ((StringLiteral) parser.parseExpression("E'a\\nb\\t\\'c\\\\'")).value());
        assertEquals("A\u00e9", ((StringLiteral) parser.parseExpression("e'\\x41\\u00e9'")).value());
        assertEquals("line1\nline2", ((StringLiteral) parser.parseExpression("'line1\nline2'")).value());
        assertEquals(true, ((BooleanLiteral) parser.parseExpression("TRUE")).value());
        assertEquals(false, ((BooleanLiteral) parser.parseExpression("false")).value());
        assertInstanceOf(NullLiteral.class, parser.parseExpression("NULL"));
        assertEquals("1998-12-01", ((DateLiteral) parser.parseExpression("DATE '1998-12-01'")).value());
        assertEquals("1998-12-01 10:00:00", ((TimestampLiteral) parser.parseExpression("timestamp '1998-12-01 10:00:00'")).value());
        Cast typed = assertInstanceOf(Cast.class, parser.parseExpression("DECIMAL '1.50'"));
        assertEquals(new TypeName("DECIMAL", List.of()), typed.type());
        assertEquals("1.50", ((StringLiteral) typed.value()).value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "INTERVAL '90' DAY | 90 | DAY | ",
            "interval '90' day (3) | 90 | DAY | ",
            "INTERVAL '3' MONTH | 3 | MONTH | ",
            "interval 90 days | 90 | DAY | ",
            "INTERVAL '1 year 2 days' | 1 year 2 days | | ",
            "INTERVAL '1-2' YEAR TO MONTH | 1-2 | YEAR | MONTH",
            "INTERVAL -'5' HOUR | -5 | HOUR | ",
            "INTERVAL '2' hours | 2 | HOUR | ",
    })
    void intervalLiterals(String sql, String value, String from, String to)
    {
        IntervalLiteral interval = assertInstanceOf(IntervalLiteral.class, parser.parseExpression(sql));
        assertEquals(value, interval.value());
        assertEquals(Optional.ofNullable(from).map(IntervalField::valueOf), interval.from());
        assertEquals(Optional.ofNullable(to).map(IntervalField::valueOf), interval.to());
    }

    @Test
    void parametersAreNumberedInOrder()
    {
        Query query = (Query) parser.parse("SELECT ? + ?, $7 FROM t WHERE a = ? AND b IN (SELECT ? FROM u)");
        assertEquals("SELECT ($1 + $2), $7 FROM t WHERE ((a = $3) AND (b IN (SELECT $4 FROM u)))", SqlFormatter.format(query));
        SingleColumn first = (SingleColumn) ((QuerySpecification) query.body()).selectItems().getFirst();
        ArithmeticBinary sum = (ArithmeticBinary) first.expression();
        assertEquals(new Parameter(new NodeLocation(1, 8), 1), sum.left());
        assertEquals(ArithmeticOperator.ADD, sum.operator());
    }

    @Test
    void functionCallDetails()
    {
        FunctionCall window = assertInstanceOf(FunctionCall.class, parser.parseExpression(
                "sum(x) OVER (PARTITION BY a, b ORDER BY c DESC NULLS FIRST RANGE BETWEEN 3 PRECEDING AND UNBOUNDED FOLLOWING)"));
        WindowSpecification specification = window.window().orElseThrow();
        assertEquals(2, specification.partitionBy().size());
        assertEquals(SortOrder.DESCENDING, specification.orderBy().getFirst().ordering());
        assertEquals(NullOrdering.FIRST, specification.orderBy().getFirst().nullOrdering());
        WindowFrame frame = specification.frame().orElseThrow();
        assertEquals(FrameType.RANGE, frame.type());
        assertEquals(FrameBoundType.PRECEDING, frame.start().type());
        assertEquals(new LongLiteral(new NodeLocation(1, 74), 3), frame.start().offset().orElseThrow());
        assertEquals(FrameBoundType.UNBOUNDED_FOLLOWING, frame.end().orElseThrow().type());

        FunctionCall star = assertInstanceOf(FunctionCall.class, parser.parseExpression("COUNT(*)"));
        assertTrue(star.star());
        assertEquals(List.of(), star.arguments());
        assertEquals("count", star.name().toString());

        Substring substring = assertInstanceOf(Substring.class, parser.parseExpression("substring(c_phone FROM 1 FOR 2)"));
        assertEquals(new LongLiteral(new NodeLocation(1, 24), 1), substring.start());
        Trim trim = assertInstanceOf(Trim.class, parser.parseExpression("trim(trailing ' ' from x)"));
        assertEquals(TrimSpecification.TRAILING, trim.specification());
        Extract extract = assertInstanceOf(Extract.class, parser.parseExpression("extract('dow' from d)"));
        assertEquals("DOW", extract.field());
        Like like = assertInstanceOf(Like.class, parser.parseExpression("a NOT ILIKE 'x'"));
        assertTrue(like.negated() && like.caseInsensitive());
    }

    @Test
    void typeNamesFeedDataTypesParse()
    {
        assertEquals(DataTypes.DOUBLE, ((Cast) parser.parseExpression("CAST(x AS DOUBLE PRECISION)")).type().toDataType());
        assertEquals(VarcharType.varchar(25), ((Cast) parser.parseExpression("x::character varying(25)")).type().toDataType());
        assertEquals(DataTypes.TIMESTAMP, ((Cast) parser.parseExpression("x::timestamp without time zone")).type().toDataType());
        assertEquals(DecimalType.of(15, 2), ((Cast) parser.parseExpression("cast(x as numeric(15,2))")).type().toDataType());
        assertEquals(DataTypes.INTEGER, ((Cast) parser.parseExpression("CAST(x AS INTEGER)")).type().toDataType());
        assertEquals(VarcharType.character(1), ((Cast) parser.parseExpression("x::char")).type().toDataType());
    }

    @Test
    void locationsAreOneBased()
    {
        Expression expression = parser.parseExpression("\n  a +\n\tb");
        ArithmeticBinary sum = assertInstanceOf(ArithmeticBinary.class, expression);
        assertEquals(new NodeLocation(2, 3), sum.location());
        assertEquals(new NodeLocation(3, 2), sum.right().location());
    }
}
