package dev.cairn.migrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.migrations.Dialect;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<String> split(Dialect dialect, String script) {
        return StatementSplitter.forDialect(dialect).split(script).stream().map(SqlStatement::sql).toList();
    }

    @Nested
    class Common {
        @Test
        void splitsAtSemicolonsAndDropsEmptyStatements() {
            assertThat(split(Dialect.H2, "SELECT 1;; SELECT 2;\n;")).containsExactly("SELECT 1", "SELECT 2");
        }

        @Test
        void keepsTheLastStatementWithoutSemicolon() {
            assertThat(split(Dialect.SQLITE, "SELECT 1; SELECT 2")).containsExactly("SELECT 1", "SELECT 2");
        }

        @Test
        void ignoresSemicolonsInLineAndBlockComments() {
            assertThat(split(Dialect.H2, "-- a; b\nSELECT 1 /* c; d */ FROM t; SELECT 2 -- e;\n;"))
                    .containsExactly("SELECT 1 /* c; d */ FROM t", "SELECT 2 -- e;");
        }

        @Test
        void commentOnlyScriptHasNoStatements() {
            assertThat(split(Dialect.POSTGRESQL, "-- nothing; here\n/* nor; here */\n")).isEmpty();
        }

        @Test
        void ignoresSemicolonsInStringsWithDoubledQuotes() {
            assertThat(split(Dialect.SQLITE, "INSERT INTO t VALUES ('it''s; fine');SELECT 2"))
                    .containsExactly("INSERT INTO t VALUES ('it''s; fine')", "SELECT 2");
        }

        @Test
        void ignoresSemicolonsInDoubleQuotedIdentifiers() {
            assertThat(split(Dialect.POSTGRESQL, "CREATE TABLE \"a;\"\"b\" (id int); SELECT 1"))
                    .containsExactly("CREATE TABLE \"a;\"\"b\" (id int)", "SELECT 1");
        }

        @Test
        void reportsNumberAndStartLineOfEachStatement() {
            List<SqlStatement> statements = StatementSplitter.forDialect(Dialect.H2)
                    .split("-- header\n\nSELECT 1;\n/* x\n y */\nSELECT\n  2;");

            assertThat(statements).extracting(SqlStatement::number, SqlStatement::line, SqlStatement::firstLine)
                    .containsExactly(Tuple.tuple(1, 3, "SELECT 1"),
                            Tuple.tuple(2, 6, "SELECT"));
        }
    }

    @Nested
    class Postgres {
        @Test
        void copyFromStdinTakesItsDataLinesUpToTheEndLineExactly() {
            List<SqlStatement> statements = StatementSplitter.forDialect(Dialect.POSTGRESQL).split(
                    "COPY t (a, b) FROM stdin;\n1\ta;b\\t'x'\n2\t$$ -- ü\n\\.\nSELECT 1;\n");

            assertThat(statements).extracting(SqlStatement::kind)
                    .containsExactly(SqlStatement.Kind.COPY_IN, SqlStatement.Kind.SQL);
            assertThat(statements.get(0).copyData()).isEqualTo("1\ta;b\\t'x'\n2\t$$ -- ü\n");
            assertThat(statements.get(1)).extracting(SqlStatement::sql, SqlStatement::line).containsExactly("SELECT 1", 5);
        }

        @Test
        void backslashLineAtAStatementStartIsAMetaCommandButNotInsideAString() {
            List<SqlStatement> statements = StatementSplitter.forDialect(Dialect.POSTGRESQL).split(
                    "\\restrict abc\nINSERT INTO t VALUES ('x\n\\. y');\n\\unrestrict abc\n");

            assertThat(statements).extracting(SqlStatement::kind, SqlStatement::sql).containsExactly(
                    Tuple.tuple(SqlStatement.Kind.META, "\\restrict abc"),
                    Tuple.tuple(SqlStatement.Kind.SQL, "INSERT INTO t VALUES ('x\n\\. y')"),
                    Tuple.tuple(SqlStatement.Kind.META, "\\unrestrict abc"));
        }

        @Test
        void keepsDollarQuotedBodiesWhole() {
            String function = "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql";

            assertThat(split(Dialect.POSTGRESQL, function + ";\nSELECT f();")).containsExactly(function, "SELECT f()");
        }

        @Test
        void keepsTaggedDollarQuotesWithNestedPlainOnes() {
            String function = "CREATE FUNCTION g() RETURNS text AS $body$ SELECT $$a;b$$; $body$ LANGUAGE sql";

            assertThat(split(Dialect.POSTGRESQL, function + "; SELECT 1")).containsExactly(function, "SELECT 1");
        }

        @Test
        void positionalParametersAreNoDollarQuotes() {
            assertThat(split(Dialect.POSTGRESQL, "PREPARE p AS SELECT $1; SELECT 2"))
                    .containsExactly("PREPARE p AS SELECT $1", "SELECT 2");
        }

        @Test
        void handlesBackslashEscapesInEStrings() {
            assertThat(split(Dialect.POSTGRESQL, "SELECT E'a\\';b'; SELECT 'c\\'; SELECT 3"))
                    .containsExactly("SELECT E'a\\';b'", "SELECT 'c\\'", "SELECT 3");
        }

        @Test
        void handlesNestedBlockComments() {
            assertThat(split(Dialect.POSTGRESQL, "/* a /* b; */ c; */ SELECT 1; SELECT 2"))
                    .containsExactly("SELECT 1", "SELECT 2");
        }

        @Test
        void keepsBeginAtomicBodiesWhole() {
            String function = "CREATE FUNCTION h(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN a > 0"
                    + " THEN 1 ELSE 0 END; SELECT 2; END";

            assertThat(split(Dialect.POSTGRESQL, function + "; SELECT 9")).containsExactly(function, "SELECT 9");
        }

        @Test
        void transactionBlocksInPlainScriptsStillSplit() {
            assertThat(split(Dialect.POSTGRESQL, "BEGIN; SELECT 1; END;")).containsExactly("BEGIN", "SELECT 1", "END");
        }
    }

    @Nested
    class Sqlite {
        @Test
        void keepsTriggerBodiesWhole() {
            String trigger = "CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); UPDATE c SET x = 1; END";

            assertThat(split(Dialect.SQLITE, trigger + ";\nSELECT 1;")).containsExactly(trigger, "SELECT 1");
        }

        @Test
        void caseInsideTriggerBodiesDoesNotEndThem() {
            String trigger = "CREATE TEMP TRIGGER IF NOT EXISTS t BEFORE UPDATE ON a WHEN CASE WHEN 1 THEN 1 END BEGIN"
                    + " UPDATE b SET v = CASE WHEN new.x > 0 THEN 'p;' ELSE 'n' END; SELECT RAISE(ABORT, 'no;');\nEND";

            assertThat(split(Dialect.SQLITE, trigger + "; SELECT 2")).containsExactly(trigger, "SELECT 2");
        }

        @Test
        void ignoresSemicolonsInBacktickAndBracketIdentifiers() {
            assertThat(split(Dialect.SQLITE, "CREATE TABLE `a;b` ([c;d] INT); SELECT 1"))
                    .containsExactly("CREATE TABLE `a;b` ([c;d] INT)", "SELECT 1");
        }

        @Test
        void dollarSignsAreNoQuotesOnSqlite() {
            assertThat(split(Dialect.SQLITE, "SELECT $$; SELECT 2")).containsExactly("SELECT $$", "SELECT 2");
        }
    }
}
