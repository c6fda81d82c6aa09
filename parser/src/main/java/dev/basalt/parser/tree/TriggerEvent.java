package dev.basalt.parser.tree;

/** The row change a trigger fires on. */
public enum TriggerEvent
{
    INSERT, UPDATE, DELETE
}
