package dev.basalt.parser.tree;

/** Any AST node. Every node knows where it starts in the SQL text (for error messages). */
public sealed interface Node
        permits Statement,
                Expression,
                Relation,
                QueryBody,
                SelectItem,
                Identifier,
                QualifiedName,
                With,
                WithQuery,
                OrderItem,
                GroupBy,
                GroupingElement,
                WindowSpecification,
                WindowDefinition,
                WindowFrame,
                FrameBound,
                JoinCriteria,
                WhenClause,
                ColumnDefinition,
                TableConstraint,
                Assignment,
                CallArgument,
                AlterTableAction
{
    NodeLocation location();
}
