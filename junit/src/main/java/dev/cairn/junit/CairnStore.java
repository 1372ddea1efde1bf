package dev.cairn.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link dev.cairn.core.Cairn} field the extension fills with a fresh store (an instance field before each test,
 * a static one before the class), or a {@code Cairn} parameter whose backend differs from the class's. Within one
 * test, every injection point of the same backend gets the same store.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface CairnStore {
    /**
     * The backend of the store.
     *
     * @return one backend, or none for the class's {@link CairnTest#backend()}, else {@link Backend#MEMORY}
     */
    Backend[] value() default {};
}
