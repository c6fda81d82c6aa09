package dev.basalt.jdbc;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What JDBC tools ask about the database. Basalt has no catalogs and one schema, {@code main}; tables and views
 * come from {@code Session.listTables()} / {@code listViews()}. Keys, indexes, procedures and privileges are not
 * reported, so those calls return empty result sets with the standard column layouts.
 */
final class BasaltDatabaseMetaData implements DatabaseMetaData
{
    private static final DataType TEXT = DataTypes.VARCHAR;
    private static final DataType INT = DataTypes.INTEGER;
    private static final DataType SHORT = DataTypes.SMALLINT;
    private static final DataType BOOL = DataTypes.BOOLEAN;

    private final BasaltConnection connection;

    BasaltDatabaseMetaData(BasaltConnection connection)
    {
        this.connection = requireNonNull(connection, "connection is null");
    }

    // ---- result set layouts ------------------------------------------------------------------------------------

    /** Columns of a metadata result: alternating names and types. */
    private static List<Column> layout(Object... namesAndTypes)
    {
        List<Column> columns = new ArrayList<>(namesAndTypes.length / 2);
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.add(new Column((String) namesAndTypes[i], (DataType) namesAndTypes[i + 1], true));
        }
        return columns;
    }

    private static final List<Column> TABLES = layout(
            "TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "TABLE_TYPE", TEXT, "REMARKS", TEXT,
            "TYPE_CAT", TEXT, "TYPE_SCHEM", TEXT, "TYPE_NAME", TEXT, "SELF_REFERENCING_COL_NAME", TEXT, "REF_GENERATION", TEXT);

    private static final List<Column> COLUMNS = layout(
            "TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "COLUMN_NAME", TEXT, "DATA_TYPE", INT,
            "TYPE_NAME", TEXT, "COLUMN_SIZE", INT, "BUFFER_LENGTH", INT, "DECIMAL_DIGITS", INT, "NUM_PREC_RADIX", INT,
            "NULLABLE", INT, "REMARKS", TEXT, "COLUMN_DEF", TEXT, "SQL_DATA_TYPE", INT, "SQL_DATETIME_SUB", INT,
            "CHAR_OCTET_LENGTH", INT, "ORDINAL_POSITION", INT, "IS_NULLABLE", TEXT, "SCOPE_CATALOG", TEXT,
            "SCOPE_SCHEMA", TEXT, "SCOPE_TABLE", TEXT, "SOURCE_DATA_TYPE", SHORT, "IS_AUTOINCREMENT", TEXT,
            "IS_GENERATEDCOLUMN", TEXT);

    private static final List<Column> SCHEMAS = layout("TABLE_SCHEM", TEXT, "TABLE_CATALOG", TEXT);
    private static final List<Column> CATALOGS = layout("TABLE_CAT", TEXT);
    private static final List<Column> TABLE_TYPES = layout("TABLE_TYPE", TEXT);

    private static final List<Column> TYPE_INFO = layout(
            "TYPE_NAME", TEXT, "DATA_TYPE", INT, "PRECISION", INT, "LITERAL_PREFIX", TEXT, "LITERAL_SUFFIX", TEXT,
            "CREATE_PARAMS", TEXT, "NULLABLE", SHORT, "CASE_SENSITIVE", BOOL, "SEARCHABLE", SHORT,
            "UNSIGNED_ATTRIBUTE", BOOL, "FIXED_PREC_SCALE", BOOL, "AUTO_INCREMENT", BOOL, "LOCAL_TYPE_NAME", TEXT,
            "MINIMUM_SCALE", SHORT, "MAXIMUM_SCALE", SHORT, "SQL_DATA_TYPE", INT, "SQL_DATETIME_SUB", INT,
            "NUM_PREC_RADIX", INT);

    private static final List<Column> PRIMARY_KEYS = layout(
            "TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "COLUMN_NAME", TEXT, "KEY_SEQ", SHORT, "PK_NAME", TEXT);

    private static final List<Column> FOREIGN_KEYS = layout(
            "PKTABLE_CAT", TEXT, "PKTABLE_SCHEM", TEXT, "PKTABLE_NAME", TEXT, "PKCOLUMN_NAME", TEXT,
            "FKTABLE_CAT", TEXT, "FKTABLE_SCHEM", TEXT, "FKTABLE_NAME", TEXT, "FKCOLUMN_NAME", TEXT,
            "KEY_SEQ", SHORT, "UPDATE_RULE", SHORT, "DELETE_RULE", SHORT, "FK_NAME", TEXT, "PK_NAME", TEXT,
            "DEFERRABILITY", SHORT);

    private static final List<Column> INDEX_INFO = layout(
            "TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "NON_UNIQUE", BOOL, "INDEX_QUALIFIER", TEXT,
            "INDEX_NAME", TEXT, "TYPE", SHORT, "ORDINAL_POSITION", SHORT, "COLUMN_NAME", TEXT, "ASC_OR_DESC", TEXT,
            "CARDINALITY", DataTypes.BIGINT, "PAGES", DataTypes.BIGINT, "FILTER_CONDITION", TEXT);

    private static final List<Column> PROCEDURES = layout(
            "PROCEDURE_CAT", TEXT, "PROCEDURE_SCHEM", TEXT, "PROCEDURE_NAME", TEXT, "RESERVED1", TEXT,
            "RESERVED2", TEXT, "RESERVED3", TEXT, "REMARKS", TEXT, "PROCEDURE_TYPE", SHORT, "SPECIFIC_NAME", TEXT);

    private static final List<Column> PROCEDURE_COLUMNS = layout(
            "PROCEDURE_CAT", TEXT, "PROCEDURE_SCHEM", TEXT, "PROCEDURE_NAME", TEXT, "COLUMN_NAME", TEXT,
            "COLUMN_TYPE", SHORT, "DATA_TYPE", INT, "TYPE_NAME", TEXT, "PRECISION", INT, "LENGTH", INT, "SCALE", SHORT,
            "RADIX", SHORT, "NULLABLE", SHORT, "REMARKS", TEXT, "COLUMN_DEF", TEXT, "SQL_DATA_TYPE", INT,
            "SQL_DATETIME_SUB", INT, "CHAR_OCTET_LENGTH", INT, "ORDINAL_POSITION", INT, "IS_NULLABLE", TEXT,
            "SPECIFIC_NAME", TEXT);

    private static final List<Column> FUNCTIONS = layout(
            "FUNCTION_CAT", TEXT, "FUNCTION_SCHEM", TEXT, "FUNCTION_NAME", TEXT, "REMARKS", TEXT, "FUNCTION_TYPE", SHORT,
            "SPECIFIC_NAME", TEXT);

    private static final List<Column> FUNCTION_COLUMNS = layout(
            "FUNCTION_CAT", TEXT, "FUNCTION_SCHEM", TEXT, "FUNCTION_NAME", TEXT, "COLUMN_NAME", TEXT,
            "COLUMN_TYPE", SHORT, "DATA_TYPE", INT, "TYPE_NAME", TEXT, "PRECISION", INT, "LENGTH", INT, "SCALE", SHORT,
            "RADIX", SHORT, "NULLABLE", SHORT, "REMARKS", TEXT, "CHAR_OCTET_LENGTH", INT, "ORDINAL_POSITION", INT,
            "IS_NULLABLE", TEXT, "SPECIFIC_NAME", TEXT);

    private static final List<Column> PRIVILEGES_TABLE = layout(
            "TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "GRANTOR", TEXT, "GRANTEE", TEXT,
            "PRIVILEGE", TEXT, "IS_GRANTABLE", TEXT);

    private static final List<Column> PRIVILEGES_COLUMN = layout(
            "TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "COLUMN_NAME", TEXT, "GRANTOR", TEXT,
            "GRANTEE", TEXT, "PRIVILEGE", TEXT, "IS_GRANTABLE", TEXT);

    private static final List<Column> BEST_ROW = layout(
            "SCOPE", SHORT, "COLUMN_NAME", TEXT, "DATA_TYPE", INT, "TYPE_NAME", TEXT, "COLUMN_SIZE", INT,
            "BUFFER_LENGTH", INT, "DECIMAL_DIGITS", SHORT, "PSEUDO_COLUMN", SHORT);

    private static final List<Column> VERSION_COLUMNS = layout(
            "SCOPE", SHORT, "COLUMN_NAME", TEXT, "DATA_TYPE", INT, "TYPE_NAME", TEXT, "COLUMN_SIZE", INT,
            "BUFFER_LENGTH", INT, "DECIMAL_DIGITS", SHORT, "PSEUDO_COLUMN", SHORT);

    private static final List<Column> UDTS = layout(
            "TYPE_CAT", TEXT, "TYPE_SCHEM", TEXT, "TYPE_NAME", TEXT, "CLASS_NAME", TEXT, "DATA_TYPE", INT,
            "REMARKS", TEXT, "BASE_TYPE", SHORT);

    private static final List<Column> SUPER_TYPES = layout(
            "TYPE_CAT", TEXT, "TYPE_SCHEM", TEXT, "TYPE_NAME", TEXT, "SUPERTYPE_CAT", TEXT, "SUPERTYPE_SCHEM", TEXT,
            "SUPERTYPE_NAME", TEXT);

    private static final List<Column> SUPER_TABLES = layout(
            "TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "SUPERTABLE_NAME", TEXT);

    private static final List<Column> ATTRIBUTES = layout(
            "TYPE_CAT", TEXT, "TYPE_SCHEM", TEXT, "TYPE_NAME", TEXT, "ATTR_NAME", TEXT, "DATA_TYPE", INT,
            "ATTR_TYPE_NAME", TEXT, "ATTR_SIZE", INT, "DECIMAL_DIGITS", INT, "NUM_PREC_RADIX", INT, "NULLABLE", INT,
            "REMARKS", TEXT, "ATTR_DEF", TEXT, "SQL_DATA_TYPE", INT, "SQL_DATETIME_SUB", INT, "CHAR_OCTET_LENGTH", INT,
            "ORDINAL_POSITION", INT, "IS_NULLABLE", TEXT, "SCOPE_CATALOG", TEXT, "SCOPE_SCHEMA", TEXT,
            "SCOPE_TABLE", TEXT, "SOURCE_DATA_TYPE", SHORT);

    private static final List<Column> CLIENT_INFO = layout(
            "NAME", TEXT, "MAX_LEN", INT, "DEFAULT_VALUE", TEXT, "DESCRIPTION", TEXT);

    private static final List<Column> PSEUDO_COLUMNS = layout(
            "TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "COLUMN_NAME", TEXT, "DATA_TYPE", INT,
            "COLUMN_SIZE", INT, "DECIMAL_DIGITS", INT, "NUM_PREC_RADIX", INT, "COLUMN_USAGE", TEXT, "REMARKS", TEXT,
            "CHAR_OCTET_LENGTH", INT, "IS_NULLABLE", TEXT);

    private ResultSet empty(List<Column> columns) throws SQLException
    {
        connection.checkOpen();
        return new ListResultSet(columns, List.of(), null);
    }

    private static ResultSet rows(List<Column> columns, List<List<Object>> rows)
    {
        return new ListResultSet(columns, rows, null);
    }

    /** Basalt has no catalogs: a null catalog ignores the criterion, "" matches, anything else matches nothing. */
    private static boolean catalogMatches(String catalog)
    {
        return catalog == null || catalog.isEmpty();
    }

    private static boolean schemaMatches(String schemaPattern)
    {
        return LikePattern.compile(schemaPattern).matches(BasaltConnection.SCHEMA);
    }

    // ---- tables, columns, schemas, types -----------------------------------------------------------------------

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types) throws SQLException
    {
        List<List<Object>> rows = new ArrayList<>();
        boolean wantsTables = types == null;
        boolean wantsViews = types == null;
        if (types != null) {
            for (String type : types) {
                wantsTables |= "TABLE".equalsIgnoreCase(type);
                wantsViews |= "VIEW".equalsIgnoreCase(type);
            }
        }
        if (catalogMatches(catalog) && schemaMatches(schemaPattern)) {
            LikePattern names = LikePattern.compile(tableNamePattern);
            // sorted by TABLE_TYPE, then name, as JDBC asks
            if (wantsTables) {
                for (TableSchema table : connection.listTables()) {
                    if (names.matches(table.name())) {
                        rows.add(Arrays.asList(null, BasaltConnection.SCHEMA, table.name(), "TABLE", null, null, null, null, null, null));
                    }
                }
            }
            if (wantsViews) {
                for (TableSchema view : connection.listViews()) {
                    if (names.matches(view.name())) {
                        rows.add(Arrays.asList(null, BasaltConnection.SCHEMA, view.name(), "VIEW", null, null, null, null, null, null));
                    }
                }
            }
        }
        return rows(TABLES, rows);
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern) throws SQLException
    {
        List<List<Object>> rows = new ArrayList<>();
        if (catalogMatches(catalog) && schemaMatches(schemaPattern)) {
            LikePattern tables = LikePattern.compile(tableNamePattern);
            LikePattern names = LikePattern.compile(columnNamePattern);
            List<TableSchema> relations = new ArrayList<>(connection.listTables());
            relations.addAll(connection.listViews());
            relations.sort(Comparator.comparing(TableSchema::name));
            for (TableSchema table : relations) {
                if (!tables.matches(table.name())) {
                    continue;
                }
                for (int i = 0; i < table.columnCount(); i++) {
                    Column column = table.column(i);
                    if (names.matches(column.name())) {
                        rows.add(columnRow(table.name(), column, i + 1));
                    }
                }
            }
        }
        return rows(COLUMNS, rows);
    }

    private static List<Object> columnRow(String table, Column column, int ordinal)
    {
        DataType type = column.type();
        int precision = JdbcTypes.precision(type);
        Integer size = precision == 0 ? null : precision;
        Integer decimalDigits = type.isNumeric() || type instanceof TimestampType ? JdbcTypes.scale(type) : null;
        Integer octetLength = null;
        if (type instanceof VarcharType varchar) {
            // UTF-8: up to 4 bytes per character
            octetLength = varchar.isBounded() && varchar.length() <= Integer.MAX_VALUE / 4 ? varchar.length() * 4 : Integer.MAX_VALUE;
        }
        return Arrays.asList(
                null, BasaltConnection.SCHEMA, table, column.name(), type.jdbcType(),
                type.sqlName(), size, null, decimalDigits, JdbcTypes.radix(type),
                column.nullable() ? columnNullable : columnNoNulls, null, column.defaultExpression().orElse(null), null, null,
                octetLength, ordinal, column.nullable() ? "YES" : "NO", null,
                null, null, null, "NO",
                "NO");
    }

    @Override
    public ResultSet getSchemas() throws SQLException
    {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException
    {
        connection.checkOpen();
        List<List<Object>> rows = new ArrayList<>();
        if (catalogMatches(catalog) && schemaMatches(schemaPattern)) {
            rows.add(Arrays.asList(BasaltConnection.SCHEMA, null));
        }
        return rows(SCHEMAS, rows);
    }

    @Override
    public ResultSet getCatalogs() throws SQLException
    {
        return empty(CATALOGS);
    }

    @Override
    public ResultSet getTableTypes() throws SQLException
    {
        connection.checkOpen();
        return rows(TABLE_TYPES, List.of(List.of("TABLE"), List.of("VIEW")));
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException
    {
        connection.checkOpen();
        // sorted by DATA_TYPE, as JDBC asks
        List<List<Object>> rows = new ArrayList<>();
        rows.add(typeRow("BIGINT", Types.BIGINT, 19, null, null, false, 0, 0, 10));
        rows.add(typeRow("BLOB", Types.VARBINARY, Integer.MAX_VALUE, "X'", null, false, 0, 0, null));
        rows.add(typeRow("CHAR", Types.CHAR, Integer.MAX_VALUE, "'", "length", true, 0, 0, null));
        rows.add(typeRow("DECIMAL", Types.DECIMAL, DecimalType.MAX_PRECISION, null, "precision,scale", false, 0, DecimalType.MAX_PRECISION, 10));
        rows.add(typeRow("INTEGER", Types.INTEGER, 10, null, null, false, 0, 0, 10));
        rows.add(typeRow("SMALLINT", Types.SMALLINT, 5, null, null, false, 0, 0, 10));
        rows.add(typeRow("REAL", Types.REAL, 7, null, null, false, 0, 0, 10));
        rows.add(typeRow("DOUBLE", Types.DOUBLE, 15, null, null, false, 0, 0, 10));
        rows.add(typeRow("VARCHAR", Types.VARCHAR, Integer.MAX_VALUE, "'", "length", true, 0, 0, null));
        rows.add(typeRow("BOOLEAN", Types.BOOLEAN, 1, null, null, false, 0, 0, null));
        rows.add(typeRow("DATE", Types.DATE, 10, "DATE '", null, false, 0, 0, null));
        rows.add(typeRow("TIMESTAMP", Types.TIMESTAMP, 26, "TIMESTAMP '", null, false, 0, 6, null));
        rows.add(typeRow("INTERVAL", Types.OTHER, 0, "INTERVAL '", null, false, 0, 6, null));
        return rows(TYPE_INFO, rows);
    }

    private static List<Object> typeRow(String name, int jdbcType, int precision, String prefix, String createParams,
            boolean caseSensitive, int minScale, int maxScale, Integer radix)
    {
        String suffix = prefix == null ? null : "'";
        return Arrays.asList(name, jdbcType, precision, prefix, suffix, createParams, (short) typeNullable, caseSensitive,
                (short) typeSearchable, false, false, false, name,
                (short) minScale, (short) maxScale, null, null, radix);
    }

    // ---- objects Basalt does not have: empty results with the standard layouts ---------------------------------

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException
    {
        return empty(PRIMARY_KEYS);
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException
    {
        return empty(FOREIGN_KEYS);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException
    {
        return empty(FOREIGN_KEYS);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable, String foreignCatalog,
            String foreignSchema, String foreignTable) throws SQLException
    {
        return empty(FOREIGN_KEYS);
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate) throws SQLException
    {
        return empty(INDEX_INFO);
    }

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) throws SQLException
    {
        return empty(PROCEDURES);
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern, String columnNamePattern) throws SQLException
    {
        return empty(PROCEDURE_COLUMNS);
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) throws SQLException
    {
        return empty(FUNCTIONS);
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern, String columnNamePattern) throws SQLException
    {
        return empty(FUNCTION_COLUMNS);
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern) throws SQLException
    {
        return empty(PRIVILEGES_COLUMN);
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) throws SQLException
    {
        return empty(PRIVILEGES_TABLE);
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable) throws SQLException
    {
        return empty(BEST_ROW);
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException
    {
        return empty(VERSION_COLUMNS);
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) throws SQLException
    {
        return empty(UDTS);
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException
    {
        return empty(SUPER_TYPES);
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException
    {
        return empty(SUPER_TABLES);
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern, String attributeNamePattern) throws SQLException
    {
        return empty(ATTRIBUTES);
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException
    {
        return empty(CLIENT_INFO);
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern) throws SQLException
    {
        return empty(PSEUDO_COLUMNS);
    }

    // ---- product and driver ------------------------------------------------------------------------------------

    @Override
    public String getURL() throws SQLException
    {
        return connection.url();
    }

    @Override
    public String getUserName() throws SQLException
    {
        return "";
    }

    @Override
    public boolean isReadOnly() throws SQLException
    {
        return connection.isReadOnly();
    }

    @Override
    public String getDatabaseProductName()
    {
        return "Basalt";
    }

    @Override
    public String getDatabaseProductVersion()
    {
        return DriverVersion.version();
    }

    @Override
    public String getDriverName()
    {
        return BasaltDriver.NAME;
    }

    @Override
    public String getDriverVersion()
    {
        return DriverVersion.version();
    }

    @Override
    public int getDriverMajorVersion()
    {
        return DriverVersion.major();
    }

    @Override
    public int getDriverMinorVersion()
    {
        return DriverVersion.minor();
    }

    @Override
    public int getDatabaseMajorVersion()
    {
        return DriverVersion.major();
    }

    @Override
    public int getDatabaseMinorVersion()
    {
        return DriverVersion.minor();
    }

    @Override
    public int getJDBCMajorVersion()
    {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion()
    {
        return 3;
    }

    @Override
    public Connection getConnection()
    {
        return connection;
    }

    // ---- SQL dialect facts -------------------------------------------------------------------------------------

    @Override
    public boolean allProceduresAreCallable()
    {
        return false;
    }

    @Override
    public boolean allTablesAreSelectable()
    {
        return true;
    }

    /** ORDER BY defaults to NULLS LAST ascending and NULLS FIRST descending (PostgreSQL and DuckDB): NULL sorts high. */
    @Override
    public boolean nullsAreSortedHigh()
    {
        return true;
    }

    @Override
    public boolean nullsAreSortedLow()
    {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart()
    {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd()
    {
        return false;
    }

    @Override
    public boolean usesLocalFiles()
    {
        return true;
    }

    @Override
    public boolean usesLocalFilePerTable()
    {
        return false;
    }

    /** Unquoted identifiers fold to lower case; quoted ones keep their case and are case-sensitive. */
    @Override
    public boolean supportsMixedCaseIdentifiers()
    {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers()
    {
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers()
    {
        return true;
    }

    @Override
    public boolean storesMixedCaseIdentifiers()
    {
        return false;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers()
    {
        return true;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers()
    {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers()
    {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers()
    {
        return false;
    }

    @Override
    public String getIdentifierQuoteString()
    {
        return "\"";
    }

    @Override
    public String getSQLKeywords()
    {
        return "analyze,checkpoint,copy,describe,explain,interval,limit,offset,show,vacuum";
    }

    @Override
    public String getNumericFunctions()
    {
        return "abs,ceil,ceiling,floor,mod,power,round,sign,sqrt";
    }

    @Override
    public String getStringFunctions()
    {
        return "concat,length,lower,ltrim,position,replace,rtrim,substring,trim,upper";
    }

    @Override
    public String getSystemFunctions()
    {
        return "coalesce,nullif";
    }

    @Override
    public String getTimeDateFunctions()
    {
        return "current_date,extract";
    }

    @Override
    public String getSearchStringEscape()
    {
        return "\\";
    }

    @Override
    public String getExtraNameCharacters()
    {
        return "";
    }

    @Override
    public boolean supportsAlterTableWithAddColumn()
    {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn()
    {
        return true;
    }

    @Override
    public boolean supportsColumnAliasing()
    {
        return true;
    }

    @Override
    public boolean nullPlusNonNullIsNull()
    {
        return true;
    }

    @Override
    public boolean supportsConvert()
    {
        return false;
    }

    @Override
    public boolean supportsConvert(int fromType, int toType)
    {
        return false;
    }

    @Override
    public boolean supportsTableCorrelationNames()
    {
        return true;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames()
    {
        return false;
    }

    @Override
    public boolean supportsExpressionsInOrderBy()
    {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated()
    {
        return true;
    }

    @Override
    public boolean supportsGroupBy()
    {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated()
    {
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect()
    {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause()
    {
        return true;
    }

    @Override
    public boolean supportsMultipleResultSets()
    {
        return false;
    }

    @Override
    public boolean supportsMultipleTransactions()
    {
        return true;
    }

    @Override
    public boolean supportsNonNullableColumns()
    {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar()
    {
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar()
    {
        return true;
    }

    @Override
    public boolean supportsExtendedSQLGrammar()
    {
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL()
    {
        return true;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL()
    {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL()
    {
        return false;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility()
    {
        return false;
    }

    @Override
    public boolean supportsOuterJoins()
    {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins()
    {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins()
    {
        return true;
    }

    @Override
    public String getSchemaTerm()
    {
        return "schema";
    }

    @Override
    public String getProcedureTerm()
    {
        return "procedure";
    }

    @Override
    public String getCatalogTerm()
    {
        return "catalog";
    }

    @Override
    public boolean isCatalogAtStart()
    {
        return true;
    }

    @Override
    public String getCatalogSeparator()
    {
        return ".";
    }

    @Override
    public boolean supportsSchemasInDataManipulation()
    {
        return false;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls()
    {
        return false;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions()
    {
        return false;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions()
    {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions()
    {
        return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation()
    {
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls()
    {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions()
    {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions()
    {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions()
    {
        return false;
    }

    @Override
    public boolean supportsPositionedDelete()
    {
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate()
    {
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate()
    {
        return false;
    }

    @Override
    public boolean supportsStoredProcedures()
    {
        return false;
    }

    @Override
    public boolean supportsSubqueriesInComparisons()
    {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists()
    {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns()
    {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds()
    {
        return true;
    }

    @Override
    public boolean supportsCorrelatedSubqueries()
    {
        return true;
    }

    @Override
    public boolean supportsUnion()
    {
        return true;
    }

    @Override
    public boolean supportsUnionAll()
    {
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit()
    {
        return false;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback()
    {
        return false;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit()
    {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback()
    {
        return true;
    }

    // ---- limits: 0 means no known limit ------------------------------------------------------------------------

    @Override
    public int getMaxBinaryLiteralLength()
    {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength()
    {
        return 0;
    }

    @Override
    public int getMaxColumnNameLength()
    {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy()
    {
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex()
    {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy()
    {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect()
    {
        return 0;
    }

    @Override
    public int getMaxColumnsInTable()
    {
        return 0;
    }

    @Override
    public int getMaxConnections()
    {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength()
    {
        return 0;
    }

    @Override
    public int getMaxIndexLength()
    {
        return 0;
    }

    @Override
    public int getMaxSchemaNameLength()
    {
        return 0;
    }

    @Override
    public int getMaxProcedureNameLength()
    {
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength()
    {
        return 0;
    }

    @Override
    public int getMaxRowSize()
    {
        return 0;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs()
    {
        return false;
    }

    @Override
    public int getMaxStatementLength()
    {
        return 0;
    }

    @Override
    public int getMaxStatements()
    {
        return 0;
    }

    @Override
    public int getMaxTableNameLength()
    {
        return 0;
    }

    @Override
    public int getMaxTablesInSelect()
    {
        return 0;
    }

    @Override
    public int getMaxUserNameLength()
    {
        return 0;
    }

    // ---- transactions: snapshot isolation, DDL included --------------------------------------------------------

    @Override
    public int getDefaultTransactionIsolation()
    {
        return Connection.TRANSACTION_REPEATABLE_READ;
    }

    @Override
    public boolean supportsTransactions()
    {
        return true;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level)
    {
        // snapshot isolation: lower levels are served by it (JDBC allows a stricter level); not SERIALIZABLE
        return level == Connection.TRANSACTION_READ_UNCOMMITTED || level == Connection.TRANSACTION_READ_COMMITTED
                || level == Connection.TRANSACTION_REPEATABLE_READ;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions()
    {
        return true;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly()
    {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit()
    {
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions()
    {
        return false;
    }

    @Override
    public boolean supportsSavepoints()
    {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets()
    {
        return false;
    }

    // ---- result sets and statements ----------------------------------------------------------------------------

    @Override
    public boolean supportsResultSetType(int type)
    {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency)
    {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean ownUpdatesAreVisible(int type)
    {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int type)
    {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int type)
    {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int type)
    {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int type)
    {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int type)
    {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int type)
    {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int type)
    {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int type)
    {
        return false;
    }

    @Override
    public boolean supportsBatchUpdates()
    {
        return true;
    }

    @Override
    public boolean supportsNamedParameters()
    {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults()
    {
        return false;
    }

    @Override
    public boolean supportsGetGeneratedKeys()
    {
        return false;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability)
    {
        return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getResultSetHoldability()
    {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getSQLStateType()
    {
        return sqlStateSQL;
    }

    @Override
    public boolean locatorsUpdateCopy()
    {
        return false;
    }

    @Override
    public boolean supportsStatementPooling()
    {
        return false;
    }

    @Override
    public RowIdLifetime getRowIdLifetime()
    {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax()
    {
        return false;
    }

    @Override
    public boolean generatedKeyAlwaysReturned()
    {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException
    {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlExceptions.create("not a wrapper for " + iface.getName(), "HY000");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface)
    {
        return iface.isInstance(this);
    }
}
