package dev.cairn.cli;

import dev.cairn.core.DuplicateNodeException;
import dev.cairn.core.copy.CopyListener;
import dev.cairn.core.copy.CopyResult;
import dev.cairn.core.copy.StoreCopy;
import dev.cairn.core.copy.Verification;
import dev.cairn.core.io.ImportMode;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn copy --to URL}: the whole plan into another store, on any backend, then verified. */
@Command(name = "copy",
        description = {"Copies the whole plan, nodes, links, labels and history, from the store (or --from URL) to "
                + "the store at --to URL, on any backends, in one transaction on each side; then compares both, "
                + "node by node. Exits 1 when the comparison finds a difference.",
            "--mode says what to do with a node the target holds already: fail (the default; nothing is written), "
                + "skip it, or update it to the source's fields."},
        footerHeading = "%nExamples:%n",
        footer = {"  cairn copy --to postgresql://db.example/plan",
            "  cairn copy --from sqlite:old.db --to sqlite:new.db --mode skip"})
final class CopyCommand extends CliCommand {
    @Option(names = "--to", paramLabel = "URL", required = true, description = "The store to copy into.")
    String to;

    @Option(names = "--from", paramLabel = "URL",
            description = "The store to copy from; default: the store (--url, $CAIRN_URL, ./cairn.yaml, ...).")
    String from;

    @Option(names = "--mode", paramLabel = "MODE", completionCandidates = ImportCommand.ModeNames.class,
            description = "What to do with a node the target holds already: fail, skip or update (default: fail).")
    ImportMode mode = ImportMode.FAIL;

    @Option(names = "--no-verify", description = "Do not compare the stores after the copy.")
    boolean noVerify;

    @Override
    int run() {
        String target = to.trim();
        String lower = target.toLowerCase(Locale.ROOT);
        String source = from != null ? from.trim() : root().located().config().url();
        // An H2 URL with settings goes on to the check of its settings, which refuses those that run code first.
        boolean inMemory = lower.startsWith("memory:") || lower.startsWith("sqlite::memory:")
                || lower.startsWith("h2:mem:") && !lower.contains(";");
        // The source itself is refused below, as "onto itself", whatever its kind.
        if (inMemory && !target.equals(source)) {
            throw new UsageException("--to " + target + " is a store in memory, gone when this command ends, and the "
                    + "copy with it; copy into a store that stays, such as --to sqlite:copy.db");
        }
        StoreCopy copy = (from == null ? StoreCopy.from(cairn()) : StoreCopy.from(from.trim())).to(target)
                .mode(mode).verify(!noVerify);
        CopyResult result;
        try (ProgressBar progress = new ProgressBar(environment().err(), environment().interactive(), -1, "copying")) {
            result = copy.listener((phase, done, total) -> progress.at(phaseName(phase), done, total)).run();
        } catch (DuplicateNodeException held) {
            throw new ConflictException(held.getMessage().replace("Copy with mode SKIP", "Copy with --mode skip")
                    .replace("UPDATE to", "--mode update to"), held);
        } catch (IllegalArgumentException sameStore) {
            // StoreCopy.run throws it for one reason, a target that is the source: the arguments name one store.
            throw new UsageException(sameStore.getMessage());
        }
        output().emit(ReportShapes.copy(result), out -> print(out, result));
        Verification verification = result.verification();
        if (verification != null && !verification.ok()) {
            environment().err().println("cairn: The copy differs from its source: "
                    + Failures.oneLine(verification.describe()) + " Run 'cairn copy' again into an empty store.");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private static String phaseName(CopyListener.Phase phase) {
        return phase == CopyListener.Phase.VERIFY ? "nodes verified"
                : phase.name().toLowerCase(Locale.ROOT) + " copied";
    }

    private static void print(PrintWriter out, CopyResult result) {
        out.println("Copied " + result.source() + " to " + result.target() + " in " + result.duration().toMillis()
                + " ms (mode " + result.mode().name().toLowerCase(Locale.ROOT) + ")");
        Table table = new Table("", "COPIED", "SKIPPED", "UPDATED").alignRight(1, 2, 3);
        table.row("nodes", result.nodesCopied(), result.nodesSkipped(), result.nodesUpdated());
        table.row("links", result.linksCopied(), result.linksSkipped(), "");
        table.row("labels", result.labelsCopied(), "", "");
        table.row("events", result.eventsCopied(), result.eventsSkipped(), "");
        table.print(out);
        Verification verification = result.verification();
        if (verification == null) {
            out.println("Not verified (--no-verify).");
        } else {
            out.println((verification.ok() ? "Verified, " : "Verification found differences:\n")
                    + verification.describe());
        }
    }
}
