package dev.basalt.sqllogictest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class ResultMatcherTest
{
    private static final List<List<String>> ROWS = List.of(List.of("b", "2"), List.of("a", "1"), List.of("hello world", "3"));

    @Test
    void valueWiseAndRowWiseLayouts()
    {
        ExpectedResult valueWise = ExpectedResult.of(List.of("b", "2", "a", "1", "hello world", "3"));
        assertNull(ResultMatcher.mismatch(valueWise, ROWS, 2, SortMode.NOSORT));
        ExpectedResult rowWise = ExpectedResult.of(List.of("b\t2", "a 1", "hello world\t3"));
        assertNull(ResultMatcher.mismatch(rowWise, ROWS, 2, SortMode.NOSORT));
        assertNotNull(ResultMatcher.mismatch(ExpectedResult.of(List.of("a\t1", "b\t2", "hello world\t3")), ROWS, 2, SortMode.NOSORT));
    }

    @Test
    void sortModesApplyToBothSides()
    {
        // Row-wise expected in any order, and value-wise expected in rowsort order.
        assertNull(ResultMatcher.mismatch(ExpectedResult.of(List.of("hello world\t3", "a\t1", "b\t2")), ROWS, 2, SortMode.ROWSORT));
        assertNull(ResultMatcher.mismatch(ExpectedResult.of(List.of("a", "1", "b", "2", "hello world", "3")), ROWS, 2, SortMode.ROWSORT));
        assertNull(ResultMatcher.mismatch(ExpectedResult.of(List.of("1", "2", "3", "a", "b", "hello world")), ROWS, 2, SortMode.VALUESORT));
        assertNotNull(ResultMatcher.mismatch(ExpectedResult.of(List.of("a", "1", "b", "2", "hello world", "4")), ROWS, 2, SortMode.ROWSORT));
    }

    @Test
    void hashesLikeSqlite()
    {
        // The md5 of "1\n2\n3\n": values sorted, each followed by a newline.
        List<List<String>> rows = List.of(List.of("3"), List.of("1"), List.of("2"));
        String md5 = "c0710d6b4f15dfa88f600b0e6b624077";
        assertEquals(md5, ResultMatcher.md5(List.of("1", "2", "3")));
        assertNull(ResultMatcher.mismatch(ExpectedResult.of(List.of("3 values hashing to " + md5)), rows, 1, SortMode.VALUESORT));
        assertNotNull(ResultMatcher.mismatch(ExpectedResult.of(List.of("3 values hashing to " + md5)), rows, 1, SortMode.NOSORT));
        assertEquals(List.of("3 values hashing to " + md5), ResultMatcher.render(rows, SortMode.ROWSORT, 2));
        assertEquals(List.of("1", "2", "3"), ResultMatcher.render(rows, SortMode.ROWSORT, 0));
    }

    @Test
    void emptyResults()
    {
        assertNull(ResultMatcher.mismatch(ExpectedResult.of(List.of()), new ArrayList<>(), 3, SortMode.NOSORT));
        assertNotNull(ResultMatcher.mismatch(ExpectedResult.of(List.of()), List.of(List.of("1")), 1, SortMode.NOSORT));
    }
}
