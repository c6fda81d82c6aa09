package dev.basalt.parser.tree;

/** Unit of a {@link WindowFrame}. */
public enum FrameType
{
    ROWS,
    RANGE,
    GROUPS
}
