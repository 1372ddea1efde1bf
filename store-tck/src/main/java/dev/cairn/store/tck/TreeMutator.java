package dev.cairn.store.tck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Changes one plan file the ways files get broken: by hand, by a tool, by a cut-off write, or on purpose.
 * Each mutation is named, so that a test failing on one can say which. Not thread-safe.
 */
final class TreeMutator {
    private static final List<String> LINES = List.of(
            "  - ", ": :", "&a x", "*a", "{", "[", "]]", "id: ../../etc/passwd", "layer: Nope", "title:",
            "title: ''", "layer: Command", "  progress: 999", "  progress: -1", "  status: done!", "\t", "links: 5",
            "command: {}", "metadata: []", "description: !!binary AAAA", "? complex key", "---", "...",
            "  labels: [a, a]", "  labels: [' padded ']", "  severity: critical", "  work_type: development",
            "  started_date: yesterday", "  completion_date: 2020-01-01", "  started_date: 2030-01-01T00:00:00Z",
            "links: {parents: [GOAL-MINE], children: []}", "links: {parents: [], children: [GOAL-MINE]}",
            "links: {parents: [AC-KEPT], children: []}", "unknown_field: 1", "  custom: 5", "  custom: {x: [1, 2]}",
            "id: TSK-" + "X".repeat(70), "  owner: \u0000", "title: \u202Eevil", "description: 🚀 ünïcödé",
            "command: {ac_ref: AC-KEPT, run: {shell: 'true'}}", "command: {ac_ref: GOAL-MINE, run: {shell: x}}",
            "  env: {A: [1]}", "  artifacts: 7");
    private static final List<String> VALUES = List.of(
            "", "null", "~", "0", "100", "101", "-5", "3.5", "1e999", "true", "[]", "{}", "[a, b]", "{a: 1}",
            "'quoted'", "\"unterminated", "GOAL-MINE", "AC-KEPT", "CMD-NOTHING", "../x", "TSK-", "R-OK",
            "x".repeat(600), "*alias", "&anchor v", "!!python/object:os.system", "2026-13-45", "planned",
            "completed", "In Progress", "med", "Command", "acceptance_criteria", "[GOAL-MINE]", "[TSK-NOPE]");

    private final Random random;

    TreeMutator(Random random) {
        this.random = random;
    }

    /** Changes {@code file} in place and says how. */
    String mutate(Path file) throws IOException {
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        List<String> lines = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
        int at = random.nextInt(lines.size());
        String mutation;
        switch (random.nextInt(11)) {
            case 0 -> {
                String line = LINES.get(random.nextInt(LINES.size()));
                mutation = "line " + (at + 1) + " replaced by '" + line + "'";
                lines.set(at, line);
            }
            case 1 -> {
                mutation = "line " + (at + 1) + " removed";
                lines.remove(at);
            }
            case 2 -> {
                mutation = "line " + (at + 1) + " doubled";
                lines.add(at, lines.get(at));
            }
            case 3 -> {
                int other = random.nextInt(lines.size());
                mutation = "lines " + (at + 1) + " and " + (other + 1) + " swapped";
                String line = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, line);
            }
            case 4, 5, 6 -> {
                String line = lines.get(at);
                int colon = line.indexOf(':');
                String value = VALUES.get(random.nextInt(VALUES.size()));
                if (colon < 0) {
                    mutation = "line " + (at + 1) + " became '" + value + "'";
                    lines.set(at, value);
                } else {
                    mutation = "value of line " + (at + 1) + " became '" + value + "'";
                    lines.set(at, line.substring(0, colon + 1) + " " + value);
                }
            }
            case 7 -> {
                int cut = random.nextInt(bytes.length);
                Files.write(file, Arrays.copyOf(bytes, cut));
                return name + ": cut after byte " + cut;
            }
            case 8 -> {
                int where = random.nextInt(bytes.length);
                byte[] changed = bytes.clone();
                changed[where] = (byte) random.nextInt(256);
                Files.write(file, changed);
                return name + ": byte " + where + " became " + (changed[where] & 0xFF);
            }
            case 9 -> {
                StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
                for (char c = 'b'; c <= 'j'; c++) {
                    bomb.append(c).append(": &").append(c).append(" [");
                    for (int i = 0; i < 9; i++) {
                        bomb.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
                    }
                    bomb.append("]\n");
                }
                Files.writeString(file, bomb + new String(bytes, StandardCharsets.UTF_8));
                return name + ": an alias bomb put in front";
            }
            default -> {
                int depth = 10 + random.nextInt(5_000);
                mutation = "custom field nested " + depth + " deep";
                lines.add(lines.indexOf("metadata:") + 1, "  deep: " + "[".repeat(depth) + "]".repeat(depth));
            }
        }
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
        return name + ": " + mutation;
    }
}
