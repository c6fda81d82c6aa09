package dev.basalt.spi.type;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Factory and parsing helpers for {@link DataType}. */
public final class DataTypes
{
    public static final BooleanType BOOLEAN = BooleanType.BOOLEAN;
    public static final SmallintType SMALLINT = SmallintType.SMALLINT;
    public static final IntegerType INTEGER = IntegerType.INTEGER;
    public static final BigintType BIGINT = BigintType.BIGINT;
    public static final RealType REAL = RealType.REAL;
    public static final DoubleType DOUBLE = DoubleType.DOUBLE;
    public static final VarcharType VARCHAR = VarcharType.VARCHAR;
    public static final BlobType BLOB = BlobType.BLOB;
    public static final DateType DATE = DateType.DATE;
    public static final TimestampType TIMESTAMP = TimestampType.TIMESTAMP;
    public static final IntervalType INTERVAL = IntervalType.INTERVAL;
    public static final NullType NULL = NullType.NULL_TYPE;

    // Names may contain digits (INT4, FLOAT8), but start with a letter.
    private static final Pattern WITH_ARGS = Pattern.compile("([A-Z][A-Z0-9 ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");

    private DataTypes() {}

    /**
     * Parses a SQL type name with its common aliases (INT, INT4, INT8, FLOAT8, NUMERIC, TEXT, STRING, BPCHAR,
     * DOUBLE PRECISION, ...). DECIMAL without arguments is DECIMAL(18,3), as in DuckDB.
     */
    public static DataType parse(String text)
    {
        String normalized = text.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher matcher = WITH_ARGS.matcher(normalized);
        if (!matcher.matches()) {
            throw unknown(text);
        }
        String name = matcher.group(1).trim();
        try {
            // Inside the try: an argument beyond int range is a NumberFormatException (an IllegalArgumentException).
            Integer first = matcher.group(2) == null ? null : Integer.parseInt(matcher.group(2));
            Integer second = matcher.group(3) == null ? null : Integer.parseInt(matcher.group(3));
            return switch (name) {
                case "BOOLEAN", "BOOL" -> BOOLEAN;
                case "SMALLINT", "INT2", "SHORT" -> SMALLINT;
                case "INTEGER", "INT", "INT4", "SIGNED" -> INTEGER;
                case "BIGINT", "INT8", "LONG" -> BIGINT;
                case "REAL", "FLOAT4" -> REAL;
                case "DOUBLE", "DOUBLE PRECISION", "FLOAT", "FLOAT8" -> DOUBLE;
                case "DECIMAL", "NUMERIC", "DEC" -> first == null
                        ? DecimalType.of(18, 3)
                        : DecimalType.of(first, second == null ? 0 : second);
                case "VARCHAR", "CHARACTER VARYING", "TEXT", "STRING" -> first == null ? VARCHAR : VarcharType.varchar(first);
                case "CHAR", "CHARACTER", "BPCHAR" -> VarcharType.character(first == null ? 1 : first);
                case "BLOB", "BYTEA", "VARBINARY", "BINARY", "BYTES" -> BLOB;
                case "DATE" -> DATE;
                case "TIMESTAMP", "DATETIME", "TIMESTAMP WITHOUT TIME ZONE" -> TIMESTAMP;
                case "INTERVAL" -> INTERVAL;
                case "NULL" -> NULL;
                default -> throw unknown(text);
            };
        }
        catch (IllegalArgumentException e) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid type " + text + ": " + e.getMessage());
        }
    }

    /**
     * The SQL type of an Arrow type that carries no Basalt metadata. Only the fixed physical representations
     * are accepted (see {@link DataType}): anything else would be read with the wrong vector class.
     */
    public static DataType fromArrow(ArrowType arrowType)
    {
        return switch (arrowType) {
            case ArrowType.Bool b -> BOOLEAN;
            case ArrowType.Int i when i.getIsSigned() && i.getBitWidth() == 16 -> SMALLINT;
            case ArrowType.Int i when i.getIsSigned() && i.getBitWidth() == 32 -> INTEGER;
            case ArrowType.Int i when i.getIsSigned() && i.getBitWidth() == 64 -> BIGINT;
            case ArrowType.FloatingPoint f when f.getPrecision() == FloatingPointPrecision.SINGLE -> REAL;
            case ArrowType.FloatingPoint f when f.getPrecision() == FloatingPointPrecision.DOUBLE -> DOUBLE;
            // Short decimals are BigIntVectors; a 128-bit vector is only DECIMAL when the precision is long.
            case ArrowType.Decimal d when d.getBitWidth() == 128 && d.getPrecision() > DecimalType.MAX_SHORT_PRECISION
                    && d.getPrecision() <= DecimalType.MAX_PRECISION && d.getScale() >= 0 && d.getScale() <= d.getPrecision() ->
                    DecimalType.of(d.getPrecision(), d.getScale());
            case ArrowType.Utf8 u -> VARCHAR;
            case ArrowType.Binary b -> BLOB;
            case ArrowType.Date d when d.getUnit() == DateUnit.DAY -> DATE;
            case ArrowType.Timestamp t when t.getUnit() == TimeUnit.MICROSECOND && t.getTimezone() == null -> TIMESTAMP;
            case ArrowType.Interval i when i.getUnit() == IntervalUnit.MONTH_DAY_NANO -> INTERVAL;
            case ArrowType.Null n -> NULL;
            default -> throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "unsupported Arrow type " + arrowType);
        };
    }

    private static BasaltException unknown(String text)
    {
        return new BasaltException(ErrorCode.UNDEFINED_OBJECT, "type \"" + text + "\" does not exist");
    }
}
