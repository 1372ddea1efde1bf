package dev.cairn.store.tck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The 71 plan files of ToDoWrite 0.1.7.2, across all twelve layers, with the JSON schema they were written
 * against: real files that must import as they are. MIT-licensed, see {@code todowrite-0.1.7.2/LICENSE} beside
 * them. Thread-safe.
 */
public final class TodoWriteFixtures {
    /** How many node files the fixtures hold. */
    public static final int NODES = 71;

    private static final String ROOT = "todowrite-0.1.7.2/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TodoWriteFixtures() {
    }

    /**
     * Copies the node files into {@code folder} as a ToDoWrite tree ({@code plans/…}, {@code commands/…}).
     *
     * @param folder an empty folder
     * @return {@code folder}
     */
    public static Path copyTree(Path folder) {
        for (String file : files()) {
            if (file.startsWith("schemas/")) {
                continue;
            }
            Path target = folder.resolve(file);
            try (InputStream in = open(file)) {
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    /**
     * The problems ToDoWrite's schema finds in a node file; empty when it accepts it.
     *
     * @param file a ToDoWrite node file
     * @return one line a problem
     */
    public static Set<String> schemaProblems(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return schema().validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = open("schemas/todowrite.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static List<String> files() {
        try (InputStream in = open("files.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = TodoWriteFixtures.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IllegalStateException("Missing fixture " + ROOT + name + " beside " + TodoWriteFixtures.class);
        }
        return in;
    }
}
