package dev.cairn.core.copy;

import dev.cairn.core.Batch;
import dev.cairn.core.Cairn;
import dev.cairn.core.DuplicateNodeException;
import dev.cairn.core.Event;
import dev.cairn.core.Label;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.StoreUrls;
import dev.cairn.core.io.ImportMode;
import dev.cairn.core.spi.StoreTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Copies a whole plan from one store to another, on any backends, and checks the copy:
 *
 * <pre>{@code
 * CopyResult result = StoreCopy.from("sqlite:plan.db").to("postgresql://db/plan").run();
 * if (!result.ok()) {
 *     System.err.println(result.verification().describe());
 * }
 * }</pre>
 *
 * <p>The source is read in one read transaction, a consistent snapshot, and the target written in one write
 * transaction, all or nothing. Both are streamed ({@link StoreTransaction#forEachNode}, events by sequence,
 * {@link StoreTransaction#forEachLink}), so a copy holds a page of each kind, not the plan: its memory does not
 * grow with the stores, except in modes {@link ImportMode#SKIP} and {@link ImportMode#UPDATE}, which remember the
 * ids of the nodes the target held already. Each node keeps its id, status, dates, timestamps, version,
 * custom fields, labels and command spec; labels keep their descriptions; the whole event log comes along, in
 * its order, numbered anew by the target. Then {@link #verify(Cairn, Cairn)} compares both stores (unless
 * {@link #verify(boolean) turned off}).
 *
 * <p>Labels, nodes, events and links are written through one {@link Cairn#batch}, checked by the rules like
 * any write; links through {@link Batch#restore(Link)}, which records no new "linked" event on top of the
 * history the copy brings.
 *
 * <p>Immutable and thread-safe: each method returns a new copy; {@link #run} may be called from any thread,
 * and runs on it.
 */
public final class StoreCopy {
    /** Items read and written per page. */
    private static final int PAGE = 500;

    private final Cairn source;
    private final String sourceUrl;
    private final Cairn target;
    private final String targetUrl;
    private final ImportMode mode;
    private final CopyListener listener;
    private final boolean verify;

    private StoreCopy(Cairn source, String sourceUrl, Cairn target, String targetUrl, ImportMode mode,
                      CopyListener listener, boolean verify) {
        this.source = source;
        this.sourceUrl = sourceUrl;
        this.target = target;
        this.targetUrl = targetUrl;
        this.mode = mode;
        this.listener = listener;
        this.verify = verify;
    }

    /**
     * A copy from {@code source}, which the caller keeps open and closes.
     *
     * @param source an open store
     * @return a copy that has no target yet
     */
    public static StoreCopy from(Cairn source) {
        return new StoreCopy(Objects.requireNonNull(source, "source"), null, null, null, ImportMode.FAIL,
                CopyListener.NONE, true);
    }

    /**
     * A copy from the store at {@code sourceUrl}, opened by {@link #run} and closed when it ends.
     *
     * @param sourceUrl the source store's URL
     * @return a copy that has no target yet
     */
    public static StoreCopy from(String sourceUrl) {
        return new StoreCopy(null, Objects.requireNonNull(sourceUrl, "sourceUrl"), null, null, ImportMode.FAIL,
                CopyListener.NONE, true);
    }

    /**
     * Into {@code target}, which the caller keeps open and closes.
     *
     * @param target an open store
     * @return a new copy; this one is unchanged
     */
    public StoreCopy to(Cairn target) {
        return new StoreCopy(source, sourceUrl, Objects.requireNonNull(target, "target"), null, mode, listener,
                verify);
    }

    /**
     * Into the store at {@code targetUrl}, opened by {@link #run} and closed when it ends.
     *
     * @param targetUrl the target store's URL
     * @return a new copy; this one is unchanged
     */
    public StoreCopy to(String targetUrl) {
        return new StoreCopy(source, sourceUrl, null, Objects.requireNonNull(targetUrl, "targetUrl"), mode, listener,
                verify);
    }

    /**
     * What to do with a node the target holds already; {@link ImportMode#FAIL} unless set.
     *
     * @param mode fail, skip or update
     * @return a new copy; this one is unchanged
     */
    public StoreCopy mode(ImportMode mode) {
        return new StoreCopy(source, sourceUrl, target, targetUrl, Objects.requireNonNull(mode, "mode"), listener,
                verify);
    }

    /**
     * Who is told the progress; nobody unless set.
     *
     * @param listener told of each phase and how far it has come
     * @return a new copy; this one is unchanged
     */
    public StoreCopy listener(CopyListener listener) {
        return new StoreCopy(source, sourceUrl, target, targetUrl, mode, Objects.requireNonNull(listener, "listener"),
                verify);
    }

    /**
     * Whether to compare both stores after the copy; on unless turned off.
     *
     * @param verify false to skip the comparison
     * @return a new copy; this one is unchanged
     */
    public StoreCopy verify(boolean verify) {
        return new StoreCopy(source, sourceUrl, target, targetUrl, mode, listener, verify);
    }

    /**
     * Copies, then verifies.
     *
     * @return what was copied, and the verification when one was made
     * @throws IllegalArgumentException when both name the same store, or no target was given
     * @throws DuplicateNodeException   in mode {@link ImportMode#FAIL}, when the target holds a node of the
     *                                  source's; nothing is written
     * @throws dev.cairn.core.ValidationException when a node of the source breaks a rule; nothing is written
     */
    public CopyResult run() {
        if (target == null && targetUrl == null) {
            throw new IllegalArgumentException("No target to copy " + describe(source, sourceUrl) + " to: name one "
                    + "with to(...).");
        }
        Cairn from = source != null ? source : Cairn.open(sourceUrl);
        try {
            Cairn into = target != null ? target : Cairn.open(targetUrl);
            try {
                return run(from, into);
            } finally {
                if (target == null) {
                    into.close();
                }
            }
        } finally {
            if (source == null) {
                from.close();
            }
        }
    }

    /**
     * Compares two stores, each read in one transaction: how many nodes, links, labels and events each holds,
     * the labels, and every node by its {@link NodeDigest} (its parents included), streamed in id order from
     * both at once. Memory holds a few pages, whatever the size of the stores.
     *
     * @param source the store copied from
     * @param target the store copied to
     * @return the counts of both and the nodes that differ
     * @throws IllegalArgumentException when both are the same store
     */
    public static Verification verify(Cairn source, Cairn target) {
        return Verifier.verify(source, target, CopyListener.NONE);
    }

    /**
     * {@link #verify(Cairn, Cairn)}, telling {@code listener} how many nodes it has compared.
     *
     * @param source   the store copied from
     * @param target   the store copied to
     * @param listener told of the {@link CopyListener.Phase#VERIFY} phase as it goes
     * @return the counts of both and the nodes that differ
     */
    public static Verification verify(Cairn source, Cairn target, CopyListener listener) {
        return Verifier.verify(source, target, Objects.requireNonNull(listener, "listener"));
    }

    private CopyResult run(Cairn from, Cairn into) {
        requireDistinct(from, into);
        long started = System.nanoTime();
        String route = from.config().maskedUrl() + " to " + into.config().maskedUrl();
        Tally tally = from.store().read(fromTx -> into.store().write(intoTx -> copy(fromTx, intoTx, into, route)));
        Verification verification = verify ? Verifier.verify(from, into, listener) : null;
        return new CopyResult(from.config().maskedUrl(), into.config().maskedUrl(), mode, tally.nodesCopied,
                tally.nodesSkipped, tally.nodesUpdated, tally.linksCopied, tally.linksSkipped, tally.labelsCopied,
                tally.eventsCopied, tally.eventsSkipped, verification, Duration.ofNanos(System.nanoTime() - started));
    }

    private Tally copy(StoreTransaction from, StoreTransaction into, Cairn target, String route) {
        // A retried unit of work (a store may run one again after a lost connection) starts from zero.
        Tally tally = new Tally(route, from.count(NodeQuery.all()), into.count(NodeQuery.all()) == 0);
        target.batch(batch -> {
            copyLabels(from, into, batch, tally);
            from.forEachNode(node -> {
                tally.page.add(node);
                if (tally.page.size() == PAGE) {
                    copyNodes(into, batch, tally);
                }
            });
            copyNodes(into, batch, tally);
            listener.progress(CopyListener.Phase.NODES, tally.nodesDone(), tally.nodeTotal);
            copyEvents(from, into, batch, tally);
            List<Link> links = new ArrayList<>(PAGE);
            from.forEachLink(link -> {
                links.add(link);
                if (links.size() == PAGE) {
                    copyLinks(into, batch, links, tally);
                }
            });
            copyLinks(into, batch, links, tally);
        });
        listener.progress(CopyListener.Phase.LINKS, tally.linksCopied + tally.linksSkipped, -1);
        return tally;
    }

    private void copyLabels(StoreTransaction from, StoreTransaction into, Batch batch, Tally tally) {
        List<Label> labels = from.labels();
        for (Label label : labels) {
            if (mode == ImportMode.SKIP && !tally.targetWasEmpty && into.label(label.name()).isPresent()) {
                continue;
            }
            batch.defineLabel(label.name(), label.description());
            tally.labelsCopied++;
        }
        listener.progress(CopyListener.Phase.LABELS, labels.size(), labels.size());
    }

    /** Writes a page of nodes: each restored, or, held by the target already, refused, skipped or updated. */
    private void copyNodes(StoreTransaction into, Batch batch, Tally tally) {
        List<Node> page = tally.page;
        if (page.isEmpty()) {
            return;
        }
        Set<String> held = tally.targetWasEmpty ? Set.of()
                : into.nodes(page.stream().map(Node::id).toList()).stream().map(Node::id).collect(Collectors.toSet());
        if (mode == ImportMode.FAIL && !held.isEmpty()) {
            List<String> ids = page.stream().map(Node::id).filter(held::contains).sorted().toList();
            throw new DuplicateNodeException("Cannot copy " + tally.route + ": the target holds " + (ids.size() == 1 ? "node " : ids.size() + " nodes of the source, ")
                    + String.join(", ", ids.subList(0, Math.min(5, ids.size()))) + (ids.size() > 5 ? ", …" : "")
                    + " already. Nothing was written. Copy with mode SKIP to keep the target's nodes, UPDATE to "
                    + "give them the source's fields, or copy into an empty store.");
        }
        for (Node node : page) {
            if (!held.contains(node.id())) {
                batch.restore(node);
                tally.nodesCopied++;
                continue;
            }
            tally.held.add(node.id());
            if (mode == ImportMode.UPDATE) {
                batch.replace(node);
                tally.nodesUpdated++;
            } else {
                tally.nodesSkipped++;
            }
        }
        page.clear();
        listener.progress(CopyListener.Phase.NODES, tally.nodesDone(), tally.nodeTotal);
    }

    /**
     * The whole log, paged by sequence. Into a target that held nodes, in modes SKIP and UPDATE, a node the
     * target holds keeps its own history, and the history of a node the source deleted is copied only when
     * the target has none of it, so that copying again adds nothing twice.
     */
    private void copyEvents(StoreTransaction from, StoreTransaction into, Batch batch, Tally tally) {
        boolean sieve = !tally.targetWasEmpty && mode != ImportMode.FAIL;
        for (List<Event> page = from.events(0, PAGE); !page.isEmpty();
             page = from.events(page.get(page.size() - 1).sequence(), PAGE)) {
            if (sieve) {
                decideDeleted(from, into, page, tally);
            }
            for (Event event : page) {
                if (tally.held.contains(event.nodeId()) || Boolean.FALSE.equals(tally.deleted.get(event.nodeId()))) {
                    tally.eventsSkipped++;
                } else {
                    batch.record(event);
                    tally.eventsCopied++;
                }
            }
            listener.progress(CopyListener.Phase.EVENTS, tally.eventsCopied + tally.eventsSkipped, -1);
        }
    }

    /** Decides, once per id, whether the history of each node of the page that the source deleted is copied. */
    private static void decideDeleted(StoreTransaction from, StoreTransaction into, List<Event> page, Tally tally) {
        Set<String> undecided = page.stream().map(Event::nodeId)
                .filter(id -> !tally.held.contains(id) && !tally.deleted.containsKey(id))
                .collect(Collectors.toCollection(HashSet::new));
        if (undecided.isEmpty()) {
            return;
        }
        from.nodes(undecided).forEach(node -> undecided.remove(node.id()));
        for (String deletedId : undecided) {
            tally.deleted.put(deletedId, into.events(deletedId).isEmpty());
        }
    }

    /**
     * Restores a page of links, checked as {@link Batch#link} checks them; a target that held nodes before may
     * hold some of the links already, which are left as they are.
     */
    private void copyLinks(StoreTransaction into, Batch batch, List<Link> links, Tally tally) {
        if (links.isEmpty()) {
            return;
        }
        List<Link> missing = links;
        if (!tally.targetWasEmpty && mode != ImportMode.FAIL) {
            Map<String, List<String>> parents = into.parentIdsOf(links.stream().map(Link::childId).distinct().toList());
            missing = links.stream()
                    .filter(link -> !parents.getOrDefault(link.childId(), List.of()).contains(link.parentId()))
                    .toList();
        }
        missing.forEach(batch::restore);
        tally.linksCopied += missing.size();
        tally.linksSkipped += links.size() - missing.size();
        links.clear();
        listener.progress(CopyListener.Phase.LINKS, tally.linksCopied + tally.linksSkipped, -1);
    }

    private static String describe(Cairn cairn, String url) {
        return cairn != null ? cairn.config().maskedUrl() : StoreUrls.mask(url);
    }

    /**
     * Refuses a copy of a store onto itself: the same store, or the same URL, unless the URL opens a new
     * private store each time ({@code memory:}, {@code sqlite::memory:}, {@code h2:mem:}).
     */
    private static void requireDistinct(Cairn from, Cairn into) {
        String fromUrl = from.config().maskedUrl();
        String intoUrl = into.config().maskedUrl();
        if (from.store() == into.store() || fromUrl.equals(intoUrl) && !privateToEachOpening(fromUrl)) {
            throw new IllegalArgumentException("Cannot copy " + fromUrl + " onto itself: the source and the target "
                    + "are the same store. Name another target.");
        }
    }

    private static boolean privateToEachOpening(String url) {
        String scheme = StoreUrls.scheme(url);
        String location = StoreUrls.location(url);
        return scheme.equals("memory") && location.isEmpty()
                || scheme.equals("sqlite") && location.equals(":memory:")
                || scheme.equals("h2") && location.equals("mem:");
    }

    /** What a copy has written so far, and the page of nodes it holds. Confined to the copying thread. */
    private static final class Tally {
        final String route;
        final long nodeTotal;
        final boolean targetWasEmpty;
        final List<Node> page = new ArrayList<>(PAGE);
        /** The ids of the source's nodes the target held already: their history stays the target's own. */
        final Set<String> held = new HashSet<>();
        /** Whether the history of each node the source deleted is copied, decided at its first event. */
        final Map<String, Boolean> deleted = new HashMap<>();
        long nodesCopied;
        long nodesSkipped;
        long nodesUpdated;
        long linksCopied;
        long linksSkipped;
        long labelsCopied;
        long eventsCopied;
        long eventsSkipped;

        Tally(String route, long nodeTotal, boolean targetWasEmpty) {
            this.route = route;
            this.nodeTotal = nodeTotal;
            this.targetWasEmpty = targetWasEmpty;
        }

        long nodesDone() {
            return nodesCopied + nodesSkipped + nodesUpdated;
        }
    }
}
