package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

final class TableTest {
    @Test
    void alignsColumnsAndLeavesNoTrailingBlanks() {
        Table table = new Table("ID", "N", "TITLE").alignRight(1);
        table.row("A", 7, "First\nline");
        table.row("LONGER", 100, null);
        StringWriter text = new StringWriter();
        table.print(new PrintWriter(text));
        assertThat(text.toString()).isEqualTo("""
                ID        N  TITLE
                A         7  First line
                LONGER  100
                """);
    }
}
