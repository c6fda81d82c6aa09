package dev.basalt.spi.type;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataTypesTest
{
    static Stream<Arguments> spellings()
    {
        return Stream.of(
                Arguments.of("BOOLEAN", DataTypes.BOOLEAN),
                Arguments.of("BOOL", DataTypes.BOOLEAN),
                Arguments.of("SMALLINT", DataTypes.SMALLINT),
                Arguments.of("INT2", DataTypes.SMALLINT),
                Arguments.of("SHORT", DataTypes.SMALLINT),
                Arguments.of("INTEGER", DataTypes.INTEGER),
                Arguments.of("INT", DataTypes.INTEGER),
                Arguments.of("INT4", DataTypes.INTEGER),
                Arguments.of("SIGNED", DataTypes.INTEGER),
                Arguments.of("BIGINT", DataTypes.BIGINT),
                Arguments.of("INT8", DataTypes.BIGINT),
                Arguments.of("LONG", DataTypes.BIGINT),
                Arguments.of("REAL", DataTypes.REAL),
                Arguments.of("FLOAT4", DataTypes.REAL),
                Arguments.of("DOUBLE", DataTypes.DOUBLE),
                Arguments.of("DOUBLE PRECISION", DataTypes.DOUBLE),
                Arguments.of("FLOAT", DataTypes.DOUBLE),
                Arguments.of("FLOAT8", DataTypes.DOUBLE),
                Arguments.of("DECIMAL", DecimalType.of(18, 3)),
                Arguments.of("NUMERIC", DecimalType.of(18, 3)),
                Arguments.of("DECIMAL(15,2)", DecimalType.of(15, 2)),
                Arguments.of("DECIMAL(10)", DecimalType.of(10, 0)),
                Arguments.of("DEC(7,7)", DecimalType.of(7, 7)),
                Arguments.of("NUMERIC(38,10)", DecimalType.of(38, 10)),
                Arguments.of("DECIMAL(1,0)", DecimalType.of(1, 0)),
                Arguments.of("CHAR(25)", VarcharType.character(25)),
                Arguments.of("CHAR", VarcharType.character(1)),
                Arguments.of("CHARACTER(3)", VarcharType.character(3)),
                Arguments.of("BPCHAR(2)", VarcharType.character(2)),
                Arguments.of("VARCHAR", DataTypes.VARCHAR),
                Arguments.of("VARCHAR(10)", VarcharType.varchar(10)),
                Arguments.of("CHARACTER VARYING(40)", VarcharType.varchar(40)),
                Arguments.of("CHARACTER VARYING", DataTypes.VARCHAR),
                Arguments.of("TEXT", DataTypes.VARCHAR),
                Arguments.of("BLOB", DataTypes.BLOB),
                Arguments.of("bytea", DataTypes.BLOB),
                Arguments.of("VARBINARY", DataTypes.BLOB),
                Arguments.of("BINARY", DataTypes.BLOB),
                Arguments.of("BYTES", DataTypes.BLOB),
                Arguments.of("STRING", DataTypes.VARCHAR),
                Arguments.of("DATE", DataTypes.DATE),
                Arguments.of("TIMESTAMP", DataTypes.TIMESTAMP),
                Arguments.of("DATETIME", DataTypes.TIMESTAMP),
                Arguments.of("TIMESTAMP WITHOUT TIME ZONE", DataTypes.TIMESTAMP),
                Arguments.of("INTERVAL", DataTypes.INTERVAL),
                Arguments.of("NULL", DataTypes.NULL));
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void parsesEverySpelling(String text, DataType expected)
    {
        assertEquals(expected, DataTypes.parse(text));
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void parsingIsCaseInsensitiveAndIgnoresSurroundingWhitespace(String text, DataType expected)
    {
        assertEquals(expected, DataTypes.parse("  " + text.toLowerCase() + "\t"));
    }

    @Test
    void parsingToleratesInnerWhitespace()
    {
        assertEquals(DecimalType.of(15, 2), DataTypes.parse(" decimal ( 15 , 2 ) "));
        assertEquals(DecimalType.of(15, 2), DataTypes.parse("Numeric(15,\n2)"));
        assertEquals(DataTypes.DOUBLE, DataTypes.parse("double\t  precision"));
        assertEquals(VarcharType.varchar(40), DataTypes.parse("Character   Varying (40)"));
        assertEquals(DataTypes.TIMESTAMP, DataTypes.parse("timestamp\n without   time zone"));
        assertEquals(VarcharType.character(5), DataTypes.parse("char (5)"));
    }

    @Test
    void decimalShortBoundary()
    {
        assertTrue(DataTypes.parse("DECIMAL(18,2)") instanceof DecimalType d && d.isShort());
        assertTrue(DataTypes.parse("DECIMAL(19,2)") instanceof DecimalType d && !d.isShort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "", "   ", "INTEGR", "DECIMAL(15,2", "DECIMAL 15,2)", "DECIMAL(a)", "DECIMAL(1,2,3)",
            "TIMESTAMP WITH TIME ZONE", "INT[]", "VARCHAR2", "DOUBLEPRECISION", "(10)", "DECIMAL(-1)"})
    void unknownTypesAreUndefinedObjects(String text)
    {
        BasaltException e = assertThrows(BasaltException.class, () -> DataTypes.parse(text));
        assertEquals(ErrorCode.UNDEFINED_OBJECT, e.code());
        assertEquals("42704", e.sqlState());
        assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DECIMAL(39,0)", "DECIMAL(5,6)", "DECIMAL(0)", "NUMERIC(0,0)", "VARCHAR(0)", "CHAR(0)",
            "DECIMAL(99999999999)", "VARCHAR(4294967296)", "DECIMAL(10,99999999999)"})
    void outOfRangeArgumentsAreInvalidParameterValues(String text)
    {
        BasaltException e = assertThrows(BasaltException.class, () -> DataTypes.parse(text));
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    static Stream<Arguments> arrowTypes()
    {
        return Stream.of(
                Arguments.of(new ArrowType.Bool(), DataTypes.BOOLEAN),
                Arguments.of(new ArrowType.Int(16, true), DataTypes.SMALLINT),
                Arguments.of(new ArrowType.Int(32, true), DataTypes.INTEGER),
                Arguments.of(new ArrowType.Int(64, true), DataTypes.BIGINT),
                Arguments.of(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), DataTypes.REAL),
                Arguments.of(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), DataTypes.DOUBLE),
                Arguments.of(new ArrowType.Decimal(20, 4, 128), DecimalType.of(20, 4)),
                Arguments.of(new ArrowType.Decimal(38, 0, 128), DecimalType.of(38, 0)),
                Arguments.of(new ArrowType.Utf8(), DataTypes.VARCHAR),
                Arguments.of(new ArrowType.Binary(), DataTypes.BLOB),
                Arguments.of(new ArrowType.Date(DateUnit.DAY), DataTypes.DATE),
                Arguments.of(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), DataTypes.TIMESTAMP),
                Arguments.of(new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO), DataTypes.INTERVAL),
                Arguments.of(new ArrowType.Null(), DataTypes.NULL));
    }

    @ParameterizedTest
    @MethodSource("arrowTypes")
    void fromArrowMapsThePhysicalRepresentations(ArrowType arrowType, DataType expected)
    {
        assertEquals(expected, DataTypes.fromArrow(arrowType));
        // Whatever fromArrow returns must use exactly that physical representation.
        assertEquals(arrowType, expected.arrowType());
    }

    static Stream<ArrowType> foreignArrowTypes()
    {
        return Stream.of(
                new ArrowType.Int(8, true),
                new ArrowType.Int(32, false),
                new ArrowType.Int(64, false),
                new ArrowType.FloatingPoint(FloatingPointPrecision.HALF),
                new ArrowType.Decimal(10, 2, 128),
                new ArrowType.Decimal(40, 2, 256),
                new ArrowType.Date(DateUnit.MILLISECOND),
                new ArrowType.Timestamp(TimeUnit.MILLISECOND, null),
                new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"),
                new ArrowType.Interval(IntervalUnit.YEAR_MONTH),
                new ArrowType.Interval(IntervalUnit.DAY_TIME),
                new ArrowType.LargeUtf8(),
                new ArrowType.LargeBinary());
    }

    @ParameterizedTest
    @MethodSource("foreignArrowTypes")
    void fromArrowRejectsRepresentationsBasaltCannotRead(ArrowType arrowType)
    {
        BasaltException e = assertThrows(BasaltException.class, () -> DataTypes.fromArrow(arrowType));
        assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, e.code());
    }
}
