package dev.basalt.parser.tree;

/** When a trigger fires relative to the row change; SQLite's default (no keyword) is BEFORE. */
public enum TriggerTiming
{
    BEFORE, AFTER, INSTEAD_OF
}
