package dev.cairn.cli;

import dev.cairn.core.Layer;
import dev.cairn.core.Status;
import dev.cairn.core.StatusCount;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code cairn summary}: how many nodes of each layer have each status. */
@Command(name = "summary", description = "Counts the nodes by layer and status.",
        footerHeading = "%nExample:%n", footer = "  cairn summary --format json")
final class SummaryCommand extends CliCommand {
    @Override
    int run() {
        List<StatusCount> counts = cairn().countByLayerAndStatus();
        output().emit(Shapes.summary(counts), out -> print(out, counts));
        return ExitCodes.OK;
    }

    /** A layer a row, a status a column, totals last. */
    static void print(PrintWriter out, List<StatusCount> counts) {
        Status[] statuses = Status.values();
        String[] headers = new String[statuses.length + 2];
        headers[0] = "LAYER";
        for (int i = 0; i < statuses.length; i++) {
            headers[i + 1] = statuses[i].wireName().toUpperCase(Locale.ROOT);
        }
        headers[headers.length - 1] = "TOTAL";
        Map<Layer, long[]> rows = new EnumMap<>(Layer.class);
        long[] totals = new long[statuses.length + 1];
        for (StatusCount count : counts) {
            long[] row = rows.computeIfAbsent(count.layer(), layer -> new long[statuses.length + 1]);
            row[count.status().ordinal()] += count.count();
            row[statuses.length] += count.count();
            totals[count.status().ordinal()] += count.count();
            totals[statuses.length] += count.count();
        }
        int[] numeric = new int[statuses.length + 1];
        for (int i = 0; i < numeric.length; i++) {
            numeric[i] = i + 1;
        }
        Table table = new Table(headers).alignRight(numeric);
        rows.forEach((layer, row) -> table.row(cells(layer.displayName(), row)));
        table.row(cells("Total", totals));
        table.print(out);
    }

    private static Object[] cells(String name, long[] values) {
        Object[] cells = new Object[values.length + 1];
        cells[0] = name;
        for (int i = 0; i < values.length; i++) {
            cells[i + 1] = values[i];
        }
        return cells;
    }
}
