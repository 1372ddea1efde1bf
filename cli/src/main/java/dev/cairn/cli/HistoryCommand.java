package dev.cairn.cli;

import dev.cairn.core.Event;
import dev.cairn.core.NoSuchNodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn history [ID]}: the audit trail of one node, or of the whole plan. */
@Command(name = "history",
        description = "Shows the audit trail, oldest first: every change to one node (it outlives the node), or "
                + "to any node.",
        footerHeading = "%nExamples:%n", footer = {"  cairn history TSK-PARSER", "  cairn history --after 120 --limit 50"})
final class HistoryCommand extends CliCommand {
    @Parameters(arity = "0..1", paramLabel = "ID", description = "The node; every node when absent.")
    String id;

    @Option(names = "--after", paramLabel = "SEQUENCE", description = "Only events after this sequence number.")
    long after;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "At most N events (default: ${DEFAULT-VALUE}).")
    int limit = 1000;

    @Override
    int run() {
        if (limit < 1) {
            throw new UsageException("--limit must be 1 or more");
        }
        List<Event> events = id == null ? cairn().events(after, limit)
                : cairn().history(id).stream().filter(event -> event.sequence() > after).limit(limit).toList();
        if (id != null && events.isEmpty() && cairn().findById(id).isEmpty()) {
            throw new NoSuchNodeException("No node with id " + id + ", and no history of one.");
        }
        List<Map<String, Object>> data = new ArrayList<>(events.size());
        Table table = new Table("SEQ", "AT", "ACTOR", "NODE", "EVENT", "DETAILS").alignRight(0);
        for (Event event : events) {
            data.add(Shapes.event(event));
            table.row(event.sequence(), event.at(), event.actor(), event.nodeId(),
                    event.type().name().toLowerCase(Locale.ROOT), details(event.details()));
        }
        output().emit(data, out -> {
            if (table.isEmpty()) {
                out.println("No events.");
            } else {
                table.print(out);
            }
        });
        return ExitCodes.OK;
    }

    private static String details(Map<String, Object> details) {
        return details.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }
}
