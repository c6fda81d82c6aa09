package dev.basalt.planner.analyzer;

import dev.basalt.parser.tree.Node;
import dev.basalt.parser.tree.Parameter;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The number of '?' parameters of a statement: the highest parameter position anywhere in it. Walks the AST
 * generically through record components, so new node types are covered without changes here.
 */
public final class ParameterCounter
{
    private ParameterCounter() {}

    public static int count(Node node)
    {
        return maxPosition(node);
    }

    private static int maxPosition(Object value)
    {
        return switch (value) {
            case null -> 0;
            case Parameter parameter -> parameter.position();
            case Record record when record instanceof Node -> {
                int max = 0;
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    try {
                        max = Math.max(max, maxPosition(component.getAccessor().invoke(record)));
                    }
                    catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass().getSimpleName(), e);
                    }
                }
                yield max;
            }
            case Optional<?> optional -> optional.map(ParameterCounter::maxPosition).orElse(0);
            case Collection<?> collection -> {
                int max = 0;
                for (Object element : collection) {
                    max = Math.max(max, maxPosition(element));
                }
                yield max;
            }
            case Map<?, ?> map -> maxPosition(map.values());
            default -> 0;
        };
    }
}
