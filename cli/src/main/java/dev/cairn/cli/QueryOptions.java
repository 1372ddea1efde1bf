package dev.cairn.cli;

import dev.cairn.core.Layer;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.WorkType;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Every filter of {@link NodeQuery}, with its sort order and page; shared by {@code list} and
 * {@code search}. Within one option any value matches (except {@code --all-labels}); options narrow each
 * other. Not thread-safe.
 */
final class QueryOptions {
    @Option(names = {"-L", "--layer"}, paramLabel = "LAYER", split = ",", converter = Converters.LayerConverter.class,
            completionCandidates = Converters.LayerNames.class, description = "Only nodes of these layers.")
    List<Layer> layers;

    @Option(names = {"-s", "--status"}, paramLabel = "STATUS", split = ",",
            converter = Converters.StatusConverter.class, completionCandidates = Converters.StatusNames.class,
            description = "Only nodes with one of these statuses.")
    List<Status> statuses;

    @Option(names = {"-o", "--owner"}, paramLabel = "NAME", description = "Only nodes this person owns.")
    String owner;

    @Option(names = {"-a", "--assignee"}, paramLabel = "NAME", description = "Only nodes assigned to this person.")
    String assignee;

    @Option(names = "--severity", paramLabel = "SEVERITY", split = ",",
            converter = Converters.SeverityConverter.class, completionCandidates = Converters.SeverityNames.class,
            description = "Only nodes of these severities.")
    List<Severity> severities;

    @Option(names = "--work-type", paramLabel = "TYPE", split = ",", converter = Converters.WorkTypeConverter.class,
            completionCandidates = Converters.WorkTypeNames.class, description = "Only nodes of these work types.")
    List<WorkType> workTypes;

    @Option(names = {"-l", "--label"}, paramLabel = "LABEL", split = ",",
            description = "Only nodes with at least one of these labels.")
    List<String> anyLabels;

    @Option(names = "--all-labels", paramLabel = "LABEL", split = ",",
            description = "Only nodes with every one of these labels.")
    List<String> allLabels;

    @Option(names = "--parent-of", paramLabel = "ID", description = "Only the parents of this node.")
    String parentOf;

    @Option(names = "--child-of", paramLabel = "ID", description = "Only the children of this node.")
    String childOf;

    @Option(names = "--roots", description = "Only nodes without a parent.")
    boolean withoutParents;

    @Option(names = "--sort", paramLabel = "FIELD", converter = SortConverter.class,
            completionCandidates = SortNames.class,
            description = "id (default), title, layer, status, progress, created_at or updated_at.")
    NodeQuery.Sort sort;

    @Option(names = "--desc", description = "Sort in descending order.")
    boolean descending;

    @Option(names = "--offset", paramLabel = "N", description = "Skip the first N nodes.")
    Integer offset;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "Show at most N nodes.")
    Integer limit;

    NodeQuery query(String text) {
        NodeQuery query = NodeQuery.all();
        if (layers != null) {
            query = query.layers(layers.toArray(Layer[]::new));
        }
        if (statuses != null) {
            query = query.status(statuses.toArray(Status[]::new));
        }
        if (owner != null) {
            query = query.owner(owner);
        }
        if (assignee != null) {
            query = query.assignee(assignee);
        }
        if (severities != null) {
            query = query.severity(severities.toArray(Severity[]::new));
        }
        if (workTypes != null) {
            query = query.workType(workTypes.toArray(WorkType[]::new));
        }
        if (anyLabels != null) {
            query = query.withAnyLabel(anyLabels.toArray(String[]::new));
        }
        if (allLabels != null) {
            query = query.withAllLabels(allLabels.toArray(String[]::new));
        }
        if (text != null) {
            query = query.text(text);
        }
        if (parentOf != null) {
            query = query.parentOf(parentOf);
        }
        if (childOf != null) {
            query = query.childOf(childOf);
        }
        if (withoutParents) {
            query = query.withoutParents();
        }
        if (sort != null) {
            query = query.sortBy(sort);
        }
        if (descending) {
            query = query.descending();
        }
        if (offset != null) {
            if (offset < 0) {
                throw new UsageException("--offset must be 0 or more");
            }
            query = query.offset(offset);
        }
        if (limit != null) {
            if (limit < 1) {
                throw new UsageException("--limit must be 1 or more");
            }
            query = query.limit(limit);
        }
        return query;
    }

    static final class SortConverter implements ITypeConverter<NodeQuery.Sort> {
        @Override
        public NodeQuery.Sort convert(String value) {
            String key = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
            for (NodeQuery.Sort sort : NodeQuery.Sort.values()) {
                if (sort.name().equals(key) || sort.name().equals(key + "_AT")) {
                    return sort;
                }
            }
            throw new TypeConversionException("'" + value + "' is no sort order: use one of "
                    + String.join(", ", new SortNames()));
        }
    }

    static final class SortNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(NodeQuery.Sort.values()).map(sort -> sort.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }
}
