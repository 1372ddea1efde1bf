package dev.cairn.core.io;

import dev.cairn.core.Batch;
import dev.cairn.core.BatchResult;
import dev.cairn.core.Cairn;
import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeIds;
import dev.cairn.core.Violation;
import dev.cairn.core.io.PlanSource.Where;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * One import: a pass that checks everything the source holds against the rules and the store, writing
 * nothing, then, when it found no problem and this is no dry run, a second pass that writes it all in one
 * {@link Cairn#batch batch}, so in one transaction. Used by one thread, once.
 *
 * <p>Memory is bounded by the store's lookups, not by the source: ids are kept as fingerprints
 * ({@link IdSet}), and lookups in the store go {@value #LOOKUP} ids at a time.
 */
final class ImportRun {
    private static final int LOOKUP = 1_000;

    private final Cairn cairn;
    private final ImportMode mode;
    private final boolean dryRun;
    private final LongConsumer progress;
    private final Problems problems = new Problems();
    private final Problems warnings;
    private final IdSet fileIds = new IdSet();
    /** Ids of the source the store held before the import. */
    private final IdSet stored = new IdSet();
    private final IdSet fileLinks = new IdSet();
    /** Links of the source the store held before the import. */
    private final IdSet storedLinks = new IdSet();
    private final List<String> createdIds = new ArrayList<>();
    private final List<String> updatedIds = new ArrayList<>();
    private final List<String> skippedIds = new ArrayList<>();
    private long created;
    private long updated;
    private long skipped;
    private long linksToAdd;
    private long eventsInSource;
    /** Stored nodes whose fields the source changes (mode update). */
    private final IdSet toReplace = new IdSet();
    /** Whether the source's files name every link of their nodes, so that a stored link they lack goes (update). */
    private boolean linksFollowFiles;
    /** The stored nodes of the source, when {@link #linksFollowFiles}. */
    private final List<String> storedImported = new ArrayList<>();
    /** Stored links of the source's nodes that its files no longer name. */
    private final List<Link> linksToRemove = new ArrayList<>();
    /** What a refused link of a tree adds, saying that a lenient import would take it. */
    private String lenientHint = "";

    ImportRun(Cairn cairn, ImportMode mode, boolean dryRun, LongConsumer progress) {
        this(cairn, mode, dryRun, progress, new Problems());
    }

    ImportRun(Cairn cairn, ImportMode mode, boolean dryRun, LongConsumer progress, Problems warnings) {
        this.cairn = cairn;
        this.warnings = warnings;
        this.mode = mode;
        this.dryRun = dryRun;
        this.progress = progress;
    }

    ImportReport run(PlanSource source) {
        lenientHint = source instanceof TreeSource tree && !tree.lenient()
                ? " (a lenient import, --lenient, keeps the link with the node)" : "";
        linksFollowFiles = mode == ImportMode.UPDATE && source instanceof TreeSource;
        Check check = new Check();
        try {
            source.replay(check, problems);
            check.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (linksFollowFiles && problems.isEmpty()) {
            findLinksToRemove();
        }
        if (!problems.isEmpty() || dryRun) {
            ImportReport report = report(0, eventsToRecord(source));
            if (!problems.isEmpty() && !dryRun) {
                throw new ImportException(report);
            }
            return report;
        }
        Problems secondRead = new Problems();
        BatchResult written = cairn.batch(batch -> {
            try {
                source.replay(new Write(batch, source.hasHistory()), secondRead);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Link link : linksToRemove) {
                batch.unlink(link.parentId(), link.childId());
            }
            if (!secondRead.isEmpty()) {
                // The source changed between the passes; the batch throws, so nothing is kept.
                throw new ImportException(new ImportReport(false, mode, 0, 0, 0, 0, 0, List.of(), List.of(),
                        List.of(), List.of(), secondRead.listed(), secondRead.count()));
            }
        });
        return report(written.links(), written.events());
    }

    private long eventsToRecord(PlanSource source) {
        return source.hasHistory() ? eventsInSource + updated : created + linksToAdd + updated + linksToRemove.size();
    }

    /** The stored links of the source's stored nodes that its files do not name. */
    private void findLinksToRemove() {
        cairn.store().read(tx -> {
            Set<Link> found = new java.util.LinkedHashSet<>();
            for (String id : storedImported) {
                for (String parent : tx.parentIds(id)) {
                    found.add(new Link(parent, id));
                }
                for (String child : tx.childIds(id)) {
                    found.add(new Link(id, child));
                }
            }
            for (Link link : found) {
                if (!fileLinks.contains(key(link))) {
                    linksToRemove.add(link);
                }
            }
            return null;
        });
    }

    private ImportReport report(long links, long events) {
        return new ImportReport(dryRun, mode, created, updated, skipped, dryRun || !problems.isEmpty() ? linksToAdd
                : links, events, createdIds, updatedIds, skippedIds, warnings.listed(), problems.listed(),
                problems.count(), linksToRemove.size());
    }

    private void problem(Where where, String field, Object value, String rule) {
        String path = where.field().isEmpty() ? field : field.isEmpty() ? where.field() : where.field() + "." + field;
        problems.add(where.source(), where.line(), path, value, rule);
    }

    /**
     * Whether an event of the source is recorded: a stored node has its own history; that of a node the source
     * no longer holds (deleted) is kept only by a plain restore, which a repeated import would duplicate.
     */
    private boolean recorded(Event event) {
        return fileIds.contains(event.nodeId()) ? !stored.contains(event.nodeId()) : mode == ImportMode.FAIL;
    }

    /** Which of {@code ids} the store holds. */
    static Set<String> existing(Cairn cairn, Set<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return cairn.store().read(tx -> {
            Set<String> found = new HashSet<>();
            for (Node node : tx.nodes(ids)) {
                found.add(node.id());
            }
            return found;
        });
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static String key(Link link) {
        return link.parentId() + '\n' + link.childId();
    }

    private static void list(List<String> ids, String id) {
        if (ids.size() < ImportReport.LISTED) {
            ids.add(id);
        }
    }

    /** The first pass: checks, and finds what the store holds already. */
    private final class Check implements PlanSource.Sink {
        private final Map<String, Where> nodesToLookUp = new LinkedHashMap<>();
        /** The source's nodes waiting for their lookup, in mode update, to be compared with the stored ones. */
        private final Map<String, Node> nodesToCompare = new LinkedHashMap<>();
        /** Acceptance criteria named by commands and not yet met in the source. */
        private final Map<String, List<Where>> criteria = new LinkedHashMap<>();
        /** Link ends outside the source, each with every place that names it. */
        private final Map<String, List<Where>> endsToLookUp = new LinkedHashMap<>();
        private final Map<Link, Where> linksToLookUp = new LinkedHashMap<>();
        private long nodes;

        @Override
        public void label(Label label, Where where) {
            for (Violation violation : label.violations()) {
                problem(where, violation.field().equals("label") ? "name" : violation.field(), violation.value(),
                        violation.rule());
            }
        }

        @Override
        public void node(NodeReader.Entry entry, Where where) {
            Node node = entry.node();
            if (!fileIds.add(node.id())) {
                problem(where, "id", node.id(), "is the id of another node in the import");
                return;
            }
            if (node.command() != null && !fileIds.contains(node.command().acRef())) {
                criteria.computeIfAbsent(node.command().acRef(), id -> new ArrayList<>()).add(new Where(where.source(),
                        entry.acRefLine() > 0 ? entry.acRefLine() : where.line(),
                        where.field().isEmpty() ? "command.ac_ref" : where.field() + ".command.ac_ref"));
            }
            nodesToLookUp.put(node.id(), where);
            if (mode == ImportMode.UPDATE) {
                nodesToCompare.put(node.id(), node);
            }
            if (nodesToLookUp.size() >= LOOKUP) {
                lookUpNodes();
            }
            if (++nodes % LOOKUP == 0 && progress != null) {
                progress.accept(nodes);
            }
        }

        private void lookUpNodes() {
            Map<String, Node> found = storedNodes(nodesToLookUp.keySet());
            nodesToLookUp.forEach((id, where) -> {
                if (!found.containsKey(id)) {
                    created++;
                    list(createdIds, id);
                    return;
                }
                stored.add(id);
                switch (mode) {
                    case FAIL -> problem(where, "id", id, "exists in the store already; import with mode skip or "
                            + "update to keep or replace it");
                    case SKIP -> {
                        skipped++;
                        list(skippedIds, id);
                    }
                    case UPDATE -> {
                        if (differs(found.get(id), nodesToCompare.get(id))) {
                            toReplace.add(id);
                            updated++;
                            list(updatedIds, id);
                        } else {
                            skipped++;
                            list(skippedIds, id);
                        }
                        if (linksFollowFiles) {
                            storedImported.add(id);
                        }
                    }
                }
            });
            nodesToLookUp.clear();
            nodesToCompare.clear();
        }

        /** Whether a replace by {@code wanted} changes {@code current}, compared as {@link Batch#replace} does. */
        private boolean differs(Node current, Node wanted) {
            Node changed = wanted.toBuilder().startedAt(millis(wanted.startedAt()))
                    .completedAt(millis(wanted.completedAt())).createdAt(current.createdAt())
                    .updatedAt(current.updatedAt()).version(current.version()).build();
            return !changed.equals(current);
        }

        private Map<String, Node> storedNodes(Set<String> ids) {
            if (ids.isEmpty()) {
                return Map.of();
            }
            return cairn.store().read(tx -> {
                Map<String, Node> found = new HashMap<>();
                for (Node node : tx.nodes(ids)) {
                    found.put(node.id(), node);
                }
                return found;
            });
        }

        @Override
        public void endOfNodes() {
            lookUpNodes();
            Map<String, List<Where>> outside = new LinkedHashMap<>();
            criteria.forEach((id, places) -> {
                if (fileIds.contains(id)) {
                    places.forEach(where -> problem(new Where(where.source(), where.line(), ""), where.field(), id,
                            "names an AcceptanceCriteria that comes after the Command in the import; put it before"));
                } else {
                    outside.put(id, places);
                }
            });
            lookUp(outside, (id, where) -> problem(new Where(where.source(), where.line(), ""), where.field(), id,
                    "must name an existing AcceptanceCriteria node, in the import or the store"));
            criteria.clear();
        }

        @Override
        public void link(Link link, Where where) {
            Layer parent = NodeIds.layerOf(link.parentId()).orElse(null);
            Layer child = NodeIds.layerOf(link.childId()).orElse(null);
            if (parent == null || child == null) {
                problem(where, "", link.parentId() + " → " + link.childId(), "must join two node ids");
                return;
            }
            if (!parent.isAbove(child)) {
                problem(where, "", link.parentId() + " → " + link.childId(), "goes against the layer order: a "
                        + "parent's layer (" + parent.displayName() + ") must come before its child's ("
                        + child.displayName() + ")" + lenientHint);
                return;
            }
            if (!fileLinks.add(key(link))) {
                problem(where, "", link.parentId() + " → " + link.childId(), "is given twice");
                return;
            }
            boolean parentStored = checkEnd(link.parentId(), where);
            boolean childStored = checkEnd(link.childId(), where);
            if (parentStored && childStored) {
                linksToLookUp.put(link, where);
                if (linksToLookUp.size() >= LOOKUP) {
                    lookUpLinks();
                }
            } else {
                linksToAdd++;
            }
        }

        /** Whether the end is (or, outside the source, must be) a node the store held before. */
        private boolean checkEnd(String id, Where where) {
            if (fileIds.contains(id)) {
                return stored.contains(id);
            }
            endsToLookUp.computeIfAbsent(id, key -> new ArrayList<>()).add(where);
            if (endsToLookUp.size() >= LOOKUP) {
                lookUpEnds();
            }
            return true;
        }

        private void lookUpEnds() {
            lookUp(endsToLookUp, (id, where) -> problem(where, "", id, "names no node in the import or the store"
                    + lenientHint));
            endsToLookUp.clear();
        }

        private void lookUpLinks() {
            lookUpEnds();
            if (linksToLookUp.isEmpty()) {
                return;
            }
            Set<Link> present = cairn.store().read(tx -> {
                Set<Link> found = new HashSet<>();
                for (Link link : linksToLookUp.keySet()) {
                    if (tx.hasLink(link)) {
                        found.add(link);
                    }
                }
                return found;
            });
            for (Link link : linksToLookUp.keySet()) {
                if (present.contains(link)) {
                    storedLinks.add(key(link));
                } else {
                    linksToAdd++;
                }
            }
            linksToLookUp.clear();
        }

        @Override
        public void event(Event event, Where where) {
            finish();
            if (recorded(event)) {
                eventsInSource++;
            }
        }

        /** Makes the lookups still pending. */
        void finish() {
            lookUpNodes();
            lookUpLinks();
        }

        /** Reports, through {@code missing}, each id the store does not hold. */
        private void lookUp(Map<String, List<Where>> ids, java.util.function.BiConsumer<String, Where> missing) {
            if (ids.isEmpty()) {
                return;
            }
            Set<String> found = existing(ids.keySet());
            ids.forEach((id, places) -> {
                if (!found.contains(id)) {
                    places.forEach(where -> missing.accept(id, where));
                }
            });
        }

        private Set<String> existing(Set<String> ids) {
            return ImportRun.existing(cairn, ids);
        }
    }

    /** The second pass: writes what the first found sound. */
    private final class Write implements PlanSource.Sink {
        private final Batch batch;
        private final boolean history;
        private final String actor = cairn.config().actor();
        private final Instant now = cairn.config().clock().instant().truncatedTo(ChronoUnit.MILLIS);
        private long nodes;

        Write(Batch batch, boolean history) {
            this.batch = batch;
            this.history = history;
        }

        @Override
        public void label(Label label, Where where) {
            batch.defineLabel(label.name(), label.description());
        }

        @Override
        public void node(NodeReader.Entry entry, Where where) {
            Node node = entry.node();
            if (stored.contains(node.id())) {
                if (mode == ImportMode.UPDATE && toReplace.contains(node.id())) {
                    batch.replace(node);
                }
            } else {
                batch.restore(node);
                if (!history) {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("layer", node.layer().displayName());
                    details.put("title", node.title());
                    details.put("status", node.status().wireName());
                    details.put("source", "import");
                    batch.record(new Event(0, node.id(), EventType.CREATED, now, actor, details));
                }
            }
            if (++nodes % LOOKUP == 0 && progress != null) {
                progress.accept(nodes);
            }
        }

        @Override
        public void endOfNodes() {
        }

        @Override
        public void link(Link link, Where where) {
            if (storedLinks.contains(key(link))) {
                return;
            }
            if (history) {
                batch.restore(link);
            } else {
                batch.link(link.parentId(), link.childId());
            }
        }

        @Override
        public void event(Event event, Where where) {
            if (recorded(event)) {
                batch.record(event);
            }
        }
    }
}
