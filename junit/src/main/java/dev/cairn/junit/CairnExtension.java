package dev.cairn.junit;

import dev.cairn.core.Cairn;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives tests fresh Cairn stores ({@link CairnTest}, {@link CairnStore}) and migrated databases
 * ({@link MigratedDataSource}), each closed and removed when its test (or, for static fields, {@code @BeforeAll}
 * parameters and {@link MigratedDataSource#perClass()}, its class) ends: the SQLite file's temporary folder deleted,
 * the PostgreSQL schema dropped. Tests run in parallel each get their own. Thread-safe.
 */
public final class CairnExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    /** The configuration parameter, or system property, naming the PostgreSQL server: a JDBC URL with credentials. */
    public static final String POSTGRES_URL_PARAMETER = "cairn.test.postgres.url";
    /** The environment variable read when {@value #POSTGRES_URL_PARAMETER} is not set. */
    public static final String POSTGRES_URL_VARIABLE = "CAIRN_TEST_POSTGRES_URL";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CairnExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        inject(context, context.getRequiredTestClass(), null);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        List<Object> instances = context.getRequiredTestInstances().getAllInstances();
        for (Object instance : instances) {
            inject(context, instance.getClass(), instance);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Cairn.class || type == DataSource.class && parameter.isAnnotated(MigratedDataSource.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == Cairn.class) {
            return cairn(context, backend(context, parameter.findAnnotation(CairnStore.class).orElse(null),
                    parameter.getParameter().toString()));
        }
        MigratedDataSource wanted = parameter.findAnnotation(MigratedDataSource.class).orElseThrow(() ->
                new ParameterResolutionException("A DataSource parameter needs @MigratedDataSource"));
        return dataSource(wanted.perClass() ? classContext(context) : context, wanted);
    }

    /** Fills the marked fields: static ones when {@code instance} is null, else the instance's. */
    private static void inject(ExtensionContext context, Class<?> type, Object instance) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) != (instance == null)) {
                    continue;
                }
                CairnStore store = field.getAnnotation(CairnStore.class);
                MigratedDataSource migrated = field.getAnnotation(MigratedDataSource.class);
                if (store != null) {
                    set(field, instance, Cairn.class, cairn(context, backend(context, store, field.toString())));
                } else if (migrated != null) {
                    ExtensionContext owner = migrated.perClass() ? classContext(context) : context;
                    set(field, instance, DataSource.class, dataSource(owner, migrated));
                }
            }
        }
    }

    private static void set(Field field, Object instance, Class<?> expected, Object value) {
        if (field.getType() != expected || Modifier.isFinal(field.getModifiers())) {
            throw new ExtensionConfigurationException("Field " + field + " must be a non-final "
                    + expected.getSimpleName() + " to be filled by Cairn's extension");
        }
        try {
            field.setAccessible(true);
            field.set(instance, value);
        } catch (ReflectiveOperationException | RuntimeException failure) {
            throw new ExtensionConfigurationException("Cannot set field " + field + ": " + failure.getMessage(),
                    failure);
        }
    }

    private static Backend backend(ExtensionContext context, CairnStore store, String where) {
        if (store != null && store.value().length > 1) {
            throw new ExtensionConfigurationException("@CairnStore on " + where + " names more than one backend");
        }
        if (store != null && store.value().length == 1) {
            return store.value()[0];
        }
        // The class's @CairnTest, perhaps as a meta-annotation or on a superclass, else an enclosing @Nested class's.
        for (Class<?> type = context.getTestClass().orElse(null); type != null; type = type.getEnclosingClass()) {
            Optional<CairnTest> test = AnnotationSupport.findAnnotation(type, CairnTest.class);
            if (test.isPresent()) {
                return test.get().backend();
            }
            if (Modifier.isStatic(type.getModifiers())) {
                break;
            }
        }
        return Backend.MEMORY;
    }

    /** The store of {@code backend} of this context (this test, or this class), made on first use. */
    private static Cairn cairn(ExtensionContext context, Backend backend) {
        // The unique id keeps a test's store apart from its class's: stores are looked up in parents too.
        String key = context.getUniqueId() + "/cairn/" + backend;
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(key, ignored -> FreshDatabases.store(backend, context), FreshStore.class)
                .cairn();
    }

    private static DataSource dataSource(ExtensionContext context, MigratedDataSource wanted) {
        String key = context.getUniqueId() + "/datasource/" + wanted.backend() + "/" + wanted.location() + "/"
                + String.join(",", wanted.placeholders());
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(key, ignored -> FreshDatabases.migrated(wanted, context), FreshDataSource.class)
                .dataSource();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
