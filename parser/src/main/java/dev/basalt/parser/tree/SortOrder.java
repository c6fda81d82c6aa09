package dev.basalt.parser.tree;

/** ASC or DESC. */
public enum SortOrder
{
    ASCENDING,
    DESCENDING
}
