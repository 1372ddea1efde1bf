package dev.cairn.spring.actuate;

import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.Migrator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/cairn}: every migration Cairn's engine knows of, by migrator ({@code store} for the Cairn store's
 * own schema, {@code application} for the application's migrations) and module, with its state, as Spring Boot's
 * {@code flyway} endpoint lists Flyway's. Each read asks the databases afresh. Thread-safe.
 */
@Endpoint(id = "cairn")
public class CairnEndpoint {
    private final Map<String, Migrator> migrators;

    /** @param migrators the migrators to report, by the name they are listed under */
    public CairnEndpoint(Map<String, Migrator> migrators) {
        this.migrators = Map.copyOf(migrators);
    }

    /**
     * Reads every migrator's migrations, asking each database.
     *
     * @return the migrations by migrator name, names sorted
     */
    @ReadOperation
    public MigratorsDescriptor migrations() {
        Map<String, MigratorDescriptor> described = new LinkedHashMap<>();
        migrators.keySet().stream().sorted().forEach(name -> described.put(name, describe(migrators.get(name))));
        return new MigratorsDescriptor(described);
    }

    private static MigratorDescriptor describe(Migrator migrator) {
        Map<String, List<MigrationDescriptor>> modules = new LinkedHashMap<>();
        for (MigrationInfo info : migrator.info()) {
            modules.computeIfAbsent(info.module(), module -> new ArrayList<>()).add(new MigrationDescriptor(
                    info.version() == null ? null : info.version().toString(), info.description(), info.script(),
                    info.state().name(), info.installedOn(), info.executionTimeMillis()));
        }
        return new MigratorDescriptor(migrator.target(), modules);
    }

    /**
     * What the endpoint answers.
     *
     * @param migrators each migrator's migrations, by the migrator's name
     */
    public record MigratorsDescriptor(Map<String, MigratorDescriptor> migrators) {
    }

    /**
     * One migrator's database and migrations.
     *
     * @param target  the database migrated, password masked
     * @param modules each module's migrations, history first
     */
    public record MigratorDescriptor(String target, Map<String, List<MigrationDescriptor>> modules) {
    }

    /**
     * One migration.
     *
     * @param version             its version; null for a repeatable migration
     * @param description         its description
     * @param script              its file or class
     * @param state               its state, such as {@code APPLIED} or {@code PENDING}
     * @param installedOn         when it was applied, or null
     * @param executionTimeMillis how long it took, or null
     */
    public record MigrationDescriptor(String version, String description, String script, String state,
                                      Instant installedOn, Long executionTimeMillis) {
    }
}
