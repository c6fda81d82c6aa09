package dev.basalt.parser;

import dev.basalt.parser.tree.ColumnReference;
import dev.basalt.parser.tree.FunctionCall;
import dev.basalt.parser.tree.NullOrdering;
import dev.basalt.parser.tree.SortOrder;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Aggregate call syntax: FILTER, ORDER BY inside the call, WITHIN GROUP (ordered-set aggregates). */
class AggregateCallParsingTest
{
    private final SqlParser parser = new SqlParser();

    @Test
    void filterAndOrderByInsideTheCall()
    {
        FunctionCall call = assertInstanceOf(FunctionCall.class,
                parser.parseExpression("string_agg(DISTINCT x, ',' ORDER BY y DESC NULLS LAST, z) FILTER (WHERE y > 1)"));
        assertTrue(call.distinct());
        assertEquals(2, call.arguments().size());
        assertEquals(2, call.orderBy().size());
        assertEquals(SortOrder.DESCENDING, call.orderBy().getFirst().ordering());
        assertEquals(NullOrdering.LAST, call.orderBy().getFirst().nullOrdering());
        assertTrue(call.filter().isPresent());
    }

    @Test
    void withinGroupBecomesTheCallsOrderBy()
    {
        FunctionCall call = assertInstanceOf(FunctionCall.class,
                parser.parseExpression("percentile_cont(0.5) WITHIN GROUP (ORDER BY price DESC) FILTER (WHERE qty > 0)"));
        assertEquals(1, call.arguments().size());
        assertEquals(1, call.orderBy().size());
        assertEquals("price", assertInstanceOf(ColumnReference.class, call.orderBy().getFirst().expression()).name().suffix());
        assertEquals(SortOrder.DESCENDING, call.orderBy().getFirst().ordering());
        assertTrue(call.filter().isPresent());

        FunctionCall mode = assertInstanceOf(FunctionCall.class, parser.parseExpression("mode() WITHIN GROUP (ORDER BY x)"));
        assertEquals(0, mode.arguments().size());
        assertEquals(1, mode.orderBy().size());

        // WITHIN stays usable as a column name
        assertInstanceOf(ColumnReference.class, parser.parseExpression("within"));
    }

    @Test
    void orderByAndWithinGroupTogetherIsASyntaxError()
    {
        BasaltException e = assertThrows(BasaltException.class,
                () -> parser.parseExpression("percentile_disc(0.5 ORDER BY a) WITHIN GROUP (ORDER BY b)"));
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
    }
}
