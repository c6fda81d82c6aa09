package dev.basalt.planner.analyzer;

import dev.basalt.parser.tree.Node;
import dev.basalt.parser.tree.QualifiedName;
import dev.basalt.spi.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The columns a clause can name, in FROM order. Resolution follows PostgreSQL: an unqualified name must match
 * exactly one column (42702 otherwise), {@code t.c} looks in relation {@code t} only. A correlated subquery will
 * get an outer scope here.
 */
public final class Scope
{
    private final List<Field> fields;
    // columns merged away by JOIN ... USING / NATURAL: reachable only qualified (t.c), not by c or *
    private final List<Field> hidden;
    private final Optional<Scope> outer;

    public Scope(List<Field> fields)
    {
        this(fields, List.of(), Optional.empty());
    }

    public Scope(List<Field> fields, List<Field> hidden)
    {
        this(fields, hidden, Optional.empty());
    }

    private Scope(List<Field> fields, List<Field> hidden, Optional<Scope> outer)
    {
        this.fields = List.copyOf(requireNonNull(fields, "fields is null"));
        this.hidden = List.copyOf(requireNonNull(hidden, "hidden is null"));
        this.outer = requireNonNull(outer, "outer is null");
    }

    /** This scope with {@code outer} as the enclosing query's scope (names not found here resolve there: correlation). */
    public Scope withOuter(Optional<Scope> outerScope)
    {
        return outerScope.isEmpty() ? this : new Scope(fields, hidden, outerScope);
    }

    /** This scope without its outer scopes. */
    public Scope local()
    {
        return new Scope(fields, hidden, Optional.empty());
    }

    public Optional<Scope> outer()
    {
        return outer;
    }

    public static Scope empty()
    {
        return new Scope(List.of());
    }

    public List<Field> fields()
    {
        return fields;
    }

    public Scope join(Scope other)
    {
        List<Field> joined = new ArrayList<>(fields);
        joined.addAll(other.fields);
        List<Field> joinedHidden = new ArrayList<>(hidden);
        joinedHidden.addAll(other.hidden);
        return new Scope(joined, joinedHidden, outer);
    }

    public List<Field> hidden()
    {
        return hidden;
    }

    public boolean hasRelation(String relation)
    {
        for (Field field : hidden) {
            if (field.relation().isPresent() && field.relation().get().equals(relation)) {
                return true;
            }
        }
        for (Field field : fields) {
            if (field.relation().isPresent() && field.relation().get().equals(relation)) {
                return true;
            }
        }
        return false;
    }

    /** The fields of relation {@code relation}, in order. */
    public List<Field> fieldsOf(String relation)
    {
        List<Field> result = new ArrayList<>();
        for (Field field : hidden) {
            if (field.relation().isPresent() && field.relation().get().equals(relation)) {
                result.add(field);
            }
        }
        for (Field field : fields) {
            if (field.relation().isPresent() && field.relation().get().equals(relation)) {
                result.add(field);
            }
        }
        return result;
    }

    /**
     * The field a (possibly qualified) name denotes; empty when there is none (the caller reports 42703 or tries
     * an alias). Throws 42702 when ambiguous and 42P01 when the qualifier names no relation.
     */
    public Optional<Field> resolve(QualifiedName name, Node node)
    {
        if (outer.isPresent() && !resolvesLocally(name)) {
            Optional<Field> field = outer.get().resolve(name, node);
            if (field.isPresent()) {
                return field;
            }
        }
        return resolveLocal(name, node);
    }

    private boolean resolvesLocally(QualifiedName name)
    {
        List<String> parts = name.names();
        if (parts.size() == 1) {
            for (Field field : fields) {
                if (field.name().equals(parts.getLast())) {
                    return true;
                }
            }
            return false;
        }
        return hasRelation(parts.get(parts.size() - 2));
    }

    private Optional<Field> resolveLocal(QualifiedName name, Node node)
    {
        List<String> parts = name.names();
        String column = parts.getLast();
        List<Field> matches = new ArrayList<>();
        if (parts.size() == 1) {
            for (Field field : fields) {
                if (field.name().equals(column)) {
                    matches.add(field);
                }
            }
        }
        else {
            String relation = parts.get(parts.size() - 2);
            if (!hasRelation(relation)) {
                throw SemanticErrors.error(ErrorCode.UNDEFINED_TABLE, "missing FROM-clause entry for table \"" + relation + "\"", node);
            }
            for (Field field : fieldsOf(relation)) {
                if (field.name().equals(column)) {
                    matches.add(field);
                }
            }
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        Field first = matches.getFirst();
        for (Field match : matches) {
            if (!match.symbol().equals(first.symbol())) {
                throw SemanticErrors.error(ErrorCode.AMBIGUOUS_COLUMN, "column reference \"" + name + "\" is ambiguous", node);
            }
        }
        return Optional.of(first);
    }
}
