package dev.basalt.parser;

import dev.basalt.parser.tree.CreateTrigger;
import dev.basalt.parser.tree.DropTrigger;
import dev.basalt.parser.tree.TriggerEvent;
import dev.basalt.parser.tree.TriggerTiming;
import dev.basalt.parser.tree.AddColumn;
import dev.basalt.parser.tree.AllColumns;
import dev.basalt.parser.tree.AlterTable;
import dev.basalt.parser.tree.Begin;
import dev.basalt.parser.tree.BooleanLiteral;
import dev.basalt.parser.tree.Call;
import dev.basalt.parser.tree.CallArgument;
import dev.basalt.parser.tree.Checkpoint;
import dev.basalt.parser.tree.ColumnDefinition;
import dev.basalt.parser.tree.Commit;
import dev.basalt.parser.tree.ConflictAction;
import dev.basalt.parser.tree.CopyFrom;
import dev.basalt.parser.tree.CopyTo;
import dev.basalt.parser.tree.CreateIndex;
import dev.basalt.parser.tree.CreateTable;
import dev.basalt.parser.tree.CreateTableAs;
import dev.basalt.parser.tree.CreateView;
import dev.basalt.parser.tree.Cube;
import dev.basalt.parser.tree.DecimalLiteral;
import dev.basalt.parser.tree.DefaultValue;
import dev.basalt.parser.tree.Delete;
import dev.basalt.parser.tree.Describe;
import dev.basalt.parser.tree.DropColumn;
import dev.basalt.parser.tree.DropIndex;
import dev.basalt.parser.tree.DropTable;
import dev.basalt.parser.tree.DropView;
import dev.basalt.parser.tree.Explain;
import dev.basalt.parser.tree.Expression;
import dev.basalt.parser.tree.GroupingExpression;
import dev.basalt.parser.tree.GroupingSets;
import dev.basalt.parser.tree.Insert;
import dev.basalt.parser.tree.Join;
import dev.basalt.parser.tree.JoinOn;
import dev.basalt.parser.tree.JoinType;
import dev.basalt.parser.tree.JoinUsing;
import dev.basalt.parser.tree.LongLiteral;
import dev.basalt.parser.tree.NaturalJoin;
import dev.basalt.parser.tree.NodeLocation;
import dev.basalt.parser.tree.ParenthesizedQuery;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.QuerySpecification;
import dev.basalt.parser.tree.RenameColumn;
import dev.basalt.parser.tree.RenameTable;
import dev.basalt.parser.tree.ResetVariable;
import dev.basalt.parser.tree.Rollback;
import dev.basalt.parser.tree.Rollup;
import dev.basalt.parser.tree.SetOperation;
import dev.basalt.parser.tree.SetOperator;
import dev.basalt.parser.tree.SetVariable;
import dev.basalt.parser.tree.ShowTables;
import dev.basalt.parser.tree.SingleColumn;
import dev.basalt.parser.tree.Statement;
import dev.basalt.parser.tree.StringLiteral;
import dev.basalt.parser.tree.SubqueryRelation;
import dev.basalt.parser.tree.Table;
import dev.basalt.parser.tree.TableConstraintType;
import dev.basalt.parser.tree.TableFunctionRelation;
import dev.basalt.parser.tree.TypeName;
import dev.basalt.parser.tree.Update;
import dev.basalt.parser.tree.Reindex;
import dev.basalt.parser.tree.Vacuum;
import dev.basalt.parser.tree.Values;
import dev.basalt.parser.tree.WithQuery;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementParsingTest
{
    private final SqlParser parser = new SqlParser();

    private <T extends Statement> T parse(Class<T> type, String sql)
    {
        return assertInstanceOf(type, parser.parse(sql));
    }

    private String roundTrip(String sql)
    {
        return SqlFormatter.format(parser.parse(sql));
    }

    @Test
    void selectClauses()
    {
        Query query = parse(Query.class, """
                SELECT DISTINCT a, t.*, b + 1 AS c, d e
                FROM s.t AS x (p, q), u
                WHERE a > 1
                GROUP BY 1, a
                HAVING count(*) > 2
                ORDER BY 1 DESC, b NULLS LAST
                LIMIT 10 OFFSET 5;""");
        QuerySpecification select = assertInstanceOf(QuerySpecification.class, query.body());
        assertTrue(select.distinct());
        assertEquals(4, select.selectItems().size());
        assertEquals("t", ((AllColumns) select.selectItems().get(1)).qualifier().orElseThrow().toString());
        assertEquals("c", ((SingleColumn) select.selectItems().get(2)).alias().orElseThrow().value());
        assertEquals("e", ((SingleColumn) select.selectItems().get(3)).alias().orElseThrow().value());
        Table table = assertInstanceOf(Table.class, select.from().getFirst());
        assertEquals(List.of("s", "t"), table.name().names());
        assertEquals("x", table.alias().orElseThrow().value());
        assertEquals(2, table.columnAliases().size());
        assertEquals(2, select.from().size());
        assertTrue(select.where().isPresent());
        assertEquals(new LongLiteral(new NodeLocation(4, 10), 1),
                ((GroupingExpression) select.groupBy().orElseThrow().elements().getFirst()).expression());
        assertTrue(select.having().isPresent());
        assertEquals(2, query.orderBy().size());
        assertEquals(new LongLiteral(new NodeLocation(7, 7), 10), query.limit().orElseThrow());
        assertEquals(new LongLiteral(new NodeLocation(7, 17), 5), query.offset().orElseThrow());
    }

    @Test
    void limitForms()
    {
        assertEquals("SELECT 1", roundTrip("SELECT 1 LIMIT ALL"));
        assertEquals("SELECT 1 LIMIT 3 OFFSET 5", roundTrip("SELECT 1 OFFSET 5 ROWS FETCH FIRST 3 ROWS ONLY"));
        assertEquals("SELECT 1 LIMIT 1", roundTrip("SELECT 1 FETCH NEXT ROW ONLY"));
        assertEquals("SELECT 1 LIMIT 3 OFFSET 5", roundTrip("SELECT 1 OFFSET 5 LIMIT 3"));
        assertEquals("SELECT 1 LIMIT 3 OFFSET 5", roundTrip("SELECT 1 LIMIT 5, 3"));
        assertEquals("SELECT 1 OFFSET 2", roundTrip("SELECT 1 LIMIT ALL OFFSET 2"));
        assertEquals("SELECT 1 LIMIT $1", roundTrip("SELECT 1 LIMIT ?"));
    }

    @Test
    void setOperationPrecedence()
    {
        Query query = parse(Query.class, "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4");
        SetOperation except = assertInstanceOf(SetOperation.class, query.body());
        assertEquals(SetOperator.EXCEPT, except.operator());
        assertTrue(except.all());
        SetOperation union = assertInstanceOf(SetOperation.class, except.left());
        assertEquals(SetOperator.UNION, union.operator());
        assertFalse(union.all());
        assertEquals(SetOperator.INTERSECT, assertInstanceOf(SetOperation.class, union.right()).operator());
        assertEquals("(SELECT 1 UNION (SELECT 2 INTERSECT SELECT 3)) EXCEPT ALL SELECT 4", SqlFormatter.format(query));
        assertEquals("SELECT 1 UNION SELECT 2", roundTrip("SELECT 1 UNION DISTINCT SELECT 2"));
    }

    @Test
    void parenthesizedQueries()
    {
        Query query = parse(Query.class, "(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL (SELECT b FROM u) ORDER BY 1");
        SetOperation union = assertInstanceOf(SetOperation.class, query.body());
        Query left = assertInstanceOf(ParenthesizedQuery.class, union.left()).query();
        assertEquals(1, left.orderBy().size());
        assertTrue(left.limit().isPresent());
        assertEquals(1, query.orderBy().size());
        // a fully parenthesized statement is the inner query itself
        assertInstanceOf(QuerySpecification.class, parse(Query.class, "((SELECT 1))").body());
        assertEquals("SELECT * FROM (SELECT 1 LIMIT 1) AS s", roundTrip("select * from ((select 1 limit 1)) s"));
    }

    @Test
    void withClause()
    {
        Query query = parse(Query.class, """
                WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10), s AS (SELECT 2)
                SELECT * FROM r, s""");
        assertTrue(query.with().orElseThrow().recursive());
        List<WithQuery> queries = query.with().orElseThrow().queries();
        assertEquals(2, queries.size());
        assertEquals("r", queries.getFirst().name().value());
        assertEquals("n", queries.getFirst().columnAliases().getFirst().value());
        assertInstanceOf(SetOperation.class, queries.getFirst().query().body());
        assertEquals(List.of(), queries.get(1).columnAliases());
    }

    @Test
    void valuesAndGrouping()
    {
        Values values = assertInstanceOf(Values.class, parse(Query.class, "VALUES (1, 'a'), (2, 'b')").body());
        assertEquals(2, values.rows().size());
        assertEquals(new StringLiteral(new NodeLocation(1, 22), "b"), values.rows().get(1).get(1));

        QuerySpecification select = (QuerySpecification) parse(Query.class,
                "SELECT a FROM t GROUP BY ROLLUP (a, b), CUBE (c), GROUPING SETS ((a), (b, c), ()), d").body();
        var elements = select.groupBy().orElseThrow().elements();
        assertEquals(2, assertInstanceOf(Rollup.class, elements.get(0)).expressions().size());
        assertEquals(1, assertInstanceOf(Cube.class, elements.get(1)).expressions().size());
        assertEquals(List.of(1, 2, 0), assertInstanceOf(GroupingSets.class, elements.get(2)).sets().stream().map(List::size).toList());
        assertInstanceOf(GroupingExpression.class, elements.get(3));
    }

    @Test
    void joins()
    {
        QuerySpecification select = (QuerySpecification) parse(Query.class, """
                SELECT * FROM a
                  LEFT OUTER JOIN b USING (x)
                  NATURAL JOIN c
                  CROSS JOIN d
                  FULL JOIN e ON a.x = e.x
                  RIGHT JOIN (SELECT 1 AS x) AS f ON true
                  JOIN g ON true""").body();
        Join inner = assertInstanceOf(Join.class, select.from().getFirst());
        assertEquals(JoinType.INNER, inner.type());
        Join right = assertInstanceOf(Join.class, inner.left());
        assertEquals(JoinType.RIGHT, right.type());
        assertEquals("f", assertInstanceOf(SubqueryRelation.class, right.right()).alias().orElseThrow().value());
        Join full = assertInstanceOf(Join.class, right.left());
        assertEquals(JoinType.FULL, full.type());
        assertInstanceOf(JoinOn.class, full.criteria().orElseThrow());
        Join cross = assertInstanceOf(Join.class, full.left());
        assertEquals(JoinType.CROSS, cross.type());
        assertEquals(Optional.empty(), cross.criteria());
        Join natural = assertInstanceOf(Join.class, cross.left());
        assertInstanceOf(NaturalJoin.class, natural.criteria().orElseThrow());
        Join left = assertInstanceOf(Join.class, natural.left());
        assertEquals(JoinType.LEFT, left.type());
        assertEquals("x", assertInstanceOf(JoinUsing.class, left.criteria().orElseThrow()).columns().getFirst().value());

        // SQLite's JOIN without a condition is a cross join; parenthesized joins nest
        assertEquals("SELECT * FROM a CROSS JOIN b", roundTrip("SELECT * FROM a JOIN b"));
        assertEquals("SELECT * FROM a JOIN (b JOIN c ON TRUE) ON TRUE", roundTrip("SELECT * FROM a JOIN (b JOIN c ON true) ON true"));
        assertEquals("SELECT * FROM t1", roundTrip("SELECT * FROM t1 NOT INDEXED"));
        TableFunctionRelation function = assertInstanceOf(TableFunctionRelation.class,
                ((QuerySpecification) parse(Query.class, "SELECT * FROM range(10) AS r (i)").body()).from().getFirst());
        assertEquals("range", function.name().toString());
        assertEquals("i", function.columnAliases().getFirst().value());
    }

    @Test
    void createTable()
    {
        CreateTable create = parse(CreateTable.class, """
                CREATE TABLE IF NOT EXISTS main.t (
                    a INTEGER NOT NULL DEFAULT 0,
                    b VARCHAR(10),
                    c DECIMAL(15, 2) PRIMARY KEY,
                    d DOUBLE PRECISION UNIQUE,
                    e TIMESTAMP WITHOUT TIME ZONE NULL,
                    UNIQUE (a, b))""");
        assertTrue(create.ifNotExists());
        assertEquals(List.of("main", "t"), create.name().names());
        List<ColumnDefinition> columns = create.columns();
        assertEquals(5, columns.size());
        ColumnDefinition a = columns.getFirst();
        assertFalse(a.nullable());
        assertEquals(new LongLiteral(new NodeLocation(2, 32), 0), a.defaultValue().orElseThrow());
        assertEquals(new TypeName("VARCHAR", List.of(10)), columns.get(1).type());
        assertTrue(columns.get(2).primaryKey());
        assertFalse(columns.get(2).nullable());
        assertEquals(new TypeName("DECIMAL", List.of(15, 2)), columns.get(2).type());
        assertEquals("DOUBLE PRECISION", columns.get(3).type().text());
        assertTrue(columns.get(3).unique());
        assertTrue(columns.get(4).nullable());
        assertEquals(TableConstraintType.UNIQUE, create.constraints().getFirst().type());

        CreateTableAs ctas = parse(CreateTableAs.class, "CREATE TABLE t2 (x) AS SELECT 1");
        assertEquals("x", ctas.columnAliases().getFirst().value());
        assertTrue(parse(DropTable.class, "DROP TABLE IF EXISTS t").ifExists());
        assertFalse(parse(DropTable.class, "drop table t").ifExists());
    }

    @Test
    void viewsAndIndexes()
    {
        CreateView view = parse(CreateView.class, "CREATE OR REPLACE TEMP VIEW v (a) AS SELECT 1");
        assertTrue(view.orReplace());
        assertTrue(view.temporary());
        assertEquals(1, view.columnAliases().size());
        assertTrue(parse(CreateView.class, "CREATE VIEW IF NOT EXISTS v AS SELECT 1").ifNotExists());
        assertTrue(parse(DropView.class, "DROP VIEW IF EXISTS v").ifExists());

        CreateIndex index = parse(CreateIndex.class, "CREATE UNIQUE INDEX IF NOT EXISTS i ON t (a DESC, b) WHERE a > 0");
        assertTrue(index.unique());
        assertTrue(index.ifNotExists());
        assertEquals("t", index.table().toString());
        assertEquals(List.of("a", "b"), index.columns().stream().map(c -> c.value()).toList());
        assertTrue(index.where().isPresent());
        assertEquals("i", parse(DropIndex.class, "DROP INDEX i;").name().toString());
    }

    @Test
    void triggers()
    {
        CreateTrigger trigger = parse(CreateTrigger.class, """
                CREATE TRIGGER IF NOT EXISTS audit AFTER UPDATE OF qty, name ON t FOR EACH ROW WHEN new.qty > old.qty
                BEGIN
                  INSERT INTO log VALUES (new.id, 'a;b');
                  SELECT CASE WHEN old.qty > 0 THEN 1 END;
                END;""");
        assertTrue(trigger.ifNotExists());
        assertEquals("audit", trigger.name().toString());
        assertEquals("t", trigger.table().toString());
        assertEquals(TriggerTiming.AFTER, trigger.timing());
        assertEquals(TriggerEvent.UPDATE, trigger.event());
        assertEquals(List.of("qty", "name"), trigger.updateColumns().stream().map(c -> c.value()).toList());
        assertEquals(Optional.of("new.qty > old.qty"), trigger.whenSql());
        assertEquals("INSERT INTO log VALUES (new.id, 'a;b');\n  SELECT CASE WHEN old.qty > 0 THEN 1 END;", trigger.bodySql());
        assertEquals(2, trigger.body().size());
        assertInstanceOf(Insert.class, trigger.body().getFirst());

        // SQLite's default timing is BEFORE; FOR EACH ROW is optional
        CreateTrigger plain = parse(CreateTrigger.class, "CREATE TRIGGER t1r1 UPDATE ON t1 BEGIN SELECT 1; END");
        assertEquals(TriggerTiming.BEFORE, plain.timing());
        assertEquals(TriggerEvent.UPDATE, plain.event());
        assertFalse(plain.ifNotExists());
        assertEquals(Optional.empty(), plain.when());
        assertEquals(TriggerTiming.INSTEAD_OF, parse(CreateTrigger.class, "CREATE TRIGGER x INSTEAD OF DELETE ON v BEGIN SELECT 1; END").timing());
        assertEquals(TriggerEvent.DELETE, parse(CreateTrigger.class, "CREATE TRIGGER x BEFORE DELETE ON v BEGIN DELETE FROM a; END").event());

        assertTrue(parse(DropTrigger.class, "DROP TRIGGER IF EXISTS audit").ifExists());
        assertFalse(parse(DropTrigger.class, "DROP TRIGGER audit;").ifExists());

        BasaltException error = assertThrows(BasaltException.class, () -> parser.parse("CREATE TRIGGER x AFTER INSERT ON t BEGIN DROP TABLE t; END"));
        assertEquals(ErrorCode.SYNTAX_ERROR, error.code());
        assertThrows(BasaltException.class, () -> parser.parse("CREATE TRIGGER x AFTER INSERT ON t BEGIN END"));
        // the new keywords remain usable as names
        parse(Query.class, "SELECT before, after, each, instead, trigger, of FROM t");
    }

    @Test
    void triggerRowReferencesBecomeParameters()
    {
        TriggerRowReferences rewritten = TriggerRowReferences.rewrite("INSERT INTO log VALUES (NEW.id, old.\"Qty\", 'new.x', x.new.y) -- old.z");
        assertEquals("INSERT INTO log VALUES (?, ?, 'new.x', x.new.y) -- old.z", rewritten.sql());
        assertEquals(List.of(new TriggerRowReferences.Reference(false, "id"), new TriggerRowReferences.Reference(true, "Qty")), rewritten.references());
        assertThrows(BasaltException.class, () -> TriggerRowReferences.rewrite("SELECT ?"));
    }

    @Test
    void dataModification()
    {
        Insert insert = parse(Insert.class, "INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')");
        assertEquals(List.of("a", "b"), insert.columns().stream().map(c -> c.value()).toList());
        assertEquals(2, assertInstanceOf(Values.class, insert.query().body()).rows().size());
        assertEquals(ConflictAction.ERROR, insert.conflictAction());
        assertEquals(ConflictAction.REPLACE, parse(Insert.class, "INSERT OR REPLACE INTO t VALUES(2, 'x')").conflictAction());
        assertEquals(ConflictAction.REPLACE, parse(Insert.class, "REPLACE INTO t VALUES(2, 'x')").conflictAction());
        assertEquals(ConflictAction.IGNORE, parse(Insert.class, "INSERT OR IGNORE INTO t VALUES(2)").conflictAction());
        assertInstanceOf(QuerySpecification.class, parse(Insert.class, "INSERT INTO t SELECT * FROM u").query().body());
        List<Expression> defaults = assertInstanceOf(Values.class, parse(Insert.class, "INSERT INTO t VALUES (1, DEFAULT)").query().body()).rows().getFirst();
        assertEquals(new DefaultValue(new NodeLocation(1, 26)), defaults.get(1));
        assertEquals("INSERT INTO t VALUES (1, DEFAULT)", SqlFormatter.format(parser.parse("INSERT INTO t VALUES (1, DEFAULT)")));

        Update update = parse(Update.class, "UPDATE t AS x SET a = a + 1, b = 'z' WHERE c");
        assertEquals("x", update.alias().orElseThrow().value());
        assertEquals(2, update.assignments().size());
        assertEquals("b", update.assignments().get(1).column().value());
        assertTrue(update.where().isPresent());
        assertTrue(parse(Update.class, "UPDATE t SET x=3").where().isEmpty());

        Delete delete = parse(Delete.class, "DELETE FROM t WHERE a IS NOT NULL");
        assertEquals("t", delete.table().toString());
        assertTrue(parse(Delete.class, "DELETE FROM t").where().isEmpty());
    }

    @Test
    void alterTable()
    {
        AddColumn add = assertInstanceOf(AddColumn.class, parse(AlterTable.class, "ALTER TABLE t ADD COLUMN d INT DEFAULT 5").action());
        assertEquals("d", add.column().name().value());
        assertEquals(new LongLiteral(new NodeLocation(1, 40), 5), add.column().defaultValue().orElseThrow());
        assertInstanceOf(AddColumn.class, parse(AlterTable.class, "ALTER TABLE t ADD e VARCHAR").action());
        DropColumn drop = assertInstanceOf(DropColumn.class, parse(AlterTable.class, "ALTER TABLE IF EXISTS t DROP COLUMN IF EXISTS d").action());
        assertTrue(drop.ifExists());
        RenameColumn rename = assertInstanceOf(RenameColumn.class, parse(AlterTable.class, "ALTER TABLE t RENAME COLUMN a TO b").action());
        assertEquals("a", rename.from().value());
        assertEquals("b", rename.to().value());
        assertEquals("u", assertInstanceOf(RenameTable.class, parse(AlterTable.class, "ALTER TABLE t RENAME TO u").action()).newName().toString());
    }

    @Test
    void copy()
    {
        CopyFrom from = parse(CopyFrom.class, "COPY lineitem (a, b) FROM '/data/l.tbl' (DELIMITER '|', HEADER, NULL '', QUOTE '\"', FORMAT csv)");
        assertEquals("lineitem", from.table().toString());
        assertEquals(2, from.columns().size());
        assertEquals("/data/l.tbl", from.path());
        Map<String, ?> options = from.options();
        assertEquals(List.of("delimiter", "header", "null", "quote", "format"), List.copyOf(options.keySet()));
        assertEquals("|", ((StringLiteral) options.get("delimiter")).value());
        assertTrue(((BooleanLiteral) options.get("header")).value());
        assertEquals("", ((StringLiteral) options.get("null")).value());
        assertEquals("\"", ((StringLiteral) options.get("quote")).value());
        assertEquals("csv", ((StringLiteral) options.get("format")).value());

        CopyFrom legacy = parse(CopyFrom.class, "COPY t FROM 'x.csv' WITH DELIMITER ',' CSV HEADER");
        assertEquals(List.of("delimiter", "format", "header"), List.copyOf(legacy.options().keySet()));
        assertFalse(((BooleanLiteral) parse(CopyFrom.class, "COPY t FROM 'x' (HEADER false)").options().get("header")).value());

        CopyTo toTable = parse(CopyTo.class, "COPY t TO 'out.csv' (HEADER)");
        assertEquals("t", toTable.table().orElseThrow().toString());
        assertTrue(toTable.query().isEmpty());
        CopyTo toQuery = parse(CopyTo.class, "COPY (SELECT 1) TO 'out.parquet' (FORMAT parquet)");
        assertTrue(toQuery.table().isEmpty());
        assertTrue(toQuery.query().isPresent());
        assertEquals("parquet", ((StringLiteral) toQuery.options().get("format")).value());
    }

    @Test
    void callExplainAndSession()
    {
        Call call = parse(Call.class, "CALL dbgen(sf => 0.01)");
        CallArgument argument = call.arguments().getFirst();
        assertEquals("sf", argument.name().orElseThrow().value());
        assertEquals(new BigDecimal("0.01"), ((DecimalLiteral) argument.value()).value());
        assertEquals("sf", parse(Call.class, "CALL dbgen(sf = 1)").arguments().getFirst().name().orElseThrow().value());
        Call positional = parse(Call.class, "call p(1, 'a', x := 2)");
        assertEquals(3, positional.arguments().size());
        assertTrue(positional.arguments().getFirst().name().isEmpty());
        assertEquals("x", positional.arguments().get(2).name().orElseThrow().value());
        assertEquals(0, parse(Call.class, "CALL checkpoint_all()").arguments().size());

        Explain explain = parse(Explain.class, "EXPLAIN ANALYZE SELECT 1");
        assertTrue(explain.analyze());
        assertInstanceOf(Query.class, explain.statement());
        assertFalse(parse(Explain.class, "EXPLAIN SELECT 1").analyze());
        assertInstanceOf(Insert.class, parse(Explain.class, "EXPLAIN INSERT INTO t VALUES (1)").statement());

        SetVariable set = parse(SetVariable.class, "SET threads = 4");
        assertEquals("threads", set.name().toString());
        assertEquals(new LongLiteral(new NodeLocation(1, 15), 4), set.value());
        assertEquals(new StringLiteral(new NodeLocation(1, 15), "main"), parse(SetVariable.class, "SET schema TO main").value());
        assertEquals("1GB", ((StringLiteral) parse(SetVariable.class, "SET memory_limit = '1GB'").value()).value());
        assertEquals("threads", parse(ResetVariable.class, "RESET threads").name().orElseThrow().toString());
        assertTrue(parse(ResetVariable.class, "RESET ALL").name().isEmpty());
        assertEquals("threads", parse(ResetVariable.class, "SET threads TO DEFAULT").name().orElseThrow().toString());
    }

    @Test
    void utilityStatements()
    {
        assertInstanceOf(Begin.class, parser.parse("BEGIN"));
        assertInstanceOf(Begin.class, parser.parse("begin transaction"));
        assertInstanceOf(Begin.class, parser.parse("START TRANSACTION"));
        assertInstanceOf(Commit.class, parser.parse("COMMIT"));
        assertInstanceOf(Commit.class, parser.parse("END TRANSACTION"));
        assertInstanceOf(Rollback.class, parser.parse("ROLLBACK WORK"));
        assertInstanceOf(Rollback.class, parser.parse("ABORT"));
        assertInstanceOf(Checkpoint.class, parser.parse("CHECKPOINT"));
        assertTrue(parse(Vacuum.class, "VACUUM").table().isEmpty());
        assertEquals("t", parse(Vacuum.class, "VACUUM t").table().orElseThrow().toString());
        assertEquals("t1i1", parse(Reindex.class, "REINDEX t1i1").name().toString());
        // REINDEX stays usable as an identifier
        assertInstanceOf(Query.class, parser.parse("SELECT reindex FROM t"));
        assertInstanceOf(ShowTables.class, parser.parse("SHOW TABLES"));
        assertEquals("t", parse(Describe.class, "DESCRIBE t").table().toString());
        assertEquals("s.t", parse(Describe.class, "SHOW COLUMNS FROM s.t").table().toString());
    }

    @Test
    void parseAllSplitsStatements()
    {
        List<Statement> statements = parser.parseAll("""
                -- a script
                CREATE TABLE t (a INT);;
                INSERT INTO t VALUES (1); /* two */ SELECT ';' FROM t;
                """);
        assertEquals(3, statements.size());
        assertInstanceOf(CreateTable.class, statements.get(0));
        assertInstanceOf(Insert.class, statements.get(1));
        Query select = assertInstanceOf(Query.class, statements.get(2));
        assertEquals(new NodeLocation(3, 37), select.location());
        assertEquals(List.of(), parser.parseAll("  ;; -- nothing\n"));
    }
}
