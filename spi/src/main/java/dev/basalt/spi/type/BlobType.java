package dev.basalt.spi.type;

import org.apache.arrow.vector.types.pojo.ArrowType;

/** The SQL type BLOB (aliases BYTEA, VARBINARY, BINARY, BYTES): a byte string, compared unsigned byte by byte. */
public record BlobType() implements DataType
{
    public static final BlobType BLOB = new BlobType();
    private static final ArrowType ARROW_TYPE = new ArrowType.Binary();

    @Override
    public String sqlName()
    {
        return "BLOB";
    }

    @Override
    public ArrowType arrowType()
    {
        return ARROW_TYPE;
    }

    @Override
    public int jdbcType()
    {
        return java.sql.Types.VARBINARY;
    }

    @Override
    public String toString()
    {
        return sqlName();
    }
}
