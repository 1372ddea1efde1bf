package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayerTest {
    @Test
    void layersAreNumberedFromGoalToCommandWithTheirPrefixesAndFolders() {
        assertThat(Layer.GOAL.index()).isEqualTo(1);
        assertThat(Layer.COMMAND.index()).isEqualTo(12);
        assertThat(Layer.values()).extracting(Layer::prefix)
                .containsExactly("GOAL", "CON", "CTX", "CST", "R", "AC", "IF", "PH", "STP", "TSK", "SUB", "CMD");
        assertThat(Layer.ACCEPTANCE_CRITERIA.folder()).isEqualTo("plans/acceptance_criteria");
        assertThat(Layer.SUB_TASK.folder()).isEqualTo("plans/subtasks");
        assertThat(Layer.COMMAND.folder()).isEqualTo("commands");
    }

    @ParameterizedTest
    @CsvSource({
        "AcceptanceCriteria, ACCEPTANCE_CRITERIA",
        "acceptance_criteria, ACCEPTANCE_CRITERIA",
        "acceptance-criteria, ACCEPTANCE_CRITERIA",
        "ac, ACCEPTANCE_CRITERIA",
        "sub-task, SUB_TASK",
        "SubTask, SUB_TASK",
        "subtasks, SUB_TASK",
        "goal, GOAL",
        "Goals, GOAL",
        "InterfaceContract, INTERFACE_CONTRACT",
        "interface_contracts, INTERFACE_CONTRACT",
        "R, REQUIREMENTS",
        "requirement, REQUIREMENTS",
        "cmd, COMMAND",
        "Command, COMMAND",
        "' Phase ', PHASE"
    })
    void parsesTheUsualSpellings(String text, Layer expected) {
        assertThat(Layer.parse(text)).isEqualTo(expected);
    }

    @Test
    void refusesAnUnknownLayerNamingTheValueAndTheAcceptedNames() {
        assertThatThrownBy(() -> Layer.parse("Epic"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("layer")
                .hasMessageContaining("'Epic'")
                .hasMessageContaining("AcceptanceCriteria");
    }

    @Test
    void aParentLayerComesStrictlyBefore() {
        assertThat(Layer.GOAL.isAbove(Layer.COMMAND)).isTrue();
        assertThat(Layer.TASK.isAbove(Layer.TASK)).isFalse();
        assertThat(Layer.TASK.isAbove(Layer.STEP)).isFalse();
    }
}
