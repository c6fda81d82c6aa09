package dev.basalt.engine.statement;

import dev.basalt.parser.tree.QualifiedName;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.List;

/** Resolves table names of utility statements: one schema ({@code main}) for now. */
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

    static Table existingTable(Catalog catalog, QualifiedName name)
    {
        String table = tableName(name);
        return catalog.getTable(table)
                .orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + table + "\" does not exist"));
    }
}
