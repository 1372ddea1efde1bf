package dev.cairn.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints JMH results as a table of ratios: each benchmark beside its baseline from the same run (paired
 * as {@link Pairing} says), and how many times the baseline's cost the benchmark's is. For time per
 * operation that is benchmark / baseline, for operations per time baseline / benchmark: above 1 means
 * slower than the baseline, whatever the mode.
 *
 * <pre>{@code
 * java -cp target/benchmarks.jar dev.cairn.benchmarks.RatioTable target/jmh-result.json
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class RatioTable {
    private static final Map<String, Double> SECONDS = Map.of(
            "ns", 1e-9, "us", 1e-6, "ms", 1e-3, "s", 1.0, "min", 60.0, "hr", 3600.0);

    private RatioTable() {
    }

    /** Prints the table of the JMH JSON file named first, by default {@code target/jmh-result.json}. */
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "target/jmh-result.json");
        if (!Files.isRegularFile(file)) {
            System.err.println("No JMH results at " + file.toAbsolutePath()
                    + ". Run JMH with -rf json -rff " + file + " first.");
            System.exit(2);
        }
        System.out.print(render(Pairing.of(JmhResult.read(file))));
    }

    /** The table, a line each pair, then the results without a baseline. */
    static String render(Pairing pairing) {
        StringBuilder out = new StringBuilder();
        if (!pairing.pairs().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"benchmark", "params", "cairn", "baseline", "unit", "cairn/baseline"});
            for (Pairing.Pair pair : pairing.pairs()) {
                JmhResult subject = pair.subject();
                JmhResult baseline = pair.baseline();
                String name = subject.shortName() + (pair.explicit() ? " vs " + baseline.method() : "");
                String baselineScore = score(baseline)
                        + (baseline.unit().equals(subject.unit()) ? "" : " " + baseline.unit());
                rows.add(new String[] {name, subject.paramText(), score(subject), baselineScore, subject.unit(),
                        ratioText(ratio(subject, baseline))});
            }
            appendTable(out, rows);
            out.append("cairn/baseline: how many times the baseline's cost Cairn's is (1.0x = as fast).\n");
        }
        if (!pairing.unpaired().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"without a baseline", "params", "score", "unit"});
            for (JmhResult result : pairing.unpaired()) {
                rows.add(new String[] {result.shortName(), result.paramText(), score(result), result.unit()});
            }
            out.append(out.length() == 0 ? "" : "\n");
            appendTable(out, rows);
        }
        return out.toString();
    }

    /**
     * How many times the baseline's cost the subject's is: above 1 is slower. NaN when the units cannot be
     * compared.
     */
    static double ratio(JmhResult subject, JmhResult baseline) {
        String[] subjectUnit = subject.unit().split("/", 2);
        String[] baselineUnit = baseline.unit().split("/", 2);
        if (subjectUnit.length != 2 || baselineUnit.length != 2) {
            return Double.NaN;
        }
        if (subjectUnit[1].equals("op") && baselineUnit[1].equals("op")) {
            return subject.score() * seconds(subjectUnit[0]) / (baseline.score() * seconds(baselineUnit[0]));
        }
        if (subjectUnit[0].equals("ops") && baselineUnit[0].equals("ops")) {
            return baseline.score() / seconds(baselineUnit[1]) / (subject.score() / seconds(subjectUnit[1]));
        }
        return Double.NaN;
    }

    private static double seconds(String timeUnit) {
        return SECONDS.getOrDefault(timeUnit, Double.NaN);
    }

    private static String score(JmhResult result) {
        return Double.isNaN(result.error())
                ? number(result.score())
                : number(result.score()) + " +- " + number(result.error());
    }

    private static String ratioText(double ratio) {
        if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0fx" : "%.1fx", ratio);
    }

    private static String number(double value) {
        double magnitude = Math.abs(value);
        String format = magnitude >= 1000 ? "%.0f" : magnitude >= 100 ? "%.1f" : magnitude >= 10 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, format, value);
    }

    /** Text left-aligned, numbers right-aligned, columns two spaces apart. */
    private static void appendTable(StringBuilder out, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        for (int index = 0; index < rows.size(); index++) {
            String[] row = rows.get(index);
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length; column++) {
                boolean numeric = index > 0 && !row[column].isEmpty() && Character.isDigit(row[column].charAt(0));
                String cell = numeric
                        ? " ".repeat(widths[column] - row[column].length()) + row[column]
                        : row[column] + " ".repeat(widths[column] - row[column].length());
                line.append(column == 0 ? "" : "  ").append(cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
