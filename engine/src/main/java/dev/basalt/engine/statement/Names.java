package dev.basalt.engine.statement;

import dev.basalt.parser.tree.QualifiedName;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.List;

/** Resolves table, view and index names of utility statements: one schema ({@code main}) for now. */
final class Names
{
    private Names() {}

    static String tableName(QualifiedName name)
    {
        List<String> prefix = name.prefix();
        if (prefix.isEmpty() || (prefix.size() == 1 && prefix.getFirst().equals("main"))) {
            return name.suffix();
        }
        throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "schemas are not supported yet: " + name);
    }

    /** A table to write to or describe; a view there is 42809, an unknown name 42P01. */
    static Table existingTable(Catalog catalog, QualifiedName name)
    {
        String table = tableName(name);
        return catalog.getTable(table).orElseThrow(() -> {
            if (catalog.getView(table).isPresent()) {
                return new BasaltException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + table + "\" is a view, not a table (views cannot be written to)");
            }
            return new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + table + "\" does not exist");
        });
    }

    /** Tables and views share one namespace. */
    static boolean relationExists(Catalog catalog, String name)
    {
        return catalog.getTable(name).isPresent() || catalog.getView(name).isPresent();
    }
}
