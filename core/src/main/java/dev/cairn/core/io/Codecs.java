package dev.cairn.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The Jackson factories of every plan file, with limits that turn hostile input into a problem rather than
 * exhausted memory. Thread-safe.
 *
 * <ul>
 *   <li>Nesting deeper than {@value #MAX_DEPTH}: a node is three levels deep, custom fields a few more.</li>
 *   <li>A string longer than {@value #MAX_STRING} characters: a description may hold 100,000. In YAML, a line
 *       longer than {@value #MAX_LINE} characters, refused as it is read ({@link LineLimitReader}).</li>
 *   <li>YAML aliases are refused where they are met ({@link ValueReader}): the streaming parser never
 *       expands them, so an alias bomb costs nothing, and no plan needs one.</li>
 *   <li>A ToDoWrite tree's files are small; each is refused above {@value #MAX_TREE_FILE} bytes before it is
 *       parsed. A one-file plan has no size limit: it is read as a stream, one node at a time.</li>
 * </ul>
 */
final class Codecs {
    static final int MAX_DEPTH = 32;
    static final int MAX_STRING = 1_000_000;
    static final long MAX_TREE_FILE = 4L * 1024 * 1024;
    /** The longest YAML line: a value of {@value #MAX_STRING} characters, its key, quotes and escapes. */
    static final int MAX_LINE = 2 * MAX_STRING;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING)
            .maxNumberLength(100)
            .maxNameLength(1_000)
            .build();

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(LIMITS)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .streamReadConstraints(LIMITS)
            .loaderOptions(loaderOptions())
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .stringQuotingChecker(new PlainScalars())
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private Codecs() {
    }

    static JsonFactory factory(PlanFormat format) {
        return format == PlanFormat.JSON ? JSON : YAML;
    }

    /**
     * A parser of a plan file. A YAML file is read through {@link LineLimitReader}, so that a huge value is refused
     * as fast as JSON's parser refuses it; JSON's own limits are checked as it reads.
     */
    static JsonParser parser(PlanFormat format, InputStream in) throws IOException {
        return format == PlanFormat.JSON ? JSON.createParser(in)
                : YAML.createParser(LineLimitReader.of(in, MAX_LINE));
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        // SnakeYAML counts code points per document; a one-file plan is one document of any size, and the
        // limits above bound each value instead.
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(0);
        options.setAllowDuplicateKeys(false);
        return options;
    }
}
