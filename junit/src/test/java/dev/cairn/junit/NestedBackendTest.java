package dev.cairn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Cairn;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A @Nested class's tests take the backend of the enclosing class's @CairnTest. */
@CairnTest(backend = Backend.SQLITE)
class NestedBackendTest {
    @Test
    void theClassBackend(Cairn cairn) {
        assertThat(cairn.backend()).isEqualTo("sqlite");
    }

    @Nested
    class Inner {
        @CairnStore
        Cairn field;

        @Test
        void inheritsTheEnclosingBackend(Cairn cairn) {
            assertThat(cairn.backend()).isEqualTo("sqlite");
            assertThat(field).isSameAs(cairn);
        }
    }
}
