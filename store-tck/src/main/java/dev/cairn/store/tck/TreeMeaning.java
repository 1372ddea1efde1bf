package dev.cairn.store.tck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a node file of a ToDoWrite tree says, as its owner would judge two files equal: the id, layer, title,
 * description, owner and command, and its labels and each side of its links as sets. Fields Cairn adds on export
 * (status, progress and dates it fills in) are left out. A value.
 */
record TreeMeaning(String id, String layer, String title, String description, String owner, Set<String> labels,
        Set<String> parents, Set<String> children, JsonNode command) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static TreeMeaning of(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            JsonNode metadata = node.path("metadata");
            return new TreeMeaning(node.path("id").asText(), node.path("layer").asText(), node.path("title").asText(),
                    node.path("description").asText().strip(), metadata.path("owner").asText(null),
                    new TreeSet<>(texts(metadata.path("labels"))), new TreeSet<>(texts(node.path("links").path("parents"))),
                    new TreeSet<>(texts(node.path("links").path("children"))), node.path("command"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode list) {
        return list.isArray() ? java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .map(JsonNode::asText).toList() : List.of();
    }
}
