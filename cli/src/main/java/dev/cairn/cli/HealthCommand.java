package dev.cairn.cli;

import dev.cairn.core.Health;
import picocli.CommandLine.Command;

/** {@code cairn health}: one round trip to the store, and what it runs. */
@Command(name = "health",
        description = "Checks the store: one round trip, timed, the server's version and the schema version of each "
                + "migration module. Exits 1 when the store does not answer.",
        footerHeading = "%nExample:%n", footer = "  cairn health --url postgresql://db.example/plan")
final class HealthCommand extends CliCommand {
    @Override
    int run() {
        Health health = cairn().health();
        output().emit(Shapes.health(health), out -> {
            Table table = new Table("", "").withoutHeader();
            table.row("store", health.url() + " (" + health.backend() + ")");
            table.row("up", health.up() ? "yes, " + health.latency().toNanos() / 1_000 / 1000.0 + " ms" : "no");
            if (!health.serverVersion().isEmpty()) {
                table.row("server", health.serverVersion());
            }
            health.schemaVersions().forEach((module, version) -> table.row("schema " + module, version));
            if (!health.problem().isEmpty()) {
                table.row("problem", health.problem());
            }
            table.print(out);
        });
        return health.up() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
