package dev.basalt.parser.tree;

/** A complete SQL statement. */
public sealed interface Statement extends Node
        permits Query,
                CreateTable,
                CreateTableAs,
                DropTable,
                CreateView,
                DropView,
                CreateIndex,
                DropIndex,
                CreateTrigger,
                DropTrigger,
                Insert,
                Update,
                Delete,
                AlterTable,
                CopyFrom,
                CopyTo,
                Call,
                Explain,
                SetVariable,
                ResetVariable,
                Begin,
                Commit,
                Rollback,
                Checkpoint,
                Vacuum,
                Reindex,
                Analyze,
                ShowTables,
                Describe
{
}
