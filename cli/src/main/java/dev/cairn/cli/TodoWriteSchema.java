package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.serialization.JsonNodeReader;
import com.networknt.schema.utils.JsonNodes;
import dev.cairn.core.io.TreeFolders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A project's own ToDoWrite JSON schema, checking each node file of a tree: {@code import --schema} and
 * {@code validate --schema}. Each violation is one line, {@code plans/tasks/TSK-A.yaml:7: metadata.severity:
 * does not have a value in the enumeration [low, med, high]}, the line being where the offending value starts.
 * Not thread-safe.
 */
final class TodoWriteSchema {
    private final Path file;
    private final JsonSchema schema;
    // Location-aware nodes carry the line each value was read from, so a violation names its line.
    private final JsonNodeReader reader = JsonNodeReader.builder().locationAware().build();
    private int checked;

    private TodoWriteSchema(Path file, JsonSchema schema) {
        this.file = file;
        this.schema = schema;
    }

    /** Reads the schema; a missing file is not found (exit 3), one that is no JSON schema a usage error. */
    static TodoWriteSchema load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("no file " + file + " (--schema names the ToDoWrite JSON schema, such as "
                    + "todowrite.schema.json)");
        }
        try {
            String text = Files.readString(file);
            InputFormat format = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    ? InputFormat.JSON : InputFormat.YAML;
            return new TodoWriteSchema(file,
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text, format));
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--schema " + file + " is no JSON schema Cairn can read: "
                    + Failures.oneLine(e.getMessage()));
        }
    }

    /** How many node files the last {@link #problems(TreeFolders)} read. */
    int checked() {
        return checked;
    }

    /** Every violation in every node file of {@code tree}, in file order; empty when all pass. */
    List<String> problems(TreeFolders tree) {
        List<String> problems = new ArrayList<>();
        checked = 0;
        for (Path folder : folders(tree)) {
            if (folder == null || !Files.isDirectory(folder)) {
                continue;
            }
            for (Path node : nodeFiles(folder)) {
                checked++;
                // Named as the import names its files: from the tree, or from the folder given apart.
                Path name = tree.root() != null ? tree.root().relativize(node)
                        : folder.getFileName() == null ? node : folder.getFileName().resolve(folder.relativize(node));
                problems.addAll(problems(node, name.toString().replace('\\', '/')));
            }
        }
        return problems;
    }

    private List<String> problems(Path node, String name) {
        JsonNode read;
        try (InputStream in = Files.newInputStream(node)) {
            read = reader.readTree(in, InputFormat.YAML);
        } catch (IOException e) {
            return List.of(name + ": is no YAML the schema can check: " + Failures.oneLine(e.getMessage()));
        }
        if (read == null || read.isMissingNode()) {
            read = NullNode.getInstance();
        }
        List<String> problems = new ArrayList<>();
        List<ValidationMessage> messages = new ArrayList<>(schema.validate(read));
        messages.sort(Comparator.comparing((ValidationMessage message) -> line(message))
                .thenComparing(message -> message.getInstanceLocation().toString())
                .thenComparing(ValidationMessage::getMessage));
        for (ValidationMessage message : messages) {
            int line = line(message);
            String field = message.getInstanceLocation().toString();
            field = field.equals("$") ? "(the node)" : field.startsWith("$.") ? field.substring(2) : field;
            problems.add(name + (line > 0 ? ":" + line : "") + ": " + field + ": " + message.getError()
                    + " (schema " + file.getFileName() + ")");
        }
        return problems;
    }

    private static int line(ValidationMessage message) {
        JsonNode instance = message.getInstanceNode();
        JsonLocation location = instance == null ? null : JsonNodes.tokenLocationOf(instance);
        return location == null ? 0 : location.getLineNr();
    }

    private static List<Path> folders(TreeFolders tree) {
        List<Path> folders = new ArrayList<>();
        folders.add(tree.plans());
        folders.add(tree.commands());
        return folders;
    }

    private static List<Path> nodeFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(Files::isRegularFile).filter(path -> {
                String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
                return lower.endsWith(".yaml") || lower.endsWith(".yml");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
