package dev.basalt.parser.tree;

/** How a join matches rows: ON condition, USING (columns) or NATURAL. */
public sealed interface JoinCriteria extends Node
        permits JoinOn,
                JoinUsing,
                NaturalJoin
{
}
