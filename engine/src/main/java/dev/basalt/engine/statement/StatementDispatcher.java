package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.parser.tree.AlterTable;
import dev.basalt.parser.tree.Analyze;
import dev.basalt.parser.tree.Begin;
import dev.basalt.parser.tree.Call;
import dev.basalt.parser.tree.Checkpoint;
import dev.basalt.parser.tree.Commit;
import dev.basalt.parser.tree.CopyFrom;
import dev.basalt.parser.tree.CopyTo;
import dev.basalt.parser.tree.CreateIndex;
import dev.basalt.parser.tree.CreateTable;
import dev.basalt.parser.tree.CreateTableAs;
import dev.basalt.parser.tree.CreateTrigger;
import dev.basalt.parser.tree.CreateView;
import dev.basalt.parser.tree.Delete;
import dev.basalt.parser.tree.Describe;
import dev.basalt.parser.tree.DropIndex;
import dev.basalt.parser.tree.DropTable;
import dev.basalt.parser.tree.DropTrigger;
import dev.basalt.parser.tree.DropView;
import dev.basalt.parser.tree.Explain;
import dev.basalt.parser.tree.Insert;
import dev.basalt.parser.tree.Query;
import dev.basalt.parser.tree.ResetVariable;
import dev.basalt.parser.tree.Reindex;
import dev.basalt.parser.tree.Rollback;
import dev.basalt.parser.tree.SetVariable;
import dev.basalt.parser.tree.ShowTables;
import dev.basalt.parser.tree.Statement;
import dev.basalt.parser.tree.Update;
import dev.basalt.parser.tree.Vacuum;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.Optional;

/** Picks the execution for a statement kind. ANALYZE is a checked no-op: statistics come from zone maps and sketches kept current by every commit. */
public final class StatementDispatcher
{
    private StatementDispatcher() {}

    public static StatementExecution executionFor(Statement statement)
    {
        return switch (statement) {
            case Query query -> new QueryExecution(query);
            case CreateTable createTable -> new CreateTableExecution(createTable);
            case CreateTableAs createTableAs -> new CreateTableAsExecution(createTableAs);
            case DropTable dropTable -> new DropTableExecution(dropTable);
            case Insert insert -> new InsertExecution(insert);
            case CopyFrom copyFrom -> new CopyFromExecution(copyFrom);
            case CopyTo copyTo -> new CopyToExecution(copyTo);
            case Call call -> new CallExecution(call);
            case Explain explain -> new ExplainExecution(explain);
            case SetVariable set -> new SetExecution(set);
            case ResetVariable reset -> new ResetExecution(reset);
            case ShowTables showTables -> new ShowTablesExecution();
            case Describe describe -> new DescribeExecution(describe);
            case CreateView createView -> new CreateViewExecution(createView);
            case DropView dropView -> new DropViewExecution(dropView);
            case CreateIndex createIndex -> new CreateIndexExecution(createIndex);
            case DropIndex dropIndex -> new DropIndexExecution(dropIndex);
            case CreateTrigger createTrigger -> new CreateTriggerExecution(createTrigger);
            case DropTrigger dropTrigger -> new DropTriggerExecution(dropTrigger);
            case Reindex reindex -> new ReindexExecution(reindex);
            case Update update -> new UpdateExecution(update);
            case Delete delete -> new DeleteExecution(delete);
            case AlterTable alterTable -> new AlterTableExecution(alterTable);
            // the session runs transaction control itself
            case Begin s -> transactionControl();
            case Commit s -> transactionControl();
            case Rollback s -> transactionControl();
            case Checkpoint s -> new CompactExecution(Optional.empty());
            case Vacuum vacuum -> new CompactExecution(vacuum.table());
            case Analyze analyze -> new AnalyzeExecution(analyze);
        };
    }

    public static QueryResult execute(Statement statement, StatementContext context)
    {
        return executionFor(statement).execute(context);
    }

    private static StatementExecution transactionControl()
    {
        return context -> {
            throw new BasaltException(ErrorCode.INTERNAL_ERROR, "transaction control statements are run by the session");
        };
    }
}
