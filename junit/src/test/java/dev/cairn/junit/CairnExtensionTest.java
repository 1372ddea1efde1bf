package dev.cairn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Cairn;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import org.junit.jupiter.api.Test;

/** The default: each test gets its own memory: store, in a field and as a parameter, the same one within a test. */
@CairnTest
class CairnExtensionTest {
    @CairnStore
    Cairn field;

    @Test
    void theFieldAndTheParameterAreOneStore(Cairn parameter) {
        assertThat(parameter).isSameAs(field);
        assertThat(parameter.backend()).isEqualTo("memory");
        parameter.create(NodeDraft.of(Layer.GOAL, "first"));
        assertThat(field.count(NodeQuery.all())).isEqualTo(1);
    }

    @Test
    void eachTestStartsEmpty(Cairn cairn) {
        cairn.create(NodeDraft.of(Layer.GOAL, "second"));
        assertThat(cairn.count(NodeQuery.all())).isEqualTo(1);
    }

    @Test
    void aParameterMayNameAnotherBackend(Cairn memory, @CairnStore(Backend.SQLITE) Cairn sqlite) {
        assertThat(memory.backend()).isEqualTo("memory");
        assertThat(sqlite.backend()).isEqualTo("sqlite");
        assertThat(memory).isSameAs(field);
    }
}
