package dev.cairn.core.spi;

import dev.cairn.core.Event;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.StatusCount;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The operations of one unit of work. Used by one thread, inside {@link Store#read} or
 * {@link Store#write}; not to be kept after the work returns.
 *
 * <p>Cairn has checked every value before it reaches a store, so a store only keeps and finds. The
 * graph walks have defaults built on {@link #parentIds} and {@link #childIds}; a SQL store overrides
 * them with queries that run in the database.
 */
public interface StoreTransaction {
    /**
     * The node with {@code id}, labels and command spec included.
     *
     * @param id a node's id
     * @return the node, or empty when there is none
     */
    Optional<Node> node(String id);

    /**
     * Holds the nodes of {@code ids} that exist against other writers until the unit of work ends, for a
     * change that must see every link to them (a delete): where writers run concurrently, another may
     * otherwise add or remove a link, or delete the node, between this one's reads and its writes. Reads
     * after this call see what other transactions committed before it. Stores whose writes are serial have
     * nothing to do.
     *
     * @param ids the ids of the nodes to hold
     * @return whether this store locks at all (its writers run concurrently); false tells the caller that
     *         reading again would find nothing new
     */
    default boolean lockNodes(Collection<String> ids) {
        return false;
    }

    /**
     * The nodes of {@code ids} that exist, in no particular order.
     *
     * @param ids the ids of the nodes wanted
     * @return the nodes found
     */
    default List<Node> nodes(Collection<String> ids) {
        List<Node> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            node(id).ifPresent(found::add);
        }
        return found;
    }

    /**
     * The layers of the nodes of {@code ids} that exist, by id: all that the rules read of a new link's ends.
     * The default reads the whole nodes; a store that can read the layers alone overrides it.
     *
     * @param ids the ids of the nodes wanted
     * @return the layer of each node found, by id
     */
    default Map<String, Layer> layers(Collection<String> ids) {
        Map<String, Layer> layers = new LinkedHashMap<>();
        for (Node node : nodes(ids)) {
            layers.put(node.id(), node.layer());
        }
        return layers;
    }

    /**
     * Stores a new node with its labels (creating label names not yet known) and command spec.
     *
     * @param node a node Cairn has checked
     * @throws dev.cairn.core.DuplicateNodeException when its id exists
     */
    void insert(Node node);

    /**
     * Stores new nodes, as {@link #insert} stores one, in list order: a chunk of a
     * {@link dev.cairn.core.PlanGraph#batch batch}, up to a few thousand. A store that can write many rows
     * in one round trip overrides this; the default inserts one by one.
     *
     * <p>When it throws, the unit of work fails: the caller rolls it back, so what was stored of the list
     * need not be undone here.
     *
     * @param nodes nodes Cairn has checked, in the order to store them
     * @throws dev.cairn.core.DuplicateNodeException when an id exists
     */
    default void insertNodes(List<Node> nodes) {
        for (Node node : nodes) {
            insert(node);
        }
    }

    /**
     * Replaces a node, labels and command spec included, if it is still at {@code expectedVersion}.
     *
     * @param node            the node as it is to be
     * @param expectedVersion the version the stored node must be at
     * @return false, changing nothing, when the node is gone or at another version
     */
    boolean update(Node node, long expectedVersion);

    /**
     * Deletes a node with its links and label assignments; its events stay.
     *
     * @param id the node's id
     * @return false, changing nothing, when there was no such node: another transaction may have deleted it
     */
    boolean delete(String id);

    /**
     * Stores a link. Cairn checks both ends and the layer order first.
     *
     * @param link a link Cairn has checked
     * @throws dev.cairn.core.NoSuchNodeException when an end does not exist
     * @throws dev.cairn.core.InvalidLinkException when the link is stored already
     */
    void insertLink(Link link);

    /**
     * Stores links, as {@link #insertLink} stores one, in list order: a chunk of a
     * {@link dev.cairn.core.PlanGraph#batch batch}. Cairn has checked the layer order, but only the store
     * knows whether each end exists (it may have been stored by an earlier chunk of the same batch), so it
     * must refuse a missing end, as a foreign key does. A store that can write many rows in one round trip
     * overrides this; the default inserts one by one.
     *
     * <p>When it throws, the unit of work fails: the caller rolls it back.
     *
     * @param links links Cairn has checked, in the order to store them
     * @throws dev.cairn.core.NoSuchNodeException when an end does not exist
     * @throws dev.cairn.core.InvalidLinkException when a link is stored already
     */
    default void insertLinks(List<Link> links) {
        for (Link link : links) {
            insertLink(link);
        }
    }

    /**
     * Deletes a link; false when there was none.
     *
     * @param link the link to delete
     * @return whether there was one
     */
    boolean deleteLink(Link link);

    /**
     * Whether the store holds a link. The default reads the children of its parent.
     *
     * @param link the link to look for
     * @return whether it is stored
     */
    default boolean hasLink(Link link) {
        return childIds(link.parentId()).contains(link.childId());
    }

    /**
     * The ids of the parents of {@code id}, sorted.
     *
     * @param id a node's id
     * @return the parents' ids
     */
    List<String> parentIds(String id);

    /**
     * The ids of the children of {@code id}, sorted.
     *
     * @param id a node's id
     * @return the children's ids
     */
    List<String> childIds(String id);

    /**
     * The nodes matching {@code query}, sorted and paged as it says.
     *
     * @param query what to look for
     * @return the nodes found
     */
    List<Node> find(NodeQuery query);

    /**
     * How many nodes match {@code query}, ignoring its page.
     *
     * @param query what to look for
     * @return the number of nodes found
     */
    long count(NodeQuery query);

    /**
     * Every node below {@code id}, each once, {@code id} itself left out.
     *
     * @param id a node's id
     * @return its descendants
     */
    default List<Node> descendants(String id) {
        return nodes(walk(id, true));
    }

    /**
     * Every node above {@code id}, each once, {@code id} itself left out.
     *
     * @param id a node's id
     * @return its ancestors
     */
    default List<Node> ancestors(String id) {
        return nodes(walk(id, false));
    }

    /**
     * Every link between {@code id} and the nodes below it.
     *
     * @param id a node's id
     * @return the links below it
     */
    default List<Link> descendantLinks(String id) {
        List<Link> links = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(id));
        while (!pending.isEmpty()) {
            String parent = pending.pop();
            if (seen.add(parent)) {
                for (String child : childIds(parent)) {
                    links.add(new Link(parent, child));
                    pending.push(child);
                }
            }
        }
        return links;
    }

    /** {@return every link in the store, sorted by parent then child} */
    List<Link> links();

    /** {@return counts of nodes by layer and status; combinations with no node are left out} */
    List<StatusCount> countByLayerAndStatus();

    /**
     * The ids of the Command nodes whose spec names {@code acceptanceCriteriaId}.
     *
     * @param acceptanceCriteriaId an AcceptanceCriteria node's id
     * @return the ids of the Commands that verify it
     */
    List<String> commandsVerifying(String acceptanceCriteriaId);

    /**
     * The values stored that Cairn's rules forbid, found with plain queries that read no row as a node: a
     * layer, status, severity or work type that is none of the known names, a progress outside 0 to 100, a
     * completed node whose progress is not 100, a link against the layer order, a link whose end is missing.
     * Only another tool writing past Cairn leaves them. Sorted by node id, then field.
     *
     * <p>A store that keeps only what passed the rules, as the memory store does, has none: the default.
     *
     * @return the forbidden values found; empty for a store whose values were all written by Cairn
     */
    default List<StoredDrift> drift() {
        return List.of();
    }

    /**
     * Rewrites drifted values of the row of node {@code nodeId} in one statement, each to the value
     * {@code repairs} maps it to, if the row still holds every {@link StoredDrift#storedValue()}, moving the node
     * to its next version stamped {@code at}. One statement, because a database checks a row's constraints
     * whole: a status rewritten alone would fail on the same row's progress out of range. Cairn calls this for
     * {@link StoredDrift#STATUS}, {@link StoredDrift#LAYER}, {@link StoredDrift#SEVERITY},
     * {@link StoredDrift#WORK_TYPE} (a wire name, a layer's display name) and {@link StoredDrift#PROGRESS} (in
     * decimal) only, at most one of each, and appends the events itself.
     *
     * @param nodeId  the node's id
     * @param repairs the value to write for each drift found
     * @param at      the time to stamp the node's new version with
     * @return false, changing nothing, when the row no longer holds the drifted values, or this store repairs
     *         nothing (the default: a store whose {@link #drift()} finds nothing is never asked)
     */
    default boolean repairDrift(String nodeId, Map<StoredDrift, String> repairs, Instant at) {
        return false;
    }

    /**
     * Creates a label or replaces its description.
     *
     * @param label the label with its description
     */
    void putLabel(Label label);

    /**
     * The label named {@code name}.
     *
     * @param name a label's name
     * @return the label, or empty when there is none
     */
    Optional<Label> label(String name);

    /** {@return every label known, sorted by name} */
    List<Label> labels();

    /**
     * Appends events, giving them increasing sequence numbers in list order.
     *
     * @param events the events to append, in order
     */
    void append(List<NewEvent> events);

    /**
     * The events of one node, oldest first.
     *
     * @param nodeId a node's id
     * @return its events
     */
    List<Event> events(String nodeId);

    /**
     * Up to {@code limit} (at least 1) events with a sequence above {@code afterSequence}, oldest first.
     *
     * @param afterSequence the sequence number of the last event seen; 0 for the first
     * @param limit         the most events to return
     * @return the events
     */
    List<Event> events(long afterSequence, int limit);

    private Set<String> walk(String start, boolean down) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(down ? childIds(start) : parentIds(start));
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (seen.add(id)) {
                pending.addAll(down ? childIds(id) : parentIds(id));
            }
        }
        seen.remove(start);
        return seen;
    }

    // ----------------------------------------------------------------------------------------------
    // Streaming reads: an export or a copy of a million nodes holds one node (or one page) at a time.

    /**
     * Gives every node, sorted by id, to {@code action}, one at a time, labels and command spec included.
     * What {@code action} throws ends the stream and is rethrown as it was.
     *
     * <p>The default asks {@link #find} for them all at once: right for a store that keeps its nodes in the
     * heap anyway (the list holds the store's own instances), where paging by offset would sort the whole
     * store again for every page. A store that keeps them elsewhere overrides this with a query that
     * streams, holding a bounded number of rows, as the SQL stores do.
     *
     * @param action given each node
     */
    default void forEachNode(Consumer<Node> action) {
        Objects.requireNonNull(action, "action");
        for (Node node : find(NodeQuery.all())) {
            action.accept(node);
        }
    }

    /**
     * Gives every link, sorted by parent then child, to {@code action}, one at a time. The default walks
     * {@link #links()}; a store that keeps its links outside the heap overrides it with a query that streams.
     *
     * @param action given each link
     */
    default void forEachLink(Consumer<Link> action) {
        Objects.requireNonNull(action, "action");
        for (Link link : links()) {
            action.accept(link);
        }
    }

    /**
     * The sorted parent ids of each node of {@code ids} that has parents (those without are left out), for
     * a page of a stream: a verification that compares each node with its parents asks once per few hundred
     * nodes. The default asks {@link #parentIds(String)} for each; a SQL store answers in one query.
     *
     * @param ids the ids of the nodes wanted
     * @return the parent ids of each, by node id
     */
    default Map<String, List<String>> parentIdsOf(Collection<String> ids) {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        for (String id : ids) {
            List<String> found = parentIds(id);
            if (!found.isEmpty()) {
                parents.put(id, found);
            }
        }
        return parents;
    }

    // ----------------------------------------------------------------------------------------------
    // Command runs and leases (schema version 2): an optional facet.

    /**
     * The runs and leases of Command nodes in this unit of work, when this store keeps them: a store that does
     * returns its {@link RunLog} here and declares {@link StoreCapability#COMMAND_RUNS}. The default, empty, is
     * for a store that keeps no runs; a runner asked to run a Command on it says so, naming the store, and
     * nothing else about the store changes.
     *
     * @return the run log, or empty when this store keeps no runs
     */
    default Optional<RunLog> runLog() {
        return Optional.empty();
    }
}
