package dev.basalt.engine;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataType;

import java.util.List;
import java.util.Optional;

/**
 * What is known about a statement before it runs: parameter count and types (null type when not inferable),
 * and the result columns of a query when they can be known without parameter values.
 */
public record PreparedInfo(int parameterCount, List<DataType> parameterTypes, Optional<List<Column>> resultColumns) {}
