package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnumParsingTest {
    @ParameterizedTest
    @CsvSource({"planned, PLANNED", "in_progress, IN_PROGRESS", "IN-PROGRESS, IN_PROGRESS", "Completed, COMPLETED"})
    void statusParsesWireAndEnumNames(String text, Status expected) {
        assertThat(Status.parse(text)).isEqualTo(expected);
    }

    @Test
    void statusRefusesDoneNamingTheAcceptedValues() {
        assertThatThrownBy(() -> Status.parse("done"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("status = 'done'")
                .hasMessageContaining("in_progress");
    }

    @ParameterizedTest
    @CsvSource({"med, MEDIUM", "medium, MEDIUM", "LOW, LOW", "critical, CRITICAL"})
    void severityAcceptsMed(String text, Severity expected) {
        assertThat(Severity.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"development, IMPLEMENTATION", "operations, OPS", "docs, DOCS", "Test, TEST"})
    void workTypeAcceptsItsAliases(String text, WorkType expected) {
        assertThat(WorkType.parse(text)).isEqualTo(expected);
    }

    @Test
    void severityAndWorkTypeRefuseUnknownValues() {
        assertThatThrownBy(() -> Severity.parse("urgent")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("severity").hasMessageContaining("urgent");
        assertThatThrownBy(() -> WorkType.parse("coding")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("workType").hasMessageContaining("coding");
    }

    @Test
    void theTransitionTableIsTheDesignedOne() {
        assertThat(Status.PLANNED.successors())
                .containsExactlyInAnyOrder(Status.IN_PROGRESS, Status.BLOCKED, Status.CANCELLED);
        assertThat(Status.IN_PROGRESS.successors())
                .containsExactlyInAnyOrder(Status.COMPLETED, Status.BLOCKED, Status.CANCELLED);
        assertThat(Status.BLOCKED.successors()).containsExactlyInAnyOrder(Status.IN_PROGRESS, Status.CANCELLED);
        assertThat(Status.CANCELLED.successors()).containsExactly(Status.IN_PROGRESS);
        assertThat(Status.COMPLETED.successors()).isEmpty();
    }
}
