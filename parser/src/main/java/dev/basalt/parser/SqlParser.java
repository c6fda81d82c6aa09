package dev.basalt.parser;

import dev.basalt.parser.antlr4.BasaltSqlLexer;
import dev.basalt.parser.antlr4.BasaltSqlParser;
import dev.basalt.parser.tree.Expression;
import dev.basalt.parser.tree.Statement;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * SQL text to AST. Stateless and thread-safe: every call builds its own lexer and parser (ANTLR's shared DFA cache
 * is synchronized internally). Tries fast SLL prediction first and falls back to full LL only when SLL fails,
 * which is also the only pass that reports errors.
 */
public final class SqlParser
{
    public SqlParser() {}

    /** Parses exactly one statement; a trailing {@code ;} is allowed. */
    public Statement parse(String sql)
    {
        return invoke(sql, BasaltSqlParser::singleStatement,
                (builder, context) -> builder.statement(((BasaltSqlParser.SingleStatementContext) context).statement()));
    }

    /** Parses a {@code ;}-separated script; empty statements are skipped. */
    public List<Statement> parseAll(String script)
    {
        return invoke(script, BasaltSqlParser::statementList, (builder, context) -> {
            List<Statement> statements = new ArrayList<>();
            for (BasaltSqlParser.StatementContext statement : ((BasaltSqlParser.StatementListContext) context).statement()) {
                statements.add(builder.statement(statement));
            }
            return List.copyOf(statements);
        });
    }

    /** Parses a single scalar expression. */
    public Expression parseExpression(String sql)
    {
        return invoke(sql, BasaltSqlParser::standaloneExpression,
                (builder, context) -> builder.expression(((BasaltSqlParser.StandaloneExpressionContext) context).expression()));
    }

    /**
     * Splits a script at the {@code ;} that end statements (not those in strings, quoted identifiers or comments).
     * Returns the trimmed statements without their {@code ;}; a trailing unterminated statement is included.
     */
    public static List<String> splitStatements(String script)
    {
        return StatementSplitter.split(requireNonNull(script, "script is null"));
    }

    /** True when the buffer ends with a statement-terminating {@code ;} (the shell's "run it now" test). */
    public static boolean isComplete(String buffer)
    {
        return StatementSplitter.isComplete(requireNonNull(buffer, "buffer is null"));
    }

    private static <T> T invoke(String sql, Function<BasaltSqlParser, ParserRuleContext> rule, BiFunction<AstBuilder, ParserRuleContext, T> build)
    {
        requireNonNull(sql, "sql is null");
        try {
            BasaltSqlLexer lexer = new BasaltSqlLexer(CharStreams.fromString(sql));
            lexer.removeErrorListeners();
            lexer.addErrorListener(SyntaxErrorListener.INSTANCE);
            CommonTokenStream tokens = new CommonTokenStream(lexer);
            BasaltSqlParser parser = new BasaltSqlParser(tokens);
            parser.removeErrorListeners();

            ParserRuleContext tree;
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            try {
                tree = rule.apply(parser);
            }
            catch (ParseCancellationException e) {
                // SLL failed: either a real error or a decision that needs full context; retry with LL
                tokens.seek(0);
                parser.reset();
                parser.addErrorListener(SyntaxErrorListener.INSTANCE);
                parser.setErrorHandler(new DefaultErrorStrategy());
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                tree = rule.apply(parser);
            }
            return build.apply(new AstBuilder(tokens), tree);
        }
        catch (StackOverflowError e) {
            throw new BasaltException(ErrorCode.SYNTAX_ERROR, "statement is too deeply nested to parse", e);
        }
    }
}
