package dev.cairn.core.io;

import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a node's file in a tree export says, when a lenient import kept with the node what Cairn could not store
 * ({@link TodoWriteFields#RESERVED}): the id and the file's path as written, the links as the owner listed them
 * (a link only the other side named left out, the links Cairn could not store put back). The reserved fields are
 * consumed here, not written under {@code metadata}. Used by one thread for one export.
 */
final class TreeFile {
    private static final Pattern SAFE_PATH = Pattern.compile("(plans|commands)(/[A-Za-z0-9_][A-Za-z0-9_. -]*)+"
            + "\\.(yaml|yml)");

    /** Cairn ids of nodes whose file gave another id, to the id it gave. */
    private final Map<String, String> writtenIds = new HashMap<>();

    /** Notes a node of the store, before any file is written, so that links to it name it as written. */
    void note(Node node) {
        if (node.customFields().get(TodoWriteFields.WRITTEN_ID) instanceof String written) {
            writtenIds.put(node.id(), written);
        }
    }

    /** The id as a file names it. */
    String written(String id) {
        return writtenIds.getOrDefault(id, id);
    }

    /** The parents the node's file lists. */
    List<String> parents(Node node, List<String> stored) {
        return listed(node, stored, "parents");
    }

    /** The children the node's file lists. */
    List<String> children(Node node, List<String> stored) {
        return listed(node, stored, "children");
    }

    private List<String> listed(Node node, List<String> stored, String side) {
        List<String> unlisted = ids(node.customFields().get(TodoWriteFields.UNLISTED_LINKS), side);
        List<String> listed = new ArrayList<>(stored.size());
        for (String id : stored) {
            if (!unlisted.contains(id)) {
                listed.add(written(id));
            }
        }
        for (String kept : ids(node.customFields().get(TodoWriteFields.UNRESOLVED_LINKS), side)) {
            if (!listed.contains(kept)) {
                listed.add(kept);
            }
        }
        return listed;
    }

    /**
     * The path of the node's file in the tree: the one its import came from when that was kept and is a plain
     * path of the layout not taken by another node, else {@code <layer folder>/<id>.yaml}.
     */
    String path(Node node, Set<String> taken) {
        if (node.customFields().get(TodoWriteFields.WRITTEN_FILE) instanceof String kept
                && SAFE_PATH.matcher(kept).matches() && !kept.contains("/./") && !kept.contains("/../")
                && kept.startsWith(node.layer() == Layer.COMMAND ? "commands/" : "plans/") && !taken.contains(kept)) {
            return kept;
        }
        return node.layer().folder() + "/" + written(node.id()) + ".yaml";
    }

    private static List<String> ids(Object field, String side) {
        if (field instanceof Map<?, ?> sides && sides.get(side) instanceof List<?> ids) {
            List<String> texts = new ArrayList<>(ids.size());
            for (Object id : ids) {
                if (id instanceof String text) {
                    texts.add(text);
                }
            }
            return texts;
        }
        return List.of();
    }
}
