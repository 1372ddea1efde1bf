package dev.cairn.store.memory;

import dev.cairn.core.Event;
import dev.cairn.core.Label;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.StatusCount;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreTransaction;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A private store per test, with one-line reads and writes: typed helpers keep AssertJ's overloads
 * from tripping over the generic {@link Store#read}.
 */
abstract class StoreFixture {
    protected final Store store = TestNodes.privateStore();

    void write(Consumer<StoreTransaction> work) {
        store.write(tx -> {
            work.accept(tx);
            return null;
        });
    }

    boolean update(Node node, long expectedVersion) {
        return store.write(tx -> tx.update(node, expectedVersion));
    }

    boolean deleteLink(String parentId, String childId) {
        return store.write(tx -> tx.deleteLink(new Link(parentId, childId)));
    }

    Optional<Node> stored(String id) {
        return store.read(tx -> tx.node(id));
    }

    List<Node> stored(List<String> ids) {
        return store.read(tx -> tx.nodes(ids));
    }

    List<Link> links() {
        return store.read(StoreTransaction::links);
    }

    boolean hasLink(String parentId, String childId) {
        return store.read(tx -> tx.hasLink(new Link(parentId, childId)));
    }

    List<String> childIds(String id) {
        return store.read(tx -> tx.childIds(id));
    }

    List<String> parentIds(String id) {
        return store.read(tx -> tx.parentIds(id));
    }

    List<Label> labels() {
        return store.read(StoreTransaction::labels);
    }

    Optional<Label> label(String name) {
        return store.read(tx -> tx.label(name));
    }

    List<StatusCount> statusCounts() {
        return store.read(StoreTransaction::countByLayerAndStatus);
    }

    List<String> commandsVerifying(String acceptanceCriteriaId) {
        return store.read(tx -> tx.commandsVerifying(acceptanceCriteriaId));
    }

    List<Event> events(String nodeId) {
        return store.read(tx -> tx.events(nodeId));
    }

    List<Event> events(long afterSequence, int limit) {
        return store.read(tx -> tx.events(afterSequence, limit));
    }

    List<Node> find(NodeQuery query) {
        return store.read(tx -> tx.find(query));
    }

    long count(NodeQuery query) {
        return store.read(tx -> tx.count(query));
    }

    List<Node> descendants(String id) {
        return store.read(tx -> tx.descendants(id));
    }

    List<Node> ancestors(String id) {
        return store.read(tx -> tx.ancestors(id));
    }

    List<Link> descendantLinks(String id) {
        return store.read(tx -> tx.descendantLinks(id));
    }
}
