package dev.cairn.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Collects problems, or warnings, keeping the first {@link ImportReport#LISTED} and counting all. */
final class Problems {
    private final List<ImportProblem> listed = new ArrayList<>();
    private long count;

    void add(ImportProblem problem) {
        count++;
        if (listed.size() < ImportReport.LISTED) {
            listed.add(problem);
        }
    }

    void add(String source, int line, String field, Object value, String rule) {
        add(new ImportProblem(source, line, field, value == null ? null : String.valueOf(value), rule));
    }

    /** A file its parser could not read, at the line where the parser tells it. */
    void unreadable(String source, PlanFormat format, Exception failure) {
        IOException own = LineLimitReader.ownFailure(failure);
        if (own instanceof LineLimitReader.LineTooLongException tooLong) {
            add(source, tooLong.line, "", null, "has a line longer than " + Codecs.MAX_LINE + " characters: a value "
                    + "may hold at most " + Codecs.MAX_STRING);
            return;
        }
        if (own instanceof LineLimitReader.NotTextException notText) {
            add(source, notText.line, "", null, "is not valid " + format + ": " + notText.getMessage());
            return;
        }
        JsonProcessingException parsing = failure instanceof JsonProcessingException json ? json : null;
        int line = parsing != null && parsing.getLocation() != null ? parsing.getLocation().getLineNr() : 0;
        // The YAML parser's own mark is where the problem is; Jackson's location is that of the token before it.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                line = marked.getProblemMark().getLine() + 1;
                break;
            }
        }
        add(source, line, "", null, "is not valid " + format + ": "
                + (parsing != null ? parsing.getOriginalMessage() : failure.getMessage()));
    }

    boolean isEmpty() {
        return count == 0;
    }

    long count() {
        return count;
    }

    List<ImportProblem> listed() {
        return listed;
    }
}
