package dev.basalt.execution.expression;

import dev.basalt.planner.expression.Function;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.value.Blobs;
import org.apache.arrow.memory.BufferAllocator;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The BLOB functions, DuckDB's semantics: OCTET_LENGTH (bytes of a BLOB or of text's UTF-8), HEX (upper-case, of a
 * BLOB or of text's UTF-8 bytes), UNHEX (an odd digit count reads as if a leading 0 were there; 22P02 for a non-hex
 * digit), ENCODE (text's UTF-8 bytes) and DECODE (22021 unless the bytes are valid UTF-8).
 */
public final class BlobFunctionEvaluator
        extends RowFunctionEvaluator
{
    private final Function function;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    public BlobFunctionEvaluator(Function function, List<Evaluator> operands, DataType type, BufferAllocator allocator)
    {
        super(operands, true, type, allocator);
        this.function = function;
    }

    @Override
    protected void compute(int p)
    {
        VarcharInput value = varcharAt(0);
        switch (function) {
            case OCTET_LENGTH -> setLong(p, value.length(p));
            case HEX -> setString(p, Blobs.toHex(value.bytes(p)));
            case UNHEX -> {
                String digits = value.string(p);
                setBytes(p, Blobs.fromHex(digits, "unhex('" + digits + "')"));
            }
            case ENCODE -> setBytes(p, value.bytes(p));
            case DECODE -> setBytes(p, validUtf8(value.bytes(p)));
            default -> throw new IllegalStateException("not a BLOB function: " + function);
        }
    }

    private byte[] validUtf8(byte[] bytes)
    {
        try {
            utf8.reset().decode(ByteBuffer.wrap(bytes));
        }
        catch (CharacterCodingException e) {
            throw new BasaltException(ErrorCode.CHARACTER_NOT_IN_REPERTOIRE,
                    "decode: the BLOB \"" + Blobs.toText(bytes) + "\" is not valid UTF-8");
        }
        return bytes;
    }
}
