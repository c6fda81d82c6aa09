package dev.basalt.planner.plan;

import static java.util.Objects.requireNonNull;

/**
 * A window frame. ROWS counts physical rows; RANGE measures the (single) ORDER BY key's value, where CURRENT ROW
 * includes all peers (rows with equal keys); GROUPS counts peer groups. The SQL default, which the binder fills in:
 * with ORDER BY, RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW; without, the whole partition.
 */
public record WindowFrame(FrameType type, FrameBound start, FrameBound end)
{
    public WindowFrame
    {
        requireNonNull(type, "type is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
    }

    public static WindowFrame defaultFrame(boolean hasOrderBy)
    {
        return hasOrderBy
                ? new WindowFrame(FrameType.RANGE, FrameBound.unboundedPreceding(), FrameBound.currentRow())
                : new WindowFrame(FrameType.ROWS, FrameBound.unboundedPreceding(), FrameBound.unboundedFollowing());
    }

    public enum FrameType
    {
        ROWS, RANGE, GROUPS
    }

    public enum BoundType
    {
        UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING
    }

    /**
     * A frame bound. For PRECEDING/FOLLOWING, {@code offset} is a non-negative canonical value: a Long for ROWS and
     * GROUPS; for RANGE a value of the ORDER BY key's type (an Interval for DATE/TIMESTAMP keys). Null otherwise.
     */
    public record FrameBound(BoundType type, Object offset)
    {
        public FrameBound
        {
            requireNonNull(type, "type is null");
        }

        public static FrameBound unboundedPreceding()
        {
            return new FrameBound(BoundType.UNBOUNDED_PRECEDING, null);
        }

        public static FrameBound unboundedFollowing()
        {
            return new FrameBound(BoundType.UNBOUNDED_FOLLOWING, null);
        }

        public static FrameBound currentRow()
        {
            return new FrameBound(BoundType.CURRENT_ROW, null);
        }
    }
}
