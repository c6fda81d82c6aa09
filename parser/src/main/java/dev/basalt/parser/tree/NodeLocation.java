package dev.basalt.parser.tree;

/** Where a node starts in the SQL text; line and column are 1-based (column counts characters). */
public record NodeLocation(int line, int column)
{
    public NodeLocation
    {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    @Override
    public String toString()
    {
        return "line " + line + ", column " + column;
    }
}
