package dev.cairn.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Cairn;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.MigrationSets;
import dev.cairn.migrations.Migrator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** The auto-configuration's choices, each in a real (web-less) application context. */
class CairnAutoConfigurationTest {
    @TempDir
    Path folder;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    JdbcTemplateAutoConfiguration.class, CairnAutoConfiguration.class,
                    CairnMigrationsAutoConfiguration.class));

    private String appDatabase() {
        return "spring.datasource.url=jdbc:sqlite:" + folder.resolve("app.db");
    }

    @Test
    void noCairnBeanAndNoMigratorWithoutCairnProperties() {
        runner.withPropertyValues(appDatabase()).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(Cairn.class).doesNotHaveBean(Migrator.class);
        });
    }

    @Test
    void cairnOverTheApplicationsDataSourceKeepsThePlanInTheApplicationsDatabase() {
        runner.withPropertyValues(appDatabase(), "cairn.datasource=application",
                "cairn.migrations.locations=classpath:db/app", "cairn.migrations.placeholders.title=t").run(context -> {
            Cairn cairn = context.getBean(Cairn.class);
            cairn.create(NodeDraft.of(Layer.GOAL, "In the application's file"));

            assertThat(cairn.backend()).isEqualTo("sqlite");
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM cairn_nodes", Integer.class)).isEqualTo(1);
            // One history table, two modules counting their versions apart.
            assertThat(jdbc.queryForList("SELECT DISTINCT module FROM cairn_schema_history ORDER BY module",
                    String.class)).containsExactly("application", "cairn");
        });
    }

    @Test
    void storePropertiesReachTheStoreWithTheirNamesAsWritten() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CairnAutoConfiguration.class))
                .withPropertyValues("cairn.url=sqlite:" + folder.resolve("plan.db"), "cairn.properties.busyTimeout=1234",
                        "cairn.migrate=off").run(context -> {
                    Cairn cairn = context.getBean(Cairn.class);
                    assertThat(cairn.config().property("busyTimeout")).hasValue("1234");
                    assertThat(cairn.config().property("migrate")).hasValue("off");
                    // Off: the store made no table of its own.
                    assertThat(cairn.health().schemaVersions()).isEmpty();
                });
    }

    @Test
    void applicationDataSourceModeWithoutADataSourceFailsNamingWhatToAdd() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CairnAutoConfiguration.class))
                .withPropertyValues("cairn.datasource=application").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("cairn.datasource=application needs one DataSource bean")
                            .hasMessageContaining("spring.datasource.url");
                });
    }

    @Test
    void migrateValidateRefusesAStoreThatWasNeverMigrated() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CairnAutoConfiguration.class))
                .withPropertyValues("cairn.url=sqlite:" + folder.resolve("plan.db"), "cairn.migrate=validate")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("plan.db");
                });
    }

    @Test
    void migrationStrategyBeanReplacesTheMigration() {
        List<List<MigrationInfo>> seen = new ArrayList<>();
        runner.withPropertyValues(appDatabase(), "cairn.migrations.locations=classpath:db/app",
                        "cairn.migrations.placeholders.title=t")
                .withBean(CairnMigrationStrategy.class, () -> migrator -> seen.add(migrator.info()))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(CairnMigrationInitializer.class);
                    assertThat(seen).singleElement().satisfies(infos -> assertThat(infos)
                            .extracting(info -> info.state().name()).containsOnly("PENDING"));
                    assertThat(tables(context.getBean(JdbcTemplate.class))).doesNotContain("items");
                });
    }

    @Test
    void outOfOrderAppliesAMigrationBelowTheNewestApplied() throws Exception {
        Path early = folder.resolve("early");
        Files.createDirectories(early);
        // V1 and V3 as they ship, applied before V2 was written.
        for (String name : List.of("V1__create_items.sql", "V3__second_item.sql")) {
            try (InputStream in = getClass().getResourceAsStream("/db/app/" + name)) {
                Files.write(early.resolve(name), in.readAllBytes());
            }
        }
        Migrator.builder().jdbcUrl("jdbc:sqlite:" + folder.resolve("app.db"))
                .sets(MigrationSets.directory(early, "application", Dialect.SQLITE)).build().migrate();

        runner.withPropertyValues(appDatabase(), "cairn.migrations.locations=classpath:db/app",
                "cairn.migrations.placeholders.title=late", "cairn.migrations.out-of-order=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Migrator.class).info()).extracting(info -> info.version() + " " + info.state())
                    .containsExactlyInAnyOrder("1 APPLIED", "2 OUT_OF_ORDER", "3 APPLIED");
            assertThat(context.getBean(JdbcTemplate.class).queryForList("SELECT title FROM items ORDER BY id",
                    String.class)).containsExactly("late", "beyond the target");
        });
    }

    @Test
    void migrationsSwitchedOffMakeNoMigrator() {
        runner.withPropertyValues(appDatabase(), "cairn.migrations.locations=classpath:db/app",
                "cairn.migrations.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class)
                    .doesNotHaveBean(CairnMigrationInitializer.class);
        });
    }

    @Test
    void missingLocationFailsStartUpNamingIt() {
        runner.withPropertyValues(appDatabase(), "cairn.migrations.locations=classpath:db/nowhere").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("classpath:db/nowhere");
        });
    }

    @Test
    void jdbcTemplateJooqAndCairnBeansWaitForTheMigrationInitializer() {
        runner.withConfiguration(AutoConfigurations.of(JooqAutoConfiguration.class))
                .withPropertyValues(appDatabase(), "cairn.migrations.locations=classpath:db/app",
                        "cairn.migrations.placeholders.title=t", "cairn.datasource=application").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(DSLContext.class);
                    for (String bean : List.of("jdbcTemplate", "dslContext", "cairn")) {
                        assertThat(context.getBeanFactory().getBeanDefinition(bean).getDependsOn()).as(bean)
                                .contains("cairnMigrationInitializer");
                    }
                    assertThat(context.getBean(DSLContext.class).fetchCount(DSL.table("items"))).isEqualTo(2);
                });
    }

    private static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT name FROM sqlite_master WHERE type = 'table'", String.class);
    }

}
