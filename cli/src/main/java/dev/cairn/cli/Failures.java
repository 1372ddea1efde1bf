package dev.cairn.cli;

import dev.cairn.core.DuplicateNodeException;
import dev.cairn.core.InvalidLinkException;
import dev.cairn.core.InvalidTransitionException;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.NoSuchStoreException;
import dev.cairn.core.NodeHasChildrenException;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.ValidationException;
import dev.cairn.core.VersionConflictException;
import dev.cairn.core.io.ImportException;
import dev.cairn.core.io.ImportProblem;
import dev.cairn.core.io.ImportReport;
import dev.cairn.migrations.MigrationChecksumMismatchException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where failures become exit codes and messages: one line on stderr, {@code cairn: }, what
 * went wrong and what to do about it. {@code --stacktrace} adds the stack trace. A refused import is the one
 * failure of many parts: its line is followed by one line a problem, {@code file:line: field = 'value': rule},
 * as compilers print theirs.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final CairnCommand root;

    Failures(CairnCommand root) {
        this.root = root;
    }

    /** The exit code for a failure of a command's work. */
    static int exitCode(Throwable failure) {
        if (failure instanceof NoSuchNodeException || failure instanceof NotFoundException
                || failure instanceof NoSuchStoreException) {
            return ExitCodes.NOT_FOUND;
        }
        if (failure instanceof ValidationException || failure instanceof VersionConflictException
                || failure instanceof InvalidLinkException || failure instanceof InvalidTransitionException
                || failure instanceof DuplicateNodeException || failure instanceof NodeHasChildrenException
                || failure instanceof ConflictException || failure instanceof ImportException
                || failure instanceof FileProblemsException) {
            return ExitCodes.CONFLICT;
        }
        return ExitCodes.FAILURE;
    }

    /** What to do, for the failures where the message alone does not say. */
    static String hint(Throwable failure) {
        if (failure instanceof NoSuchNodeException) {
            return "Run 'cairn list' or 'cairn search TEXT' to find the id.";
        }
        if (failure instanceof NodeHasChildrenException) {
            return "Add --cascade to delete the nodes below it too, or --detach to keep them without this parent.";
        }
        if (failure instanceof DuplicateNodeException) {
            return "Give another --id, or none to have one made.";
        }
        if (failure instanceof InvalidTransitionException) {
            return "Statuses move planned -> in_progress|blocked|cancelled, in_progress -> completed|blocked|"
                    + "cancelled, blocked -> in_progress|cancelled, cancelled -> in_progress; a completed node moves "
                    + "back with 'cairn status ID --reopen'.";
        }
        if (failure instanceof VersionConflictException) {
            return "Run 'cairn show ID' to see it as it is now, then try again.";
        }
        if (causedBy(failure, MigrationChecksumMismatchException.class)) {
            return "Restore the file, or run 'cairn migrate repair' to accept it.";
        }
        if (failure instanceof StoreConfigurationException && !(failure instanceof NoSuchStoreException)) {
            return "Check the store URL: --url, else $CAIRN_URL, else url: in ./cairn.yaml, else sqlite:cairn.db.";
        }
        if (failure instanceof ImportException) {
            return "Fix them and import again; 'cairn import --dry-run' checks without writing.";
        }
        return "";
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The library's message without the advice it ends with where the command line gives its own in its words
     * ({@code --cascade}, not {@code CASCADE}; {@code cairn migrate repair}, not {@code repair}), so that each
     * error advises once; and without advice to add an artifact, since the command line bundles every store.
     */
    static String withoutLibraryAdvice(Throwable failure, String message) {
        String text = message;
        int artifact = text.indexOf(" Add dev.cairn:");
        artifact = artifact >= 0 ? artifact : text.indexOf(" Add the artifact of a store");
        if (artifact >= 0) {
            text = text.substring(0, artifact);
        }
        if (failure instanceof NodeHasChildrenException) {
            int advice = text.indexOf(": delete with CASCADE");
            text = advice >= 0 ? text.substring(0, advice) + "." : text;
        }
        if (failure instanceof VersionConflictException) {
            text = text.replace(" Read it again and retry.", "");
        }
        if (causedBy(failure, MigrationChecksumMismatchException.class)) {
            text = text.replace(" Restore the file, or run repair to accept it.", "");
        }
        return text;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        // Cairn's own exceptions say what failed in words; anything else is named, as it is unexpected.
        boolean ours = failure.getClass().getPackageName().startsWith("dev.cairn");
        String message = failure instanceof ImportException refused ? summary(refused.report())
                : failure instanceof NoSuchStoreException missing ? noStore(missing)
                : ours ? withoutLibraryAdvice(failure, oneLine(failure.getMessage()))
                : failure.getClass().getName() + ": " + oneLine(String.valueOf(failure.getMessage()))
                + ". Run again with --stacktrace to see where.";
        String hint = hint(failure);
        // The one masking step at the edge: a driver's message may quote what the URL or cairn.yaml held.
        err.println(TerminalSafeWriter.escape(root.mask("cairn: " + message + (hint.isEmpty() ? "" : " " + hint))));
        if (failure instanceof ImportException refused) {
            problems(err, refused.report());
        }
        if (failure instanceof FileProblemsException refused) {
            refused.problems().forEach(problem -> err.println(TerminalSafeWriter.escape(problem)));
        }
        if (root.stacktrace) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            err.print(root.mask(trace.toString()));
        }
        err.flush();
        return exitCode(failure);
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine commandLine = failure.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String message = oneLine(failure.getMessage());
        if (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        err.println("cairn: " + message + ". See '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
        if (failure instanceof UnmatchedArgumentException unmatched) {
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        if (root.stacktrace) {
            failure.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** What a command that only reads says of a store file that is not there, with what to do. */
    static String noStore(NoSuchStoreException missing) {
        return "no store at " + missing.file() + " (run 'cairn init' to make one)";
    }

    /** The first line of a refused import: how many problems, and that nothing was written. */
    static String summary(ImportReport report) {
        long count = report.problemCount();
        return "Import refused, nothing written: " + count + (count == 1 ? " problem" : " problems") + ", listed below.";
    }

    /** Every problem a refused import reports, one a line; the count of those the report does not list. */
    static void problems(PrintWriter err, ImportReport report) {
        for (ImportProblem problem : report.problems()) {
            err.println(TerminalSafeWriter.escape(problem.toString()));
        }
        long unlisted = report.problemCount() - report.problems().size();
        if (unlisted > 0) {
            err.println("… and " + unlisted + " more");
        }
    }

    /** Messages of several lines (a migration's problems) joined into one. */
    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        return message.strip().replace(":\n  - ", ": ").replace("\n  - ", "; ").replace("\r", "")
                .replace("\n", " ");
    }
}
