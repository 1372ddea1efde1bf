package dev.cairn.runner;

import dev.cairn.core.Event;
import dev.cairn.core.Label;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.StatusCount;
import dev.cairn.core.spi.NewEvent;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A store that keeps nodes and nothing about runs, as a third-party store may: its transactions give no
 * {@link dev.cairn.core.spi.RunLog}. Enough for creating nodes and planning; the runner's work on real stores is
 * in the TCK's {@code CommandRunnerContractTest}, which this module's tests cannot reach (the TCK depends on it).
 * Not thread-safe: one test's.
 */
final class NodesOnlyStore implements Store {
    static final String BACKEND = "nodes-only";

    private final Map<String, Node> nodes = new HashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final StoreTransaction transaction = new NodesOnly();

    @Override
    public <T> T read(Function<StoreTransaction, T> work) {
        return work.apply(transaction);
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        return work.apply(transaction);
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    private final class NodesOnly implements StoreTransaction {
        @Override
        public Optional<Node> node(String id) {
            return Optional.ofNullable(nodes.get(id));
        }

        @Override
        public void insert(Node node) {
            nodes.put(node.id(), node);
        }

        @Override
        public boolean update(Node node, long expectedVersion) {
            return nodes.replace(node.id(), node) != null;
        }

        @Override
        public boolean delete(String id) {
            return nodes.remove(id) != null;
        }

        @Override
        public void insertLink(Link link) {
            links.add(link);
        }

        @Override
        public boolean deleteLink(Link link) {
            return links.remove(link);
        }

        @Override
        public List<String> parentIds(String id) {
            return links.stream().filter(link -> link.childId().equals(id)).map(Link::parentId).sorted().toList();
        }

        @Override
        public List<String> childIds(String id) {
            return links.stream().filter(link -> link.parentId().equals(id)).map(Link::childId).sorted().toList();
        }

        @Override
        public List<Node> find(NodeQuery query) {
            return List.copyOf(nodes.values());
        }

        @Override
        public long count(NodeQuery query) {
            return nodes.size();
        }

        @Override
        public List<Link> links() {
            return List.copyOf(links);
        }

        @Override
        public List<StatusCount> countByLayerAndStatus() {
            return List.of();
        }

        @Override
        public List<String> commandsVerifying(String acceptanceCriteriaId) {
            return List.of();
        }

        @Override
        public void putLabel(Label label) {
        }

        @Override
        public Optional<Label> label(String name) {
            return Optional.empty();
        }

        @Override
        public List<Label> labels() {
            return List.of();
        }

        @Override
        public void append(List<NewEvent> events) {
        }

        @Override
        public List<Event> events(String nodeId) {
            return List.of();
        }

        @Override
        public List<Event> events(long afterSequence, int limit) {
            return List.of();
        }
    }
}
