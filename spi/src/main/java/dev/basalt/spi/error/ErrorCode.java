package dev.basalt.spi.error;

/**
 * Every error Basalt reports, with its SQLSTATE (PostgreSQL's codes where they exist) and category.
 * The JDBC driver copies {@link #sqlState()} into SQLException; the shell prints it.
 */
public enum ErrorCode
{
    // Class 0A - feature not supported
    FEATURE_NOT_SUPPORTED("0A000", Category.USER),
    // Class 21/22 - data exceptions
    CARDINALITY_VIOLATION("21000", Category.USER),
    STRING_DATA_RIGHT_TRUNCATION("22001", Category.USER),
    NUMERIC_VALUE_OUT_OF_RANGE("22003", Category.USER),
    INVALID_DATETIME_FORMAT("22007", Category.USER),
    DATETIME_FIELD_OVERFLOW("22008", Category.USER),
    DIVISION_BY_ZERO("22012", Category.USER),
    INVALID_PARAMETER_VALUE("22023", Category.USER),
    INVALID_ESCAPE_SEQUENCE("22025", Category.USER),
    CHARACTER_NOT_IN_REPERTOIRE("22021", Category.USER),
    INVALID_TEXT_REPRESENTATION("22P02", Category.USER),
    BAD_COPY_FILE_FORMAT("22P04", Category.USER),
    INVALID_ARGUMENT_FOR_LOGARITHM("2201E", Category.USER),
    INVALID_ARGUMENT_FOR_POWER_FUNCTION("2201F", Category.USER),
    INVALID_REGULAR_EXPRESSION("2201B", Category.USER),
    INVALID_PRECEDING_OR_FOLLOWING_SIZE("22013", Category.USER),
    INVALID_ARGUMENT_FOR_NTILE("22014", Category.USER),
    // Class 23 - integrity
    NOT_NULL_VIOLATION("23502", Category.USER),
    UNIQUE_VIOLATION("23505", Category.USER),
    // Class 25 - transaction state
    INVALID_TRANSACTION_STATE("25000", Category.USER),
    ACTIVE_SQL_TRANSACTION("25001", Category.USER),
    NO_ACTIVE_SQL_TRANSACTION("25P01", Category.USER),
    IN_FAILED_SQL_TRANSACTION("25P02", Category.USER),
    // Class 2B - dependent objects
    DEPENDENT_OBJECTS_STILL_EXIST("2BP01", Category.USER),
    // Class 40 - transaction rollback
    SERIALIZATION_FAILURE("40001", Category.USER),
    // Class 42 - syntax or access rule violation
    SYNTAX_ERROR("42601", Category.USER),
    INSUFFICIENT_PRIVILEGE("42501", Category.USER),
    UNDEFINED_TABLE("42P01", Category.USER),
    UNDEFINED_COLUMN("42703", Category.USER),
    UNDEFINED_FUNCTION("42883", Category.USER),
    UNDEFINED_OBJECT("42704", Category.USER),
    DUPLICATE_TABLE("42P07", Category.USER),
    DUPLICATE_COLUMN("42701", Category.USER),
    DUPLICATE_OBJECT("42710", Category.USER),
    AMBIGUOUS_COLUMN("42702", Category.USER),
    DATATYPE_MISMATCH("42804", Category.USER),
    CANNOT_COERCE("42846", Category.USER),
    GROUPING_ERROR("42803", Category.USER),
    INVALID_COLUMN_REFERENCE("42P10", Category.USER),
    WRONG_OBJECT_TYPE("42809", Category.USER),
    WINDOWING_ERROR("42P20", Category.USER),
    // Class 53 - insufficient resources
    OUT_OF_MEMORY("53200", Category.RESOURCES),
    // Class 57/58 - operator intervention, system errors
    QUERY_CANCELED("57014", Category.USER),
    IO_ERROR("58030", Category.RESOURCES),
    // Class 08 - connection
    CONNECTION_FAILURE("08006", Category.USER),
    OBJECT_IN_USE("55006", Category.RESOURCES),
    // Class XX - internal
    DATA_CORRUPTED("XX001", Category.INTERNAL),
    INTERNAL_ERROR("XX000", Category.INTERNAL);

    /** Who is at fault: the query's author, the machine, or Basalt itself. */
    public enum Category
    {
        USER, RESOURCES, INTERNAL
    }

    private final String sqlState;
    private final Category category;

    ErrorCode(String sqlState, Category category)
    {
        this.sqlState = sqlState;
        this.category = category;
    }

    public String sqlState()
    {
        return sqlState;
    }

    public Category category()
    {
        return category;
    }
}
