package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.parser.tree.CreateTrigger;
import dev.basalt.parser.tree.Delete;
import dev.basalt.parser.tree.Identifier;
import dev.basalt.parser.tree.Insert;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.Update;
import dev.basalt.planner.Planner;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TriggerDefinition;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.BlobType;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;
import dev.basalt.spi.value.Interval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * CREATE TRIGGER: checks the table (views: INSTEAD OF is not supported, 0A000; BEFORE/AFTER on a view 42809), the
 * UPDATE OF columns, and the body and WHEN condition, which are bound now with NEW/OLD of the table's columns so
 * that a wrong name fails here rather than when the trigger fires. Stores the SQL text in the catalog.
 */
public final class CreateTriggerExecution implements StatementExecution
{
    private final CreateTrigger statement;

    public CreateTriggerExecution(CreateTrigger statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        String name = Names.tableName(statement.name());
        String tableName = Names.tableName(statement.table());
        if (context.catalog().getTrigger(name).isPresent()) {
            if (statement.ifNotExists()) {
                return new UpdateCountResult(0);
            }
            throw new BasaltException(ErrorCode.DUPLICATE_OBJECT, "trigger \"" + name + "\" already exists");
        }
        TriggerDefinition.Timing timing = Triggers.timingOf(statement.timing());
        Optional<Table> table = context.catalog().getTable(tableName);
        if (table.isEmpty()) {
            if (context.catalog().getView(tableName).isPresent()) {
                if (timing == TriggerDefinition.Timing.INSTEAD_OF) {
                    throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "INSTEAD OF triggers are not supported (views are read-only)");
                }
                throw new BasaltException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + tableName + "\" is a view: only INSTEAD OF triggers can be created on views");
            }
            throw new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + tableName + "\" does not exist");
        }
        if (timing == TriggerDefinition.Timing.INSTEAD_OF) {
            throw new BasaltException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + tableName + "\" is a table: INSTEAD OF triggers can only be created on views");
        }
        TableSchema schema = table.get().schema();
        List<String> updateColumns = new ArrayList<>();
        for (Identifier column : statement.updateColumns()) {
            if (schema.indexOf(column.value()).isEmpty()) {
                throw new BasaltException(ErrorCode.UNDEFINED_COLUMN, "column \"" + column.value() + "\" of relation \"" + tableName + "\" does not exist");
            }
            updateColumns.add(column.value());
        }
        TriggerDefinition definition = new TriggerDefinition(name, tableName, timing, Triggers.eventOf(statement.event()), updateColumns,
                statement.whenSql(), statement.bodySql());
        Triggers.Compiled compiled = Triggers.compile(definition, schema);
        Planner planner = context.planner();
        if (compiled.when().isPresent()) {
            check(planner, compiled.when().get(), schema);
        }
        for (Triggers.Bound bound : compiled.body()) {
            check(planner, bound, schema);
        }
        context.catalog().createTrigger(definition);
        return new UpdateCountResult(0);
    }

    /**
     * Plans a statement with a sample value of each referenced column's type (the types the real rows have); if
     * that fails only because of the sample (a constant that folds badly), planning with NULLs decides.
     */
    private static void check(Planner planner, Triggers.Bound bound, TableSchema schema)
    {
        Object[] samples = new Object[schema.columnCount()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = sample(schema.column(i).type());
        }
        try {
            plan(planner, bound, bound.parameters(samples, samples));
        }
        catch (BasaltException typed) {
            Object[] nulls = new Object[schema.columnCount()];
            try {
                plan(planner, bound, bound.parameters(nulls, nulls));
            }
            catch (BasaltException untyped) {
                throw typed;
            }
        }
    }

    private static void plan(Planner planner, Triggers.Bound bound, List<Object> parameters)
    {
        switch (bound.statement()) {
            case Query query -> planner.planQuery(query, parameters);
            case Insert insert -> planner.planInsert(insert, parameters);
            case Update update -> planner.planUpdate(update, parameters);
            case Delete delete -> planner.planDelete(delete, parameters);
            default -> throw new BasaltException(ErrorCode.SYNTAX_ERROR, "a trigger body may only contain INSERT, UPDATE, DELETE and SELECT statements");
        }
    }

    private static Object sample(DataType type)
    {
        return switch (type) {
            case BooleanType t -> Boolean.FALSE;
            case SmallintType t -> (short) 1;
            case IntegerType t -> 1;
            case BigintType t -> 1L;
            case RealType t -> 1.0f;
            case DoubleType t -> 1.0;
            case DecimalType t -> BigDecimal.ONE.setScale(t.scale());
            case VarcharType t -> "1";
            case BlobType t -> new byte[] {1};
            case DateType t -> LocalDate.of(2000, 1, 1);
            case TimestampType t -> LocalDateTime.of(2000, 1, 1, 0, 0);
            case IntervalType t -> new Interval(0, 0, 0);
            case NullType t -> null;
        };
    }
}
