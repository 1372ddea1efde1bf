package dev.cairn.cli;

import dev.cairn.core.Event;
import dev.cairn.core.NoSuchNodeException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn history [ID]}: the audit trail of one node, or of the whole plan, newest first. */
@Command(name = "history",
        description = "Shows the audit trail, newest first: every change to one node (it outlives the node), or "
                + "to any node. The newest 20 unless -n, --all or --since says otherwise.",
        footerHeading = "%nExamples:%n",
        footer = {"  cairn history TSK-PARSER", "  cairn history -n 100", "  cairn history --since 2025-03-01",
            "  cairn history --all --format json"})
final class HistoryCommand extends CliCommand {
    private static final int PAGE = 1000;
    private int keepAtMost;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "The node; every node when absent.")
    String id;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "At most the newest N events (default: "
            + "${DEFAULT-VALUE}).")
    int limit = 20;

    @Option(names = "--all", description = "Every event, however many.")
    boolean all;

    @Option(names = "--since", paramLabel = "TIME", converter = Converters.InstantConverter.class,
            description = "Only events at or after TIME: 2025-03-01 or 2025-03-01T09:30:00Z.")
    Instant since;

    @Option(names = "--after", paramLabel = "SEQUENCE", description = "Only events after this sequence number.")
    long after;

    @Override
    int run() {
        if (limit < 1) {
            throw new UsageException("--limit must be 1 or more");
        }
        // --since alone shows every event since then; -n with it keeps the newest N of those.
        keepAtMost = all || since != null && !spec.commandLine().getParseResult().hasMatchedOption("--limit")
                ? Integer.MAX_VALUE : limit;
        Deque<Event> newest = new ArrayDeque<>();
        long matching = id == null ? everyEvent(newest) : eventsOfTheNode(newest);
        if (id != null && matching == 0 && cairn().findById(id).isEmpty()) {
            throw new NoSuchNodeException("No node with id " + id + ", and no history of one.");
        }
        List<Map<String, Object>> data = new ArrayList<>(newest.size());
        Table table = new Table("SEQ", "AT", "ACTOR", "NODE", "EVENT", "DETAILS").alignRight(0);
        for (Event event : (Iterable<Event>) newest::descendingIterator) {
            data.add(Shapes.event(event));
            table.row(event.sequence(), event.at(), event.actor(), event.nodeId(),
                    event.type().name().toLowerCase(Locale.ROOT), details(event.details()));
        }
        output().emit(data, out -> {
            if (table.isEmpty()) {
                out.println("No events.");
                return;
            }
            table.print(out);
            if (matching > newest.size()) {
                out.println("The newest " + newest.size() + " of " + matching + " events; --all shows every one, "
                        + "--since TIME those since a time, -n N the newest N.");
            }
        });
        return ExitCodes.OK;
    }

    /** Keeps the newest matching events of the plan in {@code newest}, oldest first; returns how many matched. */
    private long everyEvent(Deque<Event> newest) {
        long matching = 0;
        long cursor = after;
        List<Event> page;
        do {
            page = cairn().events(cursor, PAGE);
            for (Event event : page) {
                matching += keep(event, newest);
                cursor = event.sequence();
            }
        } while (page.size() == PAGE);
        return matching;
    }

    private long eventsOfTheNode(Deque<Event> newest) {
        long matching = 0;
        for (Event event : cairn().history(id)) {
            if (event.sequence() > after) {
                matching += keep(event, newest);
            }
        }
        return matching;
    }

    private int keep(Event event, Deque<Event> newest) {
        if (since != null && event.at().isBefore(since)) {
            return 0;
        }
        newest.addLast(event);
        if (newest.size() > keepAtMost) {
            newest.removeFirst();
        }
        return 1;
    }

    private static String details(Map<String, Object> details) {
        return details.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }
}
