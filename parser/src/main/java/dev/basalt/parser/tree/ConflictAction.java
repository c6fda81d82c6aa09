package dev.basalt.parser.tree;

/** What an INSERT does with a row that violates a uniqueness constraint (SQLite spellings). */
public enum ConflictAction
{
    ERROR,
    REPLACE,
    IGNORE
}
