package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Layers, statuses, severities and work types parsed from their names and usual spellings, and refused with
 * the names accepted. Moved from the store contract suite, where it ran once for every backend although it
 * touches no store.
 */
class ParsingTest {
    @Test
    void layersParseByTheirNamesPrefixesAndUsualSpellings() {
        assertThat(Layer.parse("AcceptanceCriteria")).isEqualTo(Layer.ACCEPTANCE_CRITERIA);
        assertThat(Layer.parse("acceptance_criteria")).isEqualTo(Layer.ACCEPTANCE_CRITERIA);
        assertThat(Layer.parse("ac")).isEqualTo(Layer.ACCEPTANCE_CRITERIA);
        assertThat(Layer.parse("sub-task")).isEqualTo(Layer.SUB_TASK);
        assertThat(Layer.parse("SubTask")).isEqualTo(Layer.SUB_TASK);
        assertThat(Layer.parse("goals")).isEqualTo(Layer.GOAL);
        assertThat(Layer.parse("CMD")).isEqualTo(Layer.COMMAND);
    }

    @Test
    void layersHaveTheirIndexPrefixAndFolder() {
        assertThat(Stream.of(Layer.values()).map(Layer::prefix)).containsExactly(
                "GOAL", "CON", "CTX", "CST", "R", "AC", "IF", "PH", "STP", "TSK", "SUB", "CMD");
        assertThat(Stream.of(Layer.values()).map(Layer::index))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 12).boxed().toList());
        assertThat(Layer.GOAL.folder()).isEqualTo("plans/goals");
        assertThat(Layer.SUB_TASK.folder()).isEqualTo("plans/subtasks");
        assertThat(Layer.COMMAND.folder()).isEqualTo("commands");
    }

    @Test
    void aliasesOfSeverityAndWorkTypeParse() {
        assertThat(Severity.parse("med")).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.parse("Critical")).isEqualTo(Severity.CRITICAL);
        assertThat(WorkType.parse("development")).isEqualTo(WorkType.IMPLEMENTATION);
        assertThat(WorkType.parse("operations")).isEqualTo(WorkType.OPS);
        assertThat(Status.parse("in-progress")).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void anUnknownNameIsRefusedWithTheAcceptedNames() {
        assertViolation(() -> Status.parse("done"), "status", "done", "in_progress");
        assertViolation(() -> Layer.parse("epic"), "layer", "epic", "AcceptanceCriteria");
        assertViolation(() -> Severity.parse("urgent"), "severity", "urgent", "critical");
        assertViolation(() -> WorkType.parse("coding"), "workType", "coding", "implementation");
    }

    /**
     * Asserts that {@code call} is refused with a {@link ValidationException} that has a violation of
     * {@code field}, showing {@code value}, whose rule contains {@code rule}; and that the message says
     * all three.
     */
    private static ValidationException assertViolation(ThrowingCallable call, String field, String value,
                                                       String rule) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isExactlyInstanceOf(ValidationException.class);
        ValidationException invalid = (ValidationException) thrown;
        assertThat(invalid.violations()).anySatisfy(violation -> {
            assertThat(violation.field()).isEqualTo(field);
            assertThat(violation.value()).isEqualTo(value);
            assertThat(violation.rule()).contains(rule);
        });
        assertThat(invalid.getMessage()).contains(field).contains(rule);
        if (value != null) {
            assertThat(invalid.getMessage()).contains(value);
        }
        return invalid;
    }
}
