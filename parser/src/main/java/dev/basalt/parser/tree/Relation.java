package dev.basalt.parser.tree;

/** An item of a FROM clause. */
public sealed interface Relation extends Node
        permits Table,
                SubqueryRelation,
                TableFunctionRelation,
                Join
{
}
