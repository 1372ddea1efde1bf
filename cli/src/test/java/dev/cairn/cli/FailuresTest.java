package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.DuplicateNodeException;
import dev.cairn.core.InvalidLinkException;
import dev.cairn.core.InvalidTransitionException;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.NodeHasChildrenException;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.ValidationException;
import dev.cairn.core.VersionConflictException;
import dev.cairn.core.Violation;
import dev.cairn.core.io.ImportException;
import dev.cairn.core.io.ImportMode;
import dev.cairn.core.io.ImportProblem;
import dev.cairn.core.io.ImportReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failures become the documented exit codes, and one line. */
final class FailuresTest {
    @Test
    void mapsEachFailureToItsExitCode() {
        assertThat(Failures.exitCode(new NoSuchNodeException("x"))).isEqualTo(3);
        for (RuntimeException conflict : List.of(new ValidationException(Violation.of("title", null, "is required")),
                new VersionConflictException("x"), new InvalidLinkException("x"), new InvalidTransitionException("x"),
                new DuplicateNodeException("x"), new NodeHasChildrenException("x"), new ConflictException("x"),
                new ImportException(refusedImport()))) {
            assertThat(Failures.exitCode(conflict)).as(conflict.getClass().getSimpleName()).isEqualTo(4);
        }
        assertThat(Failures.exitCode(new StoreConfigurationException("x"))).isEqualTo(1);
        assertThat(Failures.exitCode(new IllegalStateException("x"))).isEqualTo(1);
    }

    @Test
    void aRefusedImportIsOneLineThenEveryProblemOnALineOfItsOwn() {
        StringWriter err = new StringWriter();
        ImportReport report = refusedImport();
        Failures.problems(new PrintWriter(err, true), report);
        assertThat(Failures.summary(report)).isEqualTo("Import refused, nothing written: 3 problems, listed below.");
        assertThat(err.toString().lines().toList()).containsExactly(
                "plans/tasks/TSK-B.yaml:6: metadata.severity = 'urgent': must be one of [low, medium, high]",
                "plans/tasks/TSK-C.yaml: id (missing): is required", "… and 1 more");
    }

    private static ImportReport refusedImport() {
        return new ImportReport(false, ImportMode.FAIL, 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), List.of(),
                List.of(new ImportProblem("plans/tasks/TSK-B.yaml", 6, "metadata.severity", "urgent",
                        "must be one of [low, medium, high]"),
                        new ImportProblem("plans/tasks/TSK-C.yaml", 0, "id", null, "is required")), 3);
    }

    @Test
    void joinsAMessageOfManyLinesIntoOne() {
        assertThat(Failures.oneLine("Validation failed:\n  - a is wrong\n  - b is missing"))
                .isEqualTo("Validation failed: a is wrong; b is missing");
    }

    @Test
    void anUnexpectedFailureIsNamedAndPointsToTheStackTrace() {
        Cli.Result result = new Cli(Path.of("target")).run("--url", "sqlite:", "list");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).startsWith("cairn: ").endsWith("\n");
    }
}
