package dev.cairn.core.io;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeIds;
import dev.cairn.core.io.PlanSource.Where;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a lenient tree import does with the links ToDoWrite took and Cairn cannot store: a link naming no node
 * of the import or the store, one against the layer order, one naming what is no node id. Each is left out
 * of the graph, kept as written in the node's {@value TodoWriteFields#UNRESOLVED_LINKS} custom field, for a
 * tree export to write back, and reported as a warning with its file and line. Links naming an id read with
 * its layer's prefix added are read as naming the prefixed id. Used by one thread, once.
 */
final class LenientLinks {
    private final Map<String, Where> whereOf;
    private final Problems warnings;
    private final Map<String, String> renamed = new LinkedHashMap<>();
    private Set<String> stored = Set.of();

    LenientLinks(Map<String, Where> whereOf, Problems warnings) {
        this.whereOf = whereOf;
        this.warnings = warnings;
    }

    /** The entries, their links resolved: what names no Cairn node is kept with the node. */
    List<NodeReader.Entry> resolve(List<NodeReader.Entry> entries, Function<Set<String>, Set<String>> storedIds) {
        for (NodeReader.Entry entry : entries) {
            if (entry.writtenId() != null) {
                renamed.put(entry.writtenId(), entry.node().id());
            }
        }
        Set<String> outside = new HashSet<>();
        for (NodeReader.Entry entry : entries) {
            for (List<String> names : List.of(entry.parents(), entry.children())) {
                for (String name : names) {
                    String id = renamed.getOrDefault(name, name);
                    if (!whereOf.containsKey(id) && NodeIds.layerOf(id).isPresent()) {
                        outside.add(id);
                    }
                }
            }
        }
        stored = outside.isEmpty() ? Set.of() : storedIds.apply(outside);
        List<NodeReader.Entry> resolved = new ArrayList<>(entries.size());
        for (NodeReader.Entry entry : entries) {
            resolved.add(resolve(entry));
        }
        return resolved;
    }

    private NodeReader.Entry resolve(NodeReader.Entry entry) {
        Node node = entry.node();
        Where where = whereOf.get(node.id());
        List<String> parents = new ArrayList<>();
        List<Integer> parentLines = new ArrayList<>();
        List<String> children = new ArrayList<>();
        List<Integer> childLines = new ArrayList<>();
        List<String> unresolvedParents = new ArrayList<>();
        List<String> unresolvedChildren = new ArrayList<>();
        sort(entry, true, where, parents, parentLines, unresolvedParents);
        sort(entry, false, where, children, childLines, unresolvedChildren);
        Map<String, Object> custom = new LinkedHashMap<>(node.customFields());
        if (!unresolvedParents.isEmpty() || !unresolvedChildren.isEmpty()) {
            Map<String, Object> unresolved = new LinkedHashMap<>();
            if (!unresolvedParents.isEmpty()) {
                unresolved.put("parents", unresolvedParents);
            }
            if (!unresolvedChildren.isEmpty()) {
                unresolved.put("children", unresolvedChildren);
            }
            custom.put(TodoWriteFields.UNRESOLVED_LINKS, unresolved);
        }
        if (entry.writtenId() != null) {
            custom.put(TodoWriteFields.WRITTEN_ID, entry.writtenId());
        }
        Node.Builder changed = node.toBuilder().customFields(custom);
        CommandSpec command = node.command();
        if (command != null && renamed.containsKey(command.acRef())) {
            changed.command(new CommandSpec(renamed.get(command.acRef()), command.run(), command.artifacts()));
        }
        return entry.withNode(changed.build()).withLinks(parents, parentLines, children, childLines);
    }

    private void sort(NodeReader.Entry entry, boolean parentsList, Where where, List<String> kept,
            List<Integer> keptLines, List<String> unresolved) {
        Node node = entry.node();
        List<String> names = parentsList ? entry.parents() : entry.children();
        List<Integer> lines = parentsList ? entry.parentLines() : entry.childLines();
        for (int i = 0; i < names.size(); i++) {
            String field = parentsList ? entry.parentField(i) : entry.childField(i);
            String name = names.get(i);
            String id = renamed.getOrDefault(name, name);
            String reason = reason(id, node, parentsList);
            if (reason == null) {
                kept.add(id);
                keptLines.add(lines.get(i));
            } else {
                unresolved.add(name);
                warnings.add(where.source(), lines.get(i), field, name, reason + ": imported without this link, "
                        + "which stays with " + node.id() + " for a tree export to write back");
            }
        }
    }

    private String reason(String id, Node node, boolean parentsList) {
        Layer other = NodeIds.layerOf(id).orElse(null);
        if (other == null) {
            return "is not a node id";
        }
        if (!whereOf.containsKey(id) && !stored.contains(id)) {
            return "names no node in the import or the store";
        }
        Layer parent = parentsList ? other : node.layer();
        Layer child = parentsList ? node.layer() : other;
        if (!parent.isAbove(child)) {
            return "goes against the layer order: a parent's layer (" + parent.displayName() + ") must come "
                    + "before its child's (" + child.displayName() + ")";
        }
        return null;
    }
}
