package dev.basalt.parser;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConcurrentParsingTest
{
    @Test
    void oneParserServesManyThreads()
            throws Exception
    {
        SqlParser parser = new SqlParser();
        List<String> statements = List.of(
                "SELECT a, sum(b) FROM t WHERE c BETWEEN 1 AND 10 GROUP BY a ORDER BY 2 DESC LIMIT 5",
                "WITH x AS (SELECT 1 AS v) SELECT v FROM x UNION ALL SELECT 2",
                "SELECT CASE WHEN a > 1 THEN 'x' ELSE 'y' END FROM t LEFT JOIN u ON t.id = u.id",
                "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
        List<String> expected = new ArrayList<>();
        for (String statement : statements) {
            expected.add(SqlFormatter.format(parser.parse(statement)));
        }
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                results.add(executor.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        int index = round % statements.size();
                        if (!SqlFormatter.format(parser.parse(statements.get(index))).equals(expected.get(index))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertEquals(true, result.get());
            }
        }
        finally {
            executor.shutdownNow();
        }
    }
}
