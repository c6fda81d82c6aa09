package dev.basalt.planner;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Planner options.
 *
 * @param integerDivision INTEGER / INTEGER is integer division (PostgreSQL, SQLite) instead of DOUBLE (DuckDB)
 * @param disabledRules names of optimizer rules not to run (see {@link dev.basalt.planner.rule.Rule#name()})
 */
public record PlannerSettings(boolean integerDivision, Set<String> disabledRules)
{
    public PlannerSettings
    {
        disabledRules = Set.copyOf(requireNonNull(disabledRules, "disabledRules is null"));
    }

    public PlannerSettings(boolean integerDivision)
    {
        this(integerDivision, Set.of());
    }

    public static PlannerSettings defaults()
    {
        return new PlannerSettings(false, Set.of());
    }

    public PlannerSettings withIntegerDivision(boolean newIntegerDivision)
    {
        return new PlannerSettings(newIntegerDivision, disabledRules);
    }

    public PlannerSettings withDisabledRules(Set<String> newDisabledRules)
    {
        return new PlannerSettings(integerDivision, newDisabledRules);
    }

    public boolean isRuleEnabled(String name)
    {
        return !disabledRules.contains(name);
    }
}
