package dev.basalt.parser.tree;

import dev.basalt.spi.value.Blobs;

import static java.util.Objects.requireNonNull;

/**
 * A hex byte string {@code X'4142'} (a BLOB). Kept as its upper-case hex digits, an even count checked by the
 * parser, so the node stays immutable and compares by value.
 */
public record BinaryLiteral(NodeLocation location, String hex) implements Literal
{
    public BinaryLiteral
    {
        requireNonNull(location, "location is null");
        requireNonNull(hex, "hex is null");
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + hex);
        }
    }

    /** A fresh copy of the bytes. */
    public byte[] bytes()
    {
        return Blobs.fromHex(hex, "X'" + hex + "'");
    }
}
