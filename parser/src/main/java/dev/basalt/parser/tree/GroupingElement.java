package dev.basalt.parser.tree;

/** An element of GROUP BY: a plain expression, GROUPING SETS, ROLLUP or CUBE. */
public sealed interface GroupingElement extends Node
        permits GroupingExpression,
                GroupingSets,
                Rollup,
                Cube
{
}
