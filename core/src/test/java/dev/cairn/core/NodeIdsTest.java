package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeIdsTest {
    @Test
    void generatedIdsAreThePrefixAndTwelveUpperCaseHexDigits() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = NodeIds.generate(Layer.TASK);
            assertThat(id).matches("TSK-[0-9A-F]{12}");
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TSK-1", "TSK-parse_yaml-2", "TSK-" + "a123456789b123456789c123456789d123456789e123456789f123456789abcd"})
    void acceptsWellFormedIds(String id) {
        assertThat(NodeIds.isValid(id, Layer.TASK)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../x", "TSK-../x", "TSK-", "TSK", "tsk-1", "TSK-a b", "TSK-x/y", "TSK-é",
        "TSK-" + "a123456789b123456789c123456789d123456789e123456789f123456789abcde"})
    void refusesMalformedIds(String id) {
        assertThat(NodeIds.isValid(id, Layer.TASK)).isFalse();
        assertThatThrownBy(() -> NodeIds.require(id, Layer.TASK))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("id");
    }

    @Test
    void refusesAPrefixThatDoesNotMatchTheLayer() {
        assertThatThrownBy(() -> NodeIds.require("GOAL-1", Layer.TASK))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'GOAL-1'")
                .hasMessageContaining("must start with TSK-");
    }

    @Test
    void theLayerOfAnIdIsItsPrefixs() {
        assertThat(NodeIds.layerOf("AC-X")).contains(Layer.ACCEPTANCE_CRITERIA);
        assertThat(NodeIds.layerOf("NOPE-X")).isEmpty();
    }
}
