package dev.basalt.parser.tree;

/** The part of a query that produces rows, before ORDER BY / LIMIT / OFFSET. */
public sealed interface QueryBody extends Node
        permits QuerySpecification,
                SetOperation,
                Values,
                ParenthesizedQuery
{
}
