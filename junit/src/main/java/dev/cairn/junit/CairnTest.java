package dev.cairn.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class whose tests each get a fresh {@link dev.cairn.core.Cairn}: as a parameter of a test or lifecycle
 * method, or in a field marked {@link CairnStore}. The store is {@code memory:} unless {@link #backend()} or the
 * injection point's {@link CairnStore} says otherwise, and is closed and removed after the test (a static field's
 * or a {@code @BeforeAll} parameter's after the class).
 *
 * <pre>{@code
 * @CairnTest(backend = Backend.SQLITE)
 * class PlanTest {
 *     @Test
 *     void createsAGoal(Cairn cairn) {
 *         cairn.create(NodeDraft.of(Layer.GOAL, "Ship"));
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(CairnExtension.class)
public @interface CairnTest {
    /**
     * The backend of the stores of this class's tests.
     *
     * @return the backend; {@link Backend#MEMORY} by default
     */
    Backend backend() default Backend.MEMORY;
}
