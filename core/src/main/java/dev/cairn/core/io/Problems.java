package dev.cairn.core.io;

import java.util.ArrayList;
import java.util.List;

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
