package dev.cairn.migrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTextTest {

    @Test
    void whitespaceAndCommentsAreCosmetic() {
        String written = "CREATE VIEW v AS\n  SELECT a ,b,\tc -- the columns\n  FROM t /* the table */ WHERE ( a > 1 );\n";

        assertThat(SqlText.normalize(written)).isEqualTo("CREATE VIEW v AS SELECT a, b, c FROM t WHERE (a > 1)");
        assertThat(SqlText.normalize("CREATE VIEW v AS SELECT a, b, c FROM t WHERE (a > 1)"))
                .isEqualTo(SqlText.normalize(written));
    }

    @Test
    void quotedTextKeepsItsWhitespace() {
        assertThat(SqlText.normalize("SELECT 'a  --  b',  \"x  y\"  FROM [odd  name]"))
                .isEqualTo("SELECT 'a  --  b', \"x  y\" FROM [odd  name]");
    }

    @Test
    void aChangeOfMeaningIsNotNormalisedAway() {
        assertThat(SqlText.normalize("WHERE a > 1")).isNotEqualTo(SqlText.normalize("WHERE a >= 1"));
        assertThat(SqlText.normalize("SELECT 'x'")).isNotEqualTo(SqlText.normalize("SELECT 'X'"));
    }
}
