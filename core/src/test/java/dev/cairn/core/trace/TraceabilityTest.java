package dev.cairn.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceabilityTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path folder;

    private static Node node(String id, Layer layer, String title) {
        return Node.builder(id, layer).title(title).createdAt(AT).updatedAt(AT).build();
    }

    @Test
    void csvFieldsAreQuotedOnlyWhereTheyMustBe() {
        assertThat(Traceability.Csv.field("plain <text> & more")).isEqualTo("plain <text> & more");
        assertThat(Traceability.Csv.field("a, b")).isEqualTo("\"a, b\"");
        assertThat(Traceability.Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Traceability.Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Traceability.Csv.field("")).isEmpty();
    }

    @Test
    void aLinkWhoseEndIsMissingIsWrittenAsInvalid() throws IOException {
        Traceability trace = Traceability.of(List.of(node("TSK-A", Layer.TASK, "A")),
                List.of(new Link("GOAL-GONE", "TSK-A"), new Link("TSK-A", "CMD-GONE")));
        StringWriter csv = new StringWriter();

        trace.writeCsv(csv);

        assertThat(csv.toString()).isEqualTo(String.join("\r\n",
                Traceability.CSV_HEADER,
                "TSK-A,Task,A,CMD-GONE,,,parent_to_child,False",
                "GOAL-GONE,,,TSK-A,Task,A,child_to_parent,False",
                ""));
    }

    @Test
    void filesAreWrittenInUtf8IntoFoldersMadeForThem() throws IOException {
        Traceability trace = Traceability.of(List.of(node("GOAL-U", Layer.GOAL, "Grüße")), List.of());
        Path csv = folder.resolve("trace/trace.csv");
        Path json = folder.resolve("trace/graph.json");

        trace.writeCsv(csv);
        trace.writeGraphJson(json);

        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).endsWith("GOAL-U,Goal,Grüße,,,,leaf,True\r\n");
        assertThat(Files.readString(json, StandardCharsets.UTF_8)).contains("\"title\": \"Grüße\"")
                .contains("\"missing_references\": []").endsWith("}\n");
    }

    @Test
    void theLayoutOfToDoWrite02HasAParentOfRowThenAChildOfRowForEachLinkAndNoLeafRows() throws IOException {
        Traceability trace = Traceability.of(List.of(node("GOAL-A", Layer.GOAL, "Ship, soon"),
                node("TSK-B", Layer.TASK, "B"), node("TSK-C", Layer.TASK, "C"), node("TSK-LONE", Layer.TASK, "L")),
                List.of(new Link("GOAL-A", "TSK-C"), new Link("GOAL-A", "TSK-B"), new Link("TSK-B", "CMD-GONE")));
        StringWriter csv = new StringWriter();

        trace.writeCsv(csv, Traceability.CsvLayout.TODOWRITE_0_2);

        assertThat(csv.toString()).isEqualTo(String.join("\r\n",
                "source_id,source_layer,source_title,target_id,target_layer,target_title,relationship,depth",
                "GOAL-A,Goal,\"Ship, soon\",TSK-B,Task,B,parent_of,1",
                "GOAL-A,Goal,\"Ship, soon\",TSK-C,Task,C,parent_of,1",
                "TSK-B,Task,B,CMD-GONE,,,parent_of,1",
                "TSK-B,Task,B,GOAL-A,Goal,\"Ship, soon\",child_of,1",
                "TSK-C,Task,C,GOAL-A,Goal,\"Ship, soon\",child_of,1",
                "CMD-GONE,,,TSK-B,Task,B,child_of,1",
                ""));
        StringWriter old = new StringWriter();
        trace.writeCsv(old, Traceability.CsvLayout.TODOWRITE_0_1_5);
        StringWriter byDefault = new StringWriter();
        trace.writeCsv(byDefault);
        assertThat(old.toString()).isEqualTo(byDefault.toString()).startsWith(Traceability.CSV_HEADER + "\r\n");
    }
}
