package dev.cairn.core.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.RunSpec;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.WorkType;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeDigestTest {
    private static final Instant CREATED = Instant.parse("2026-03-01T09:00:00.123Z");

    private static Node command() {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("z", List.of(1, 2.5, true));
        custom.put("a", Map.of("big", new BigInteger("123456789012345678901234567890"), "none", "x"));
        custom.put("nothing", null);
        return Node.builder("CMD-1", Layer.COMMAND).title("Run \"it\"\n\\ now").status(Status.IN_PROGRESS)
                .progress(40).owner("ana").severity(Severity.HIGH).workType(WorkType.TEST).labels(Set.of("b", "a"))
                .startedAt(CREATED.plusSeconds(60)).createdAt(CREATED).updatedAt(CREATED.plusSeconds(120))
                .version(3).customFields(custom).command(new CommandSpec("AC-1", new RunSpec("make \u0001", null,
                        Map.of("Z", "1", "A", "2")), List.of("out/b", "out/a"))).build();
    }

    @Test
    void theCanonicalTextIsTheDocumentedEncoding() {
        assertThat(NodeDigest.canonical(command(), List.of("TSK-2", "AC-1"))).isEqualTo("""
                cairn-node-digest 1
                id "CMD-1"
                layer "Command"
                title "Run \\"it\\"\\u000a\\\\ now"
                description null
                status "in_progress"
                progress 40
                owner "ana"
                assignee null
                severity "high"
                workType "test"
                labels ["a","b"]
                startedAt 1772355660123
                completedAt null
                createdAt 1772355600123
                updatedAt 1772355720123
                version 3
                customFields {"a":{"big":123456789012345678901234567890,"none":"x"},"nothing":null,"z":[1,2.5,true]}
                command {"acRef":"AC-1","artifacts":["out/b","out/a"],"run":{"env":{"A":"2","Z":"1"},"shell":"make \\u0001","workdir":null}}
                parents ["AC-1","TSK-2"]
                """);
        assertThat(NodeDigest.hex(command(), List.of())).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void theDigestIgnoresTheOrderOfParentsAndLabelsButNoValue() {
        Node node = command();
        String digest = NodeDigest.hex(node, List.of("AC-1", "TSK-2"));

        assertThat(NodeDigest.hex(node, List.of("TSK-2", "AC-1"))).isEqualTo(digest);
        assertThat(NodeDigest.hex(node, List.of("AC-1"))).isNotEqualTo(digest);
        Node otherVersion = node.toBuilder().version(4).build();
        assertThat(NodeDigest.hex(otherVersion, List.of("AC-1", "TSK-2"))).isNotEqualTo(digest);
        assertThat(NodeDigest.differingFields(node, List.of("AC-1"), otherVersion, List.of("AC-1", "TSK-2")))
                .containsExactly("version", "parents");
    }
}
