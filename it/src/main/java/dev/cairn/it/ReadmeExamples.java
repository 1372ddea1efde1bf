package dev.cairn.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the Java code blocks a README marks with {@code <!-- readme-example: Name.java -->} (the marker on its own
 * line, the {@code ```java} block right after it) and writes each, as it stands, to {@code Name.java} in a source
 * folder, so that a build compiles and runs what the README shows. A marker without its block, an unclosed block,
 * a name used twice or a README without any marker fails, naming the README's line. Not thread-safe; one run a
 * call.
 */
public final class ReadmeExamples {
    private static final Pattern MARKER = Pattern.compile("<!--\\s*readme-example:\\s*(\\S+)\\s*-->");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\.java");

    private ReadmeExamples() {
    }

    /**
     * Extracts the examples of {@code args[0]}, a README, into {@code args[1]}, a source folder.
     *
     * @param args the README and the source folder
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: ReadmeExamples README.md SOURCE-FOLDER");
        }
        Path readme = Path.of(args[0]);
        List<Path> written = extract(readme, Path.of(args[1]));
        System.out.println("Extracted " + written.size() + " example(s) from " + readme.normalize() + ": " + written);
    }

    /**
     * Writes every marked example of {@code readme} into {@code folder}, replacing files of the same names.
     *
     * @param readme the Markdown file
     * @param folder the folder the examples go to; made when missing
     * @return the files written, in the README's order
     * @throws IllegalArgumentException naming the README's line, when the markers or blocks are malformed
     */
    public static List<Path> extract(Path readme, Path folder) {
        Map<String, String> examples = examples(readme);
        try {
            Files.createDirectories(folder);
            List<Path> written = new ArrayList<>();
            for (Map.Entry<String, String> example : examples.entrySet()) {
                Path file = folder.resolve(example.getKey());
                Files.writeString(file, example.getValue(), StandardCharsets.UTF_8);
                written.add(file);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the README's examples to " + folder, e);
        }
    }

    /**
     * The marked examples of {@code readme}, by file name, in the README's order.
     *
     * @param readme the Markdown file
     * @return each example's file name and code, ending with a newline
     */
    static Map<String, String> examples(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + readme, e);
        }
        Map<String, String> examples = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i).strip());
            if (!marker.matches()) {
                continue;
            }
            String where = readme.getFileName() + ":" + (i + 1);
            String name = marker.group(1);
            if (!FILE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(where + ": readme-example '" + name
                        + "' is not the name of a Java file, such as Quickstart.java");
            }
            if (examples.containsKey(name)) {
                throw new IllegalArgumentException(where + ": readme-example '" + name + "' is marked twice");
            }
            int open = i + 1;
            while (open < lines.size() && lines.get(open).isBlank()) {
                open++;
            }
            if (open >= lines.size() || !lines.get(open).strip().equals("```java")) {
                throw new IllegalArgumentException(where + ": readme-example '" + name
                        + "' must be followed by a ```java code block");
            }
            StringBuilder code = new StringBuilder();
            int line = open + 1;
            while (line < lines.size() && !lines.get(line).strip().equals("```")) {
                code.append(lines.get(line)).append('\n');
                line++;
            }
            if (line >= lines.size()) {
                throw new IllegalArgumentException(readme.getFileName() + ":" + (open + 1) + ": the code block of "
                        + "readme-example '" + name + "' is not closed by ```");
            }
            examples.put(name, code.toString());
            i = line;
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException(readme + " marks no example (<!-- readme-example: Name.java --> "
                    + "before a ```java block): the build would compile none of its code");
        }
        return examples;
    }
}
