package dev.basalt.spi.type;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.util.Map;

/**
 * A SQL data type. Every type has exactly one physical Arrow representation (see {@link #arrowType()}),
 * so operators can switch on the type once, outside their hot loops.
 *
 * <p>Physical representation, fixed for the whole engine:
 * <ul>
 *   <li>BOOLEAN: BitVector; SMALLINT: SmallIntVector; INTEGER: IntVector; BIGINT: BigIntVector</li>
 *   <li>REAL: Float4Vector; DOUBLE: Float8Vector</li>
 *   <li>DECIMAL(p,s) with p &lt;= 18: BigIntVector holding the unscaled value (fast path, vectorizable);
 *       p &gt; 18: DecimalVector (128-bit). The SQL type travels in the Arrow field metadata.</li>
 *   <li>VARCHAR, CHAR(n), TEXT: VarCharVector (UTF-8). CHAR is VARCHAR with a length, as in DuckDB.</li>
 *   <li>BLOB (BYTEA, VARBINARY, BINARY, BYTES): VarBinaryVector (raw bytes)</li>
 *   <li>DATE: DateDayVector (days since 1970-01-01); TIMESTAMP: TimeStampMicroVector (no time zone)</li>
 *   <li>INTERVAL: IntervalMonthDayNanoVector; NULL (the type of a bare NULL literal): NullVector</li>
 * </ul>
 */
public sealed interface DataType
        permits BooleanType, SmallintType, IntegerType, BigintType, RealType, DoubleType, DecimalType,
        VarcharType, BlobType, DateType, TimestampType, IntervalType, NullType
{
    /** Arrow field metadata key holding {@link #sqlName()}, so a schema round-trips through Arrow. */
    String SQL_TYPE_METADATA_KEY = "basalt.sql_type";

    /** The SQL spelling, e.g. {@code DECIMAL(15,2)}, as printed by DESCRIBE and the JDBC metadata. */
    String sqlName();

    /** The physical Arrow type of vectors holding this type. */
    ArrowType arrowType();

    /** The {@link java.sql.Types} code the JDBC driver reports. */
    int jdbcType();

    default boolean isNumeric()
    {
        return switch (this) {
            case SmallintType t -> true;
            case IntegerType t -> true;
            case BigintType t -> true;
            case RealType t -> true;
            case DoubleType t -> true;
            case DecimalType t -> true;
            default -> false;
        };
    }

    default boolean isIntegral()
    {
        return this instanceof SmallintType || this instanceof IntegerType || this instanceof BigintType;
    }

    default boolean isString()
    {
        return this instanceof VarcharType;
    }

    /** An Arrow field of this type, with the SQL type recorded in its metadata. */
    default Field toField(String name, boolean nullable)
    {
        FieldType fieldType = new FieldType(nullable, arrowType(), null, Map.of(SQL_TYPE_METADATA_KEY, sqlName()));
        return new Field(name, fieldType, null);
    }

    /** Reads the SQL type back from a field written by {@link #toField}. */
    static DataType fromField(Field field)
    {
        Map<String, String> metadata = field.getMetadata();
        String sqlName = metadata == null ? null : metadata.get(SQL_TYPE_METADATA_KEY);
        if (sqlName != null) {
            return DataTypes.parse(sqlName);
        }
        return DataTypes.fromArrow(field.getType());
    }
}
