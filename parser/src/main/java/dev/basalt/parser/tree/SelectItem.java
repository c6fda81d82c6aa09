package dev.basalt.parser.tree;

/** An item of a SELECT list. */
public sealed interface SelectItem extends Node
        permits AllColumns,
                SingleColumn
{
}
