package dev.basalt.sqllogictest;

import java.util.HashMap;
import java.util.Map;

/** A scripted engine for runner tests: SQL text -> result or error. */
final class FakeConnection implements SltConnection
{
    private final Map<String, Object> answers = new HashMap<>();
    boolean closed;

    FakeConnection answer(String sql, ExecutionResult result)
    {
        answers.put(sql, result);
        return this;
    }

    FakeConnection fail(String sql, SltEngineException error)
    {
        answers.put(sql, error);
        return this;
    }

    @Override
    public ExecutionResult execute(String sql)
    {
        Object answer = answers.get(sql);
        if (answer == null) {
            throw new SltEngineException("42601", "unknown statement " + sql, 1, 1, false, null);
        }
        if (answer instanceof SltEngineException error) {
            throw error;
        }
        return (ExecutionResult) answer;
    }

    @Override
    public void close()
    {
        closed = true;
    }
}
