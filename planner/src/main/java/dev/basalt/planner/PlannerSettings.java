package dev.basalt.planner;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Planner options.
 *
 * @param integerDivision INTEGER / INTEGER is integer division (PostgreSQL, SQLite) instead of DOUBLE (DuckDB)
 * @param sqliteCompatibility accept what SQLite accepts where the standard raises an error (only for running
 *     SQLite's sqllogictest corpus; the default is the standard): an UPDATE may assign one column several times
 *     (the rightmost assignment wins), and a BLOB compares with a value of another type by SQLite's storage-class
 *     order (NULL &lt; numbers &lt; text &lt; BLOB) instead of raising 42883
 * @param disabledRules names of optimizer rules not to run (see {@link dev.basalt.planner.rule.Rule#name()})
 */
public record PlannerSettings(boolean integerDivision, boolean sqliteCompatibility, Set<String> disabledRules)
{
    public PlannerSettings
    {
        disabledRules = Set.copyOf(requireNonNull(disabledRules, "disabledRules is null"));
    }

    public PlannerSettings(boolean integerDivision)
    {
        this(integerDivision, false, Set.of());
    }

    public PlannerSettings(boolean integerDivision, Set<String> disabledRules)
    {
        this(integerDivision, false, disabledRules);
    }

    public static PlannerSettings defaults()
    {
        return new PlannerSettings(false, false, Set.of());
    }

    public PlannerSettings withIntegerDivision(boolean newIntegerDivision)
    {
        return new PlannerSettings(newIntegerDivision, sqliteCompatibility, disabledRules);
    }

    public PlannerSettings withDisabledRules(Set<String> newDisabledRules)
    {
        return new PlannerSettings(integerDivision, sqliteCompatibility, newDisabledRules);
    }

    public PlannerSettings withSqliteCompatibility(boolean newSqliteCompatibility)
    {
        return new PlannerSettings(integerDivision, newSqliteCompatibility, disabledRules);
    }

    public boolean isRuleEnabled(String name)
    {
        return !disabledRules.contains(name);
    }
}
