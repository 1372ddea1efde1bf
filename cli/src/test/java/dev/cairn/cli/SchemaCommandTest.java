package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.store.tck.TodoWriteFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --schema} and {@code validate [--schema]} on ToDoWrite 0.1.7.2's own plan files and JSON schema,
 * and the not-found exit of an import whose file or folder is not there.
 */
class SchemaCommandTest {
    @TempDir
    Path folder;

    Path schema;
    Path tree;
    String url;

    @BeforeEach
    void copyTheFixtures() throws IOException {
        tree = TodoWriteFixtures.copyTree(folder.resolve("configs"));
        schema = folder.resolve("todowrite.schema.json");
        try (InputStream in = TodoWriteFixtures.class.getResourceAsStream(
                "todowrite-0.1.7.2/schemas/todowrite.schema.json")) {
            Files.copy(in, schema);
        }
        url = "sqlite:" + folder.resolve("plan.db");
    }

    Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url));
        all.addAll(List.of(args));
        return new Cli(folder).run(all.toArray(String[]::new));
    }

    /** Empties the title of a Goal's file, which ToDoWrite's schema refuses; returns the title's line. */
    private int withoutTitle() throws IOException {
        Path goal = tree.resolve("plans/goals/GOAL-STATUS-TRACKING-ENHANCEMENT.yaml");
        Files.writeString(goal, Files.readString(goal).replaceFirst("\ntitle: .*\n", "\ntitle: ''\n"));
        return (int) Files.readString(goal).lines().takeWhile(line -> !line.startsWith("title:")).count() + 1;
    }

    @Test
    void theFixturesPassTheirOwnSchemaAndImport() {
        Cli.Result validated = run("validate", "--tree", tree.toString(), "--schema", schema.toString());
        assertThat(validated.exitCode()).as(validated.toString()).isZero();
        assertThat(validated.out()).startsWith(tree + " is valid: " + TodoWriteFixtures.NODES + " nodes, "
                + TodoWriteFixtures.NODES + " files passing the schema todowrite.schema.json.\n");
        // ToDoWrite's own files link one way in places: warnings, as the import gives them.
        assertThat(validated.out().lines().skip(1)).allMatch(line -> line.startsWith("warning: plans/"));
        assertThat(folder.resolve("plan.db")).doesNotExist();

        Cli.Result imported = run("import", "--tree", tree.toString(), "--schema", schema.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("created " + TodoWriteFixtures.NODES);
    }

    @Test
    void aFileBreakingTheSchemaIsNamedWithItsFieldAndLineAndTheImportWritesNothing() throws IOException {
        int titleLine = withoutTitle();
        Cli.Result refused = run("import", "--tree", tree.toString(), "--schema", schema.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(refused.err()).startsWith("cairn: Import refused, nothing written: 1 file problem against the "
                + "schema, listed below.\n");
        assertThat(refused.err().lines().skip(1).toList()).containsExactly("plans/goals/"
                + "GOAL-STATUS-TRACKING-ENHANCEMENT.yaml:" + titleLine + ": title: must be at least 1 characters "
                + "long (schema todowrite.schema.json)");
        assertThat(folder.resolve("plan.db")).doesNotExist();
    }

    @Test
    void validateListsTheSchemaProblemsThenCairnsOwnAndOpensNoStore() throws IOException {
        int titleLine = withoutTitle();
        Cli.Result refused = run("validate", "--tree", tree.toString(), "--schema", schema.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(refused.err()).startsWith("cairn: " + tree + " is not valid: ");
        List<String> problems = refused.err().lines().skip(1).toList();
        assertThat(problems).hasSizeGreaterThan(1);
        assertThat(problems.get(0)).isEqualTo("plans/goals/GOAL-STATUS-TRACKING-ENHANCEMENT.yaml:" + titleLine
                + ": title: must be at least 1 characters long (schema todowrite.schema.json)");
        assertThat(problems.subList(1, problems.size())).anyMatch(problem -> problem.startsWith(
                "plans/goals/GOAL-STATUS-TRACKING-ENHANCEMENT.yaml:" + titleLine + ": title"));
        assertThat(folder.resolve("plan.db")).doesNotExist();
    }

    @Test
    void validateChecksAPlanFileAsImportWouldAndTheSchemaIsForTreesOnly() {
        assertThat(run("import", "--tree", tree.toString()).exitCode()).isZero();
        Path plan = folder.resolve("plan.yaml");
        assertThat(run("export", plan.toString()).exitCode()).isZero();

        Cli.Result validated = new Cli(folder).run("validate", plan.toString());
        assertThat(validated.exitCode()).as(validated.toString()).isZero();
        assertThat(validated.out()).isEqualTo(plan + " is valid: " + TodoWriteFixtures.NODES + " nodes.\n");
        // No --url: validate opens no store, so the default one is not made.
        assertThat(folder.resolve("cairn.db")).doesNotExist();
        Cli.Result withSchema = run("validate", plan.toString(), "--schema", schema.toString());
        assertThat(withSchema.exitCode()).as(withSchema.toString()).isEqualTo(ExitCodes.USAGE);
        Cli.Result importWithSchema = run("import", plan.toString(), "--schema", schema.toString());
        assertThat(importWithSchema.exitCode()).as(importWithSchema.toString()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aSchemaOrInputThatIsNotThereIsNotFound() {
        Cli.Result noSchema = run("validate", "--tree", tree.toString(), "--schema", folder.resolve("none.json")
                .toString());
        assertThat(noSchema.exitCode()).as(noSchema.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(noSchema.err()).startsWith("cairn: no file " + folder.resolve("none.json"));

        for (List<String> args : List.of(List.of("import", folder.resolve("gone.yaml").toString()),
                List.of("import", "--tree", folder.resolve("gone").toString()),
                List.of("import", "--plans", folder.resolve("gone").toString()),
                List.of("import", "--plans", tree.resolve("plans").toString(), "--commands",
                        folder.resolve("gone").toString()),
                List.of("validate", "--tree", folder.resolve("gone").toString()))) {
            Cli.Result missing = run(args.toArray(String[]::new));
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(missing.err()).as(missing.toString()).matches("cairn: no file .*gone(\\.yaml)?\n");
        }
        assertThat(folder.resolve("plan.db")).doesNotExist();
    }
}
