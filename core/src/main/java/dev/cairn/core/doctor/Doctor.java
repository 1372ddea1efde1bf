package dev.cairn.core.doctor;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnException;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.EventType;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeIds;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.WorkType;
import dev.cairn.core.doctor.DoctorReport.Finding;
import dev.cairn.core.doctor.DoctorReport.Kind;
import dev.cairn.core.doctor.DoctorReport.Repair;
import dev.cairn.core.spi.NewEvent;
import dev.cairn.core.spi.StoreTransaction;
import dev.cairn.core.spi.StoredDrift;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Examines a plan for what ToDoWrite's own tools looked for, and for what a database drifts into when another
 * tool writes it past Cairn's rules; repairs the safe part on request.
 *
 * <pre>{@code
 * DoctorReport report = Doctor.examine(cairn);     // changes nothing
 * DoctorReport after = Doctor.repair(cairn);       // repairs what is safe, reports the rest
 * }</pre>
 *
 * <p>Found: orphans (nodes below Goal without a parent); Command nodes without a command spec, whose
 * {@code acRef} names a missing node or one that is no AcceptanceCriteria, that hang below no
 * AcceptanceCriteria node, or whose {@code acRef} names another AcceptanceCriteria than the one they hang below; and, from the store's {@link StoreTransaction#drift()}, unknown layers, statuses,
 * severities and work types, progress outside 0 to 100, completed nodes whose progress is not 100, links
 * against the layer order and links whose end is missing. An AcceptanceCriteria node no Command verifies is
 * a gap of {@link dev.cairn.core.trace.Traceability}, not a finding. Each link a lenient tree import kept with its
 * node, because Cairn cannot store it, is a finding too ({@link Kind#UNRESOLVED_LINK}).
 *
 * <p>Repaired, each with an {@link EventType#UPDATED} event in the node's history: a progress clamped into 0
 * to 100; a completed node's progress set to 100; a layer, status, severity or work type spelled in a form
 * its own lenient parser reads unambiguously (such as {@code In Progress}) rewritten to its stored name.
 * Everything else needs a person's decision and is only reported.
 *
 * <p>Thread-safe: stateless.
 */
public final class Doctor {
    /**
     * A repair may reveal a problem the store could not see before it (a status spelled {@code Completed}
     * rewritten reveals the node's progress below 100): one pass for each, and one that finds nothing.
     */
    private static final int MAX_PASSES = 3;

    private Doctor() {
    }

    /**
     * Examines the plan in one read, changing nothing.
     *
     * @param cairn the open store to examine
     * @return what is wrong, by kind then node id
     */
    public static DoctorReport examine(Cairn cairn) {
        Objects.requireNonNull(cairn, "cairn");
        return new DoctorReport(cairn.store().read(Doctor::findings), List.of());
    }

    /**
     * Repairs what is safe to repair, each node in a transaction of its own with one event, then examines the
     * plan again. A node whose repair the store refuses (a row whose other values break its constraints) is
     * left as it was and reported as {@link Kind#REPAIR_FAILED}.
     *
     * @param cairn the open store to repair
     * @return what is still wrong, and the repairs made
     */
    public static DoctorReport repair(Cairn cairn) {
        Objects.requireNonNull(cairn, "cairn");
        List<Repair> repairs = new ArrayList<>();
        Map<String, String> failed = new TreeMap<>();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Map<String, Map<StoredDrift, String>> planned = cairn.store().read(tx -> plan(tx.drift()));
            failed.keySet().forEach(planned::remove);
            boolean repaired = false;
            for (Map.Entry<String, Map<StoredDrift, String>> node : planned.entrySet()) {
                Instant now = cairn.config().clock().instant().truncatedTo(ChronoUnit.MILLIS);
                String actor = cairn.config().actor();
                try {
                    List<Repair> made = cairn.store().write(tx -> repairNode(tx, node.getKey(), node.getValue(),
                            now, actor));
                    repairs.addAll(made);
                    repaired |= !made.isEmpty();
                } catch (CairnException refused) {
                    failed.put(node.getKey(), refused.getMessage());
                }
            }
            if (!repaired) {
                break;
            }
        }
        List<Finding> findings = new ArrayList<>(examine(cairn).findings());
        failed.forEach((id, reason) -> findings.add(new Finding(Kind.REPAIR_FAILED, id, "Repairing node " + id
                + " failed: " + reason + " Set its values by hand.", false)));
        return new DoctorReport(sorted(findings), repairs);
    }

    /** The repairable drift, by node, with the value each repair writes. */
    private static Map<String, Map<StoredDrift, String>> plan(List<StoredDrift> drift) {
        Map<String, Map<StoredDrift, String>> planned = new TreeMap<>();
        for (StoredDrift found : drift) {
            repairedValue(found).ifPresent(value ->
                    planned.computeIfAbsent(found.nodeId(), key -> new LinkedHashMap<>()).put(found, value));
        }
        return planned;
    }

    private static List<Repair> repairNode(StoreTransaction tx, String nodeId, Map<StoredDrift, String> values,
                                           Instant now, String actor) {
        if (!tx.repairDrift(nodeId, values, now)) {
            return List.of();
        }
        List<Repair> made = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        values.forEach((drift, value) -> {
            made.add(new Repair(nodeId, drift.field(), drift.storedValue(), value));
            boolean number = drift.field().equals(StoredDrift.PROGRESS);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", number ? (Object) Integer.valueOf(drift.storedValue()) : drift.storedValue());
            change.put("to", number ? (Object) Integer.valueOf(value) : value);
            details.put(drift.field(), Collections.unmodifiableMap(change));
        });
        details.put("repairedBy", "doctor");
        tx.append(List.of(new NewEvent(nodeId, EventType.UPDATED, now, actor, Collections.unmodifiableMap(details))));
        return made;
    }

    /** What a repair writes for {@code drift}, if it is safe to write anything. */
    static Optional<String> repairedValue(StoredDrift drift) {
        String stored = drift.storedValue();
        return switch (drift.problem()) {
            case OUT_OF_RANGE -> Optional.of(Integer.toString(Math.max(0, Math.min(100, Integer.parseInt(stored)))));
            case COMPLETED_NOT_100 -> Optional.of("100");
            case UNKNOWN_VALUE -> switch (drift.field()) {
                case StoredDrift.STATUS -> Status.find(stored).map(Status::wireName);
                case StoredDrift.SEVERITY -> Severity.find(stored).map(Doctor::wire);
                case StoredDrift.WORK_TYPE -> WorkType.find(stored).map(Doctor::wire);
                // A layer must also agree with the id's prefix, or the node would break the id rule instead.
                case StoredDrift.LAYER -> Layer.find(stored)
                        .filter(layer -> drift.nodeId().startsWith(layer.prefix() + "-"))
                        .map(Layer::displayName);
                default -> Optional.empty();
            };
            default -> Optional.empty();
        };
    }

    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static List<Finding> findings(StoreTransaction tx) {
        List<Finding> findings = new ArrayList<>();
        Set<String> unreadable = new HashSet<>();
        for (StoredDrift drift : tx.drift()) {
            findings.add(finding(drift));
            if (drift.problem() == StoredDrift.Problem.UNKNOWN_VALUE) {
                unreadable.add(drift.nodeId());
            }
        }
        List<Node> nodes;
        List<Link> links;
        try {
            // Rows of an unknown layer or status are left out here: they were reported above.
            nodes = tx.find(NodeQuery.all().layers(Layer.values()).status(Status.values()));
            links = tx.links();
        } catch (CairnException | IllegalArgumentException unreadableRows) {
            findings.add(new Finding(Kind.NOT_CHECKED, null, "Orphans and commands were not checked: "
                    + unreadableRows.getMessage() + " Repair the drift reported here, or fix it by hand, first.",
                    false));
            return sorted(findings);
        }
        new Structure(nodes, links, unreadable).check(findings);
        return sorted(findings);
    }

    private static List<Finding> sorted(List<Finding> findings) {
        findings.sort(Comparator.comparing(Finding::kind)
                .thenComparing(Finding::nodeId, Comparator.nullsFirst(Comparator.naturalOrder())));
        return findings;
    }

    private static Finding finding(StoredDrift drift) {
        String id = drift.nodeId();
        String stored = drift.storedValue();
        Optional<String> repaired = repairedValue(drift);
        String repair = repaired.map(value -> " A repair writes '" + value + "'.").orElse("");
        return switch (drift.problem()) {
            case UNKNOWN_VALUE -> new Finding(Kind.UNKNOWN_VALUE, id, "Node " + id + " has " + drift.field() + " '"
                    + stored + "', which is not one of " + known(drift.field()) + "."
                    + repaired.map(value -> " It reads as '" + value + "', which a repair writes.")
                    .orElse(" Nothing reads unambiguously from it: set it by hand."), repaired.isPresent());
            case OUT_OF_RANGE -> new Finding(Kind.PROGRESS_OUT_OF_RANGE, id, "Node " + id + " has progress "
                    + stored + ", outside 0 to 100." + repair, true);
            case COMPLETED_NOT_100 -> new Finding(Kind.COMPLETED_NOT_100, id, "Node " + id
                    + " is completed with progress " + stored + ", not 100." + repair, true);
            case AGAINST_LAYER_ORDER -> new Finding(Kind.LINK_AGAINST_LAYER_ORDER, id, "Link " + stored + " → "
                    + id + " goes against the layer order (a parent's layer comes before its child's), which "
                    + "lets a cycle in. Remove it with unlink(\"" + stored + "\", \"" + id + "\").", false);
            case PARENT_MISSING -> new Finding(Kind.LINK_END_MISSING, id, "Link " + stored + " → " + id
                    + " names a parent that does not exist.", false);
            case CHILD_MISSING -> new Finding(Kind.LINK_END_MISSING, id, "Link " + stored + " → " + id
                    + " names a child that does not exist.", false);
        };
    }

    private static List<String> known(String field) {
        Stream<? extends Enum<?>> values = switch (field) {
            case StoredDrift.LAYER -> Stream.of(Layer.values());
            case StoredDrift.SEVERITY -> Stream.of(Severity.values());
            case StoredDrift.WORK_TYPE -> Stream.of(WorkType.values());
            default -> Stream.of(Status.values());
        };
        return values.map(value -> value instanceof Layer layer ? layer.displayName() : wire(value)).toList();
    }

    /** The checks of the graph's shape, over the nodes that can be read and every link. */
    /** The custom field where a lenient tree import keeps the links Cairn does not store. */
    private static final String UNRESOLVED_LINKS = "todowrite.unresolved_links";

    private static final class Structure {
        private final Map<String, Layer> layers = new HashMap<>();
        private final Map<String, List<String>> parents = new HashMap<>();
        private final List<Node> nodes;
        private final Set<String> unreadable;

        Structure(List<Node> nodes, List<Link> links, Set<String> unreadable) {
            this.nodes = nodes;
            this.unreadable = unreadable;
            nodes.forEach(node -> layers.put(node.id(), node.layer()));
            links.forEach(link -> parents.computeIfAbsent(link.childId(), key -> new ArrayList<>()).add(link.parentId()));
        }

        void check(List<Finding> findings) {
            for (Node node : nodes) {
                String id = node.id();
                if (node.layer() != Layer.GOAL && !parents.containsKey(id)) {
                    findings.add(new Finding(Kind.ORPHAN, id, node.layer().displayName() + " " + id
                            + " has no parent: every node below Goal belongs under one. Link it to a parent.", false));
                }
                if (node.layer() == Layer.COMMAND) {
                    checkCommand(node, findings);
                }
                checkUnresolved(node, findings);
            }
        }

        /** The links a lenient import kept with the node, one finding each. */
        private void checkUnresolved(Node node, List<Finding> findings) {
            if (!(node.customFields().get(UNRESOLVED_LINKS) instanceof Map<?, ?> sides)) {
                return;
            }
            for (String side : List.of("parents", "children")) {
                if (!(sides.get(side) instanceof List<?> names)) {
                    continue;
                }
                for (Object name : names) {
                    String named = String.valueOf(name);
                    Layer other = layers.get(named);
                    String why = other != null ? "goes against the layer order" : NodeIds.layerOf(named).isPresent()
                            ? "names no node" : "is no node id";
                    findings.add(new Finding(Kind.UNRESOLVED_LINK, node.id(), node.layer().displayName() + " "
                            + node.id() + "'s file lists " + named + " among its " + side + ", which " + why
                            + ": kept with the node (" + UNRESOLVED_LINKS + ") and written back by a tree export, "
                            + "not a link. Fix the file, or create the node, and import it again.", false));
                }
            }
        }

        private void checkCommand(Node node, List<Finding> findings) {
            String id = node.id();
            CommandSpec command = node.command();
            if (command == null) {
                findings.add(new Finding(Kind.COMMAND_WITHOUT_SPEC, id, "Command " + id + " has no command spec: "
                        + "nothing says which AcceptanceCriteria it verifies or how to run it.", false));
            } else {
                String acRef = command.acRef();
                Layer target = layers.get(acRef);
                if (target == null && !unreadable.contains(acRef)) {
                    findings.add(new Finding(Kind.COMMAND_AC_MISSING, id, "Command " + id + " verifies " + acRef
                            + ", which does not exist. Point its acRef at an AcceptanceCriteria node.", false));
                } else if (target != null && target != Layer.ACCEPTANCE_CRITERIA) {
                    findings.add(new Finding(Kind.COMMAND_AC_NOT_ACCEPTANCE_CRITERIA, id, "Command " + id
                            + " verifies " + acRef + ", a " + target.displayName() + " node, not an "
                            + "AcceptanceCriteria node. Point its acRef at an AcceptanceCriteria node.", false));
                }
            }
            Set<String> criteria = criteriaAbove(id);
            if (criteria.isEmpty()) {
                findings.add(new Finding(Kind.COMMAND_NOT_BELOW_ACCEPTANCE_CRITERIA, id, "Command " + id
                        + " has no AcceptanceCriteria node among its parents or their ancestors. Link it below the "
                        + "AcceptanceCriteria it verifies.", false));
            } else if (command != null && layers.get(command.acRef()) == Layer.ACCEPTANCE_CRITERIA
                    && !criteria.contains(command.acRef())) {
                findings.add(new Finding(Kind.COMMAND_AC_NOT_ITS_PARENT, id, "Command " + id + " verifies "
                        + command.acRef() + " but hangs below " + String.join(", ", new TreeSet<>(criteria))
                        + ". Point its acRef at the AcceptanceCriteria it hangs below, or link it below "
                        + command.acRef() + ".", false));
            }
        }

        /** The AcceptanceCriteria nodes met first on each path up from {@code id}. */
        private Set<String> criteriaAbove(String id) {
            Set<String> seen = new HashSet<>();
            Set<String> criteria = new HashSet<>();
            Deque<String> pending = new ArrayDeque<>(parents.getOrDefault(id, List.of()));
            while (!pending.isEmpty()) {
                String ancestor = pending.pop();
                // Seen before: a cycle, which only links against the layer order (reported) make.
                if (seen.add(ancestor)) {
                    if (layers.get(ancestor) == Layer.ACCEPTANCE_CRITERIA) {
                        criteria.add(ancestor);
                    } else {
                        pending.addAll(parents.getOrDefault(ancestor, List.of()));
                    }
                }
            }
            return criteria;
        }
    }
}
