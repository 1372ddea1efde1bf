package dev.cairn.junit;

import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import dev.cairn.test.postgres.PostgresServer;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs a sample test class the way a team's build would: on the Jupiter engine, in parallel, with a server URL. */
final class Samples {
    private Samples() {
    }

    static EngineExecutionResults run(Class<?> sample) {
        return run(sample, Map.of(CairnExtension.POSTGRES_URL_PARAMETER, PostgresServer.jdbcUrl()));
    }

    static EngineExecutionResults run(Class<?> sample, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(sample))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .configurationParameter(SampleOnly.PARAMETER, "true")
                .configurationParameters(parameters)
                .execute();
    }

    /** Whether {@code schema} exists on the test server. */
    static boolean schemaExists(String schema) throws java.sql.SQLException {
        try (var connection = PostgresServer.dataSource().getConnection();
             var statement = connection.prepareStatement(
                     "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?")) {
            statement.setString(1, schema);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        }
    }

    /** The schema a Cairn postgresql: URL names. */
    static String schemaOf(String url) {
        return url.replaceAll(".*[?&]schema=([^&]+).*", "$1");
    }
}
