package dev.cairn.spring.actuate;

import dev.cairn.core.Cairn;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the Cairn store under {@code /actuator/health/cairn}: up when one round trip answered, with the backend,
 * the masked URL, the server's version, each migration module's schema version and the round trip's latency; down
 * with the reason otherwise. Thread-safe.
 */
public final class CairnHealthIndicator extends AbstractHealthIndicator {
    private final Cairn cairn;

    /**
     * Creates the indicator.
     *
     * @param cairn the store to check; not closed by the indicator
     */
    public CairnHealthIndicator(Cairn cairn) {
        super("Cairn health check failed");
        this.cairn = Objects.requireNonNull(cairn, "cairn");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        dev.cairn.core.Health health = cairn.health();
        builder.status(health.up() ? "UP" : "DOWN")
                .withDetail("backend", health.backend())
                .withDetail("url", health.url())
                .withDetail("schemaVersions", health.schemaVersions());
        if (!health.serverVersion().isEmpty()) {
            builder.withDetail("serverVersion", health.serverVersion());
        }
        if (health.up()) {
            builder.withDetail("latencyMillis", health.latency().toNanos() / 1_000_000.0);
        } else {
            builder.withDetail("problem", health.problem());
        }
    }
}
