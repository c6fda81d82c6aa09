package dev.basalt.parser.tree;

/** A scalar SQL expression. */
public sealed interface Expression extends Node
        permits Literal,
                ColumnReference,
                Parameter,
                ArithmeticBinary,
                ArithmeticUnary,
                Comparison,
                Logical,
                Not,
                IsNull,
                IsNotNull,
                Between,
                InList,
                InSubquery,
                Exists,
                ScalarSubquery,
                QuantifiedComparison,
                Like,
                Concat,
                SimpleCase,
                SearchedCase,
                Cast,
                Extract,
                FunctionCall,
                Substring,
                Position,
                Trim,
                DefaultValue
{
}
