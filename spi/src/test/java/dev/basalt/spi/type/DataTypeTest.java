package dev.basalt.spi.type;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataTypeTest
{
    /** Every type, with its SQL name, JDBC code and physical vector class. */
    static Stream<Arguments> types()
    {
        return Stream.of(
                Arguments.of(DataTypes.BOOLEAN, "BOOLEAN", Types.BOOLEAN, BitVector.class),
                Arguments.of(DataTypes.SMALLINT, "SMALLINT", Types.SMALLINT, SmallIntVector.class),
                Arguments.of(DataTypes.INTEGER, "INTEGER", Types.INTEGER, IntVector.class),
                Arguments.of(DataTypes.BIGINT, "BIGINT", Types.BIGINT, BigIntVector.class),
                Arguments.of(DataTypes.REAL, "REAL", Types.REAL, Float4Vector.class),
                Arguments.of(DataTypes.DOUBLE, "DOUBLE", Types.DOUBLE, Float8Vector.class),
                Arguments.of(DecimalType.of(1, 0), "DECIMAL(1,0)", Types.DECIMAL, BigIntVector.class),
                Arguments.of(DecimalType.of(15, 2), "DECIMAL(15,2)", Types.DECIMAL, BigIntVector.class),
                Arguments.of(DecimalType.of(18, 18), "DECIMAL(18,18)", Types.DECIMAL, BigIntVector.class),
                Arguments.of(DecimalType.of(19, 0), "DECIMAL(19,0)", Types.DECIMAL, DecimalVector.class),
                Arguments.of(DecimalType.of(38, 10), "DECIMAL(38,10)", Types.DECIMAL, DecimalVector.class),
                Arguments.of(DataTypes.VARCHAR, "VARCHAR", Types.VARCHAR, VarCharVector.class),
                Arguments.of(VarcharType.varchar(40), "VARCHAR(40)", Types.VARCHAR, VarCharVector.class),
                Arguments.of(VarcharType.character(25), "CHAR(25)", Types.CHAR, VarCharVector.class),
                Arguments.of(DataTypes.DATE, "DATE", Types.DATE, DateDayVector.class),
                Arguments.of(DataTypes.TIMESTAMP, "TIMESTAMP", Types.TIMESTAMP, TimeStampMicroVector.class),
                Arguments.of(DataTypes.INTERVAL, "INTERVAL", Types.OTHER, IntervalMonthDayNanoVector.class),
                Arguments.of(DataTypes.NULL, "NULL", Types.NULL, NullVector.class));
    }

    @ParameterizedTest
    @MethodSource("types")
    void sqlNameAndJdbcType(DataType type, String sqlName, int jdbcType, Class<?> vectorClass)
    {
        assertEquals(sqlName, type.sqlName());
        assertEquals(sqlName, type.toString());
        assertEquals(jdbcType, type.jdbcType());
        // The SQL name parses back to the same type (DESCRIBE output is valid DDL).
        assertEquals(type, DataTypes.parse(sqlName));
    }

    @ParameterizedTest
    @MethodSource("types")
    void toFieldRecordsTheTypeAndFromFieldReadsItBack(DataType type, String sqlName, int jdbcType, Class<?> vectorClass)
            throws java.io.IOException
    {
        Field nullable = type.toField("col", true);
        assertEquals("col", nullable.getName());
        assertTrue(nullable.isNullable());
        assertEquals(type.arrowType(), nullable.getType());
        assertEquals(sqlName, nullable.getMetadata().get(DataType.SQL_TYPE_METADATA_KEY));
        assertEquals(type, DataType.fromField(nullable));

        Field required = type.toField("other", false);
        assertFalse(required.isNullable());
        assertEquals(type, DataType.fromField(required));

        // The metadata survives a schema serialization round trip.
        Schema schema = Schema.fromJSON(new Schema(List.of(nullable)).toJson());
        assertEquals(type, DataType.fromField(schema.getFields().getFirst()));
    }

    @ParameterizedTest
    @MethodSource("types")
    void toFieldCreatesThePhysicalVector(DataType type, String sqlName, int jdbcType, Class<?> vectorClass)
    {
        try (BufferAllocator allocator = new RootAllocator();
                FieldVector vector = (FieldVector) type.toField("v", true).createVector(allocator)) {
            assertInstanceOf(vectorClass, vector);
            assertEquals(type, DataType.fromField(vector.getField()));
        }
    }

    @Test
    void fromFieldWithoutMetadataFallsBackToArrowType()
    {
        assertEquals(DataTypes.INTEGER, DataType.fromField(Field.nullable("x", DataTypes.INTEGER.arrowType())));
        assertEquals(DecimalType.of(20, 3), DataType.fromField(Field.nullable("x", DecimalType.of(20, 3).arrowType())));
        // A short DECIMAL is physically a BIGINT: without metadata its scale is lost.
        assertEquals(DataTypes.BIGINT, DataType.fromField(Field.nullable("x", DecimalType.of(15, 2).arrowType())));
        Field otherMetadata = new Field("x", new FieldType(true, DataTypes.DATE.arrowType(), null, Map.of("k", "v")), null);
        assertEquals(DataTypes.DATE, DataType.fromField(otherMetadata));
        // CHAR(n) vs VARCHAR(n) only survives through metadata.
        assertEquals(DataTypes.VARCHAR, DataType.fromField(Field.nullable("x", VarcharType.character(3).arrowType())));
    }

    @Test
    void decimalIsShortUpToEighteenDigits()
    {
        assertTrue(DecimalType.of(1, 0).isShort());
        assertTrue(DecimalType.of(18, 0).isShort());
        assertTrue(DecimalType.of(18, 18).isShort());
        assertFalse(DecimalType.of(19, 0).isShort());
        assertFalse(DecimalType.of(38, 38).isShort());
        assertEquals(new org.apache.arrow.vector.types.pojo.ArrowType.Int(64, true), DecimalType.of(18, 2).arrowType());
        assertEquals(new org.apache.arrow.vector.types.pojo.ArrowType.Decimal(19, 2, 128), DecimalType.of(19, 2).arrowType());
    }

    @Test
    void decimalRejectsBadPrecisionAndScale()
    {
        assertThrows(IllegalArgumentException.class, () -> DecimalType.of(0, 0));
        assertThrows(IllegalArgumentException.class, () -> DecimalType.of(39, 0));
        assertThrows(IllegalArgumentException.class, () -> DecimalType.of(5, 6));
        assertThrows(IllegalArgumentException.class, () -> DecimalType.of(5, -1));
        assertEquals(38, DecimalType.of(38, 38).precision());
    }

    @Test
    void varcharLengths()
    {
        assertFalse(DataTypes.VARCHAR.isBounded());
        assertTrue(VarcharType.varchar(1).isBounded());
        assertEquals(7, VarcharType.character(7).length());
        assertTrue(VarcharType.character(7).fixedLength());
        assertThrows(IllegalArgumentException.class, () -> VarcharType.varchar(0));
        assertThrows(IllegalArgumentException.class, () -> new VarcharType(-2, false));
    }

    @Test
    void classification()
    {
        for (DataType numeric : List.of(DataTypes.SMALLINT, DataTypes.INTEGER, DataTypes.BIGINT, DataTypes.REAL, DataTypes.DOUBLE, DecimalType.of(10, 2))) {
            assertTrue(numeric.isNumeric(), numeric.sqlName());
            assertFalse(numeric.isString(), numeric.sqlName());
        }
        for (DataType other : List.of(DataTypes.BOOLEAN, DataTypes.VARCHAR, DataTypes.DATE, DataTypes.TIMESTAMP, DataTypes.INTERVAL, DataTypes.NULL)) {
            assertFalse(other.isNumeric(), other.sqlName());
            assertFalse(other.isIntegral(), other.sqlName());
        }
        assertTrue(DataTypes.BIGINT.isIntegral());
        assertFalse(DataTypes.DOUBLE.isIntegral());
        assertFalse(DecimalType.of(10, 0).isIntegral());
        assertTrue(VarcharType.character(3).isString());
    }
}
