package dev.cairn.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.NodeIds;
import dev.cairn.core.io.PlanSource.Where;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A ToDoWrite tree: {@code plans/<layer folder>/<ID>.yaml} and {@code commands/<ID>.yaml}, one node a file,
 * each naming its parents and its children. Read once, into memory (a tree is written and read by people),
 * then told in layer order so that parents come before children. Not thread-safe.
 *
 * <p>A link is the union of both sides: one named by only one of its nodes is imported and reported as a
 * warning. Links against the layer order are problems; when there are any, the cycles among the files are
 * named too, since such files were written past the rules.
 */
final class TreeSource implements PlanSource {
    private static final String NOT_AN_ID = "must be a node id: a layer prefix, '-', and 1 to 64 of A-Z a-z 0-9 _ -";
    private final TreeFolders folders;
    private final Instant now;
    private final Problems warnings;
    /** Whether to take what ToDoWrite took ({@link LenientLinks}); {@code null} for the strict rules. */
    private final Function<Set<String>, Set<String>> lenientLookup;
    /** The ids of files that had problems of their own, with their file: left out, not named again. */
    private final Map<String, Where> failedIds = new LinkedHashMap<>();
    private List<NodeReader.Entry> entries;
    private Map<String, Where> whereOf;
    private Map<Link, Where> links;

    TreeSource(TreeFolders folders, Instant now, Problems warnings) {
        this(folders, now, warnings, null);
    }

    /**
     * A tree read leniently when {@code storedIds} is given: it tells which of some ids the store holds, for a
     * link naming a node outside the tree.
     */
    TreeSource(TreeFolders folders, Instant now, Problems warnings, Function<Set<String>, Set<String>> storedIds) {
        this.lenientLookup = storedIds;
        this.folders = folders;
        this.now = now;
        this.warnings = warnings;
    }

    /** Whether the tree is read leniently. */
    boolean lenient() {
        return lenientLookup != null;
    }

    @Override
    public boolean hasHistory() {
        return false;
    }

    @Override
    public void replay(Sink sink, Problems problems) throws IOException {
        if (entries == null) {
            read(problems);
        }
        for (NodeReader.Entry entry : entries) {
            sink.node(entry, whereOf.get(entry.node().id()));
        }
        sink.endOfNodes();
        links.forEach(sink::link);
    }

    private void read(Problems problems) throws IOException {
        entries = new ArrayList<>();
        whereOf = new HashMap<>();
        links = new LinkedHashMap<>();
        List<Found> files = files(problems);
        for (Found file : files) {
            readFile(file, problems);
        }
        entries.sort(Comparator.<NodeReader.Entry>comparingInt(entry -> entry.node().layer().index())
                .thenComparing(entry -> entry.node().id()));
        if (lenientLookup != null) {
            entries = new LenientLinks(whereOf, warnings).resolve(entries, lenientLookup);
        } else {
            entries.replaceAll(entry -> withNodeIdsOnly(entry, problems));
        }
        collectLinks(problems);
    }

    /** A folder of the tree: its path, whether it holds plans or commands, and how its files are named. */
    private record Folder(Path dir, String kind, String shown) {
    }

    /** A plan file, with the folder it was found in. */
    private record Found(Path file, Folder folder) {
        /** Its path as ToDoWrite's one-folder layout names it, such as {@code plans/goals/GOAL-X.yaml}. */
        String layoutName() {
            return folder.kind + "/" + slashed(folder.dir.relativize(file));
        }

        /** Its name in problems and warnings. */
        String shown() {
            return folder.shown + slashed(folder.dir.relativize(file));
        }
    }

    private List<Folder> folders(Problems problems) {
        Path root = folders.root();
        List<Folder> found = new ArrayList<>();
        if (root != null) {
            if (!Files.isDirectory(root)) {
                problems.add(root.toString(), 0, "", null, "is not a folder: give the folder that holds plans/ and "
                        + "commands/");
                return found;
            }
            if (!Files.isDirectory(folders.plans()) && !Files.isDirectory(folders.commands())) {
                problems.add(root.toString(), 0, "", null, "holds neither plans/ nor commands/: not a ToDoWrite "
                        + "tree");
                return found;
            }
            for (Path dir : List.of(folders.plans(), folders.commands())) {
                if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    String kind = dir.getFileName().toString();
                    found.add(new Folder(dir, kind, kind + "/"));
                }
            }
            return found;
        }
        for (Path dir : new Path[] {folders.plans(), folders.commands()}) {
            if (dir == null) {
                continue;
            }
            String kind = dir == folders.plans() ? "plans" : "commands";
            if (!Files.isDirectory(dir)) {
                problems.add(dir.toString(), 0, "", null, "is not a folder: give the folder that holds the "
                        + (kind.equals("plans") ? "layer folders (goals/, tasks/, …)" : "Command files"));
                continue;
            }
            String shown = slashed(dir);
            found.add(new Folder(dir, kind, shown.endsWith("/") ? shown : shown + "/"));
        }
        return found;
    }

    private List<Found> files(Problems problems) throws IOException {
        List<Folder> given = folders(problems);
        if (!problems.isEmpty()) {
            return List.of();
        }
        List<Path> realRoots = new ArrayList<>();
        if (folders.root() != null) {
            realRoots.add(folders.root().toRealPath());
        } else {
            for (Folder folder : given) {
                realRoots.add(folder.dir().toRealPath());
            }
        }
        List<Found> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Folder folder : given) {
            // Links are followed while they stay inside the given folders; one that leads out of them is refused,
            // never read and never skipped without a word. A file reached twice (through a link) is read once.
            Files.walkFileTree(folder.dir(), EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
                                throws IOException {
                            Path real = dir.toRealPath();
                            if (!inside(real, realRoots)) {
                                outside(new Found(dir, folder), real, problems);
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return seen.add(real) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                            if (!attributes.isRegularFile() || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
                                return FileVisitResult.CONTINUE;
                            }
                            Path real = file.toRealPath();
                            if (!inside(real, realRoots)) {
                                outside(new Found(file, folder), real, problems);
                            } else if (seen.add(real)) {
                                files.add(new Found(file, folder));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException failure) {
                            problems.add(new Found(file, folder).shown(), 0, "", null,
                                    failure instanceof FileSystemLoopException
                                    ? "is a link back to a folder above it: not read"
                                    : Files.isSymbolicLink(file) ? "is a link to nothing: not read"
                                    : "cannot be read: " + failure.getMessage());
                            return FileVisitResult.CONTINUE;
                        }
                    });
        }
        files.sort(Comparator.comparing(Found::shown));
        if (files.isEmpty() && problems.isEmpty()) {
            problems.add(folders.toString(), 0, "", null, folders.root() != null
                    ? "holds no plan file (.yaml or .yml) under plans/ or commands/"
                    : "holds no plan file (.yaml or .yml)");
        }
        return files;
    }

    private static boolean inside(Path real, List<Path> roots) {
        return roots.stream().anyMatch(real::startsWith);
    }

    private void outside(Found link, Path real, Problems problems) {
        problems.add(link.shown(), 0, "", null, "leads to " + real + ", outside the "
                + (folders.root() != null ? "tree" : "given folders") + ", through a link: not read "
                + "(a tree is read only inside its folders)");
    }

    private static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }

    private void readFile(Found file, Problems problems) throws IOException {
        String name = file.shown();
        if (Files.size(file.file()) > Codecs.MAX_TREE_FILE) {
            problems.add(name, 0, "", null, "is larger than " + Codecs.MAX_TREE_FILE + " bytes: not a plan file");
            return;
        }
        ValueReader reader;
        Object value;
        try (InputStream in = Files.newInputStream(file.file());
             JsonParser parser = Codecs.parser(PlanFormat.YAML, in)) {
            reader = new ValueReader(parser, name, problems);
            if (parser.nextToken() == null) {
                problems.add(name, 0, "", null, "is empty: a plan file holds one node");
                return;
            }
            value = reader.read("");
            if (parser.nextToken() != null) {
                problems.add(name, reader.currentLine(), "", null, "holds more than one YAML document: a plan file "
                        + "holds one node");
                return;
            }
        } catch (LineLimitReader.LineTooLongException | LineLimitReader.NotTextException | JsonProcessingException
                 | YAMLException e) {
            problems.unreadable(name, PlanFormat.YAML, e);
            return;
        }
        boolean lenient = lenientLookup != null;
        NodeReader.Entry entry = NodeReader.read(value, reader, "", now, true, lenient);
        if (entry == null) {
            if (value instanceof Map<?, ?> fields && fields.get("id") instanceof String id) {
                failedIds.putIfAbsent(id, new Where(name, reader.line("id"), "id"));
            }
            if (!lenient && value instanceof Map<?, ?> fields && fields.get("links") instanceof Map<?, ?> named) {
                // The node is refused for its own problems; what its links name wrong is said all the same.
                for (String side : List.of("parents", "children")) {
                    if (named.get(side) instanceof List<?> ids) {
                        for (int i = 0; i < ids.size(); i++) {
                            if (ids.get(i) instanceof String text && NodeIds.layerOf(text).isEmpty()) {
                                String field = "links." + side + "[" + i + "]";
                                problems.add(name, reader.line(field), field, text, NOT_AN_ID);
                            }
                        }
                    }
                }
            }
            return;
        }
        if (entry.writtenId() != null) {
            warnings.add(name, reader.line("id"), "id", entry.writtenId(), "has no " + entry.node().layer().prefix()
                    + "- prefix: imported as " + entry.node().id() + ", written back as it was by a tree export");
        }
        String id = entry.node().id();
        Layer layer = entry.node().layer();
        String expected = layer.folder() + "/" + id;
        String layoutName = file.layoutName();
        String stem = layoutName.substring(0, layoutName.lastIndexOf('.'));
        String written = entry.writtenId() != null ? entry.writtenId() : id;
        String writtenExpected = layer.folder() + "/" + written;
        if (lenient && !stem.equals(writtenExpected)) {
            warnings.add(name, reader.line("id"), "id", written, "is not in " + expectedPlace(layer, written)
                    + ", where ToDoWrite keeps a " + layer.displayName() + ": imported, the file's name kept for "
                    + "a tree export");
            Map<String, Object> custom = new LinkedHashMap<>(entry.node().customFields());
            custom.put(TodoWriteFields.WRITTEN_FILE, layoutName);
            entry = entry.withNode(entry.node().toBuilder().customFields(custom).build());
        } else if (!lenient && !stem.equals(expected)) {
            problems.add(name, reader.line("id"), "id", id, "must be in " + expectedPlace(layer, id)
                    + ", where ToDoWrite keeps a " + layer.displayName() + " (a lenient import, --lenient, takes it "
                    + "where it is)");
            failedIds.putIfAbsent(id, new Where(name, reader.line("id"), "id"));
            return;
        }
        if (whereOf.containsKey(id)) {
            problems.add(name, reader.line("id"), "id", id, "is the id of another file's node: "
                    + whereOf.get(id).source());
            return;
        }
        failedIds.remove(id);
        whereOf.put(id, new Where(name, entry.line(), ""));
        entries.add(entry);
    }

    /** Where a node's file belongs, named as the user gave the folders. */
    private String expectedPlace(Layer layer, String id) {
        String inLayout = layer.folder() + "/" + id + ".yaml";
        if (folders.root() != null) {
            return inLayout;
        }
        boolean command = layer.folder().startsWith("commands");
        Path dir = command ? folders.commands() : folders.plans();
        String inFolder = inLayout.substring(inLayout.indexOf('/') + 1);
        if (dir == null) {
            return "the " + (command ? "commands" : "plans") + " folder, as " + inFolder + " (give it with "
                    + (command ? "--commands" : "--plans") + ")";
        }
        String shown = slashed(dir);
        return (shown.endsWith("/") ? shown : shown + "/") + inFolder;
    }

    /**
     * The union of both sides of every link, each reported once where it is one-sided. A link naming a node whose
     * file had problems of its own is left out; that node is said once to be left out, not at each link.
     */
    private void collectLinks(Problems problems) {
        Map<Link, Where> namedByParent = new LinkedHashMap<>();
        Map<Link, Where> namedByChild = new LinkedHashMap<>();
        Map<String, Integer> namingFailed = new LinkedHashMap<>();
        for (NodeReader.Entry entry : entries) {
            String id = entry.node().id();
            Where where = whereOf.get(id);
            for (int i = 0; i < entry.children().size(); i++) {
                String child = entry.children().get(i);
                if (failedIds.containsKey(child) && !whereOf.containsKey(child)) {
                    namingFailed.merge(child, 1, Integer::sum);
                    continue;
                }
                namedByParent.put(new Link(id, child), new Where(where.source(), entry.childLines().get(i),
                        entry.childField(i)));
            }
            for (int i = 0; i < entry.parents().size(); i++) {
                String parent = entry.parents().get(i);
                if (failedIds.containsKey(parent) && !whereOf.containsKey(parent)) {
                    namingFailed.merge(parent, 1, Integer::sum);
                    continue;
                }
                namedByChild.put(new Link(parent, id), new Where(where.source(), entry.parentLines().get(i),
                        entry.parentField(i)));
            }
        }
        namingFailed.forEach((id, count) -> problems.add(failedIds.get(id).source(), failedIds.get(id).line(), "id",
                id, "is not imported, because "
                + "of the problems of its own file; " + count + (count == 1 ? " link names" : " links name") + " it"));
        Map<String, List<String>> unlistedParents = new HashMap<>();
        Map<String, List<String>> unlistedChildren = new HashMap<>();
        Map<Link, Where> union = new TreeMap<>(Comparator.comparing(Link::parentId).thenComparing(Link::childId));
        namedByParent.forEach((link, where) -> {
            union.put(link, where);
            if (!namedByChild.containsKey(link) && whereOf.containsKey(link.childId())) {
                warnings.add(where.source(), where.line(), where.field(), link.childId(), "is named only here: "
                        + link.childId() + " does not list " + link.parentId() + " in links.parents");
                unlistedParents.computeIfAbsent(link.childId(), id -> new ArrayList<>()).add(link.parentId());
            }
        });
        namedByChild.forEach((link, where) -> {
            union.putIfAbsent(link, where);
            if (!namedByParent.containsKey(link) && whereOf.containsKey(link.parentId())) {
                warnings.add(where.source(), where.line(), where.field(), link.parentId(), "is named only here: "
                        + link.parentId() + " does not list " + link.childId() + " in links.children");
                unlistedChildren.computeIfAbsent(link.parentId(), id -> new ArrayList<>()).add(link.childId());
            }
        });
        links.putAll(union);
        if (lenientLookup != null && !(unlistedParents.isEmpty() && unlistedChildren.isEmpty())) {
            // Kept, so that a tree export writes each file's links as its owner wrote them.
            entries.replaceAll(entry -> unlisted(entry, unlistedParents.get(entry.node().id()),
                    unlistedChildren.get(entry.node().id())));
        }
        reportCycles();
    }

    /** The entry without the links that name no node id, each a problem (the strict rules). */
    private NodeReader.Entry withNodeIdsOnly(NodeReader.Entry entry, Problems problems) {
        String source = whereOf.get(entry.node().id()).source();
        List<String> parents = new ArrayList<>();
        List<Integer> parentLines = new ArrayList<>();
        List<String> children = new ArrayList<>();
        List<Integer> childLines = new ArrayList<>();
        boolean dropped = false;
        for (int side = 0; side < 2; side++) {
            List<String> names = side == 0 ? entry.parents() : entry.children();
            List<Integer> lines = side == 0 ? entry.parentLines() : entry.childLines();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (NodeIds.layerOf(name).isEmpty() && !failedIds.containsKey(name)) {
                    dropped = true;
                    problems.add(source, lines.get(i), side == 0 ? entry.parentField(i) : entry.childField(i), name,
                            NOT_AN_ID + (NodeIds.layerOf("TSK-" + name).isPresent() ? " (a lenient import, --lenient, keeps "
                            + "it with the node, or takes it for the file whose id it is)" : ""));
                } else {
                    (side == 0 ? parents : children).add(name);
                    (side == 0 ? parentLines : childLines).add(lines.get(i));
                }
            }
        }
        return dropped ? entry.withLinks(parents, parentLines, children, childLines) : entry;
    }

    private static NodeReader.Entry unlisted(NodeReader.Entry entry, List<String> parents, List<String> children) {
        if (parents == null && children == null) {
            return entry;
        }
        Map<String, Object> unlisted = new LinkedHashMap<>();
        if (parents != null) {
            unlisted.put("parents", List.copyOf(parents));
        }
        if (children != null) {
            unlisted.put("children", List.copyOf(children));
        }
        Map<String, Object> custom = new LinkedHashMap<>(entry.node().customFields());
        custom.put(TodoWriteFields.UNLISTED_LINKS, unlisted);
        return entry.withNode(entry.node().toBuilder().customFields(custom).build());
    }

    /** Names each cycle among the files' links as a warning; the links that close them are problems already. */
    private void reportCycles() {
        Map<String, List<String>> children = new HashMap<>();
        boolean againstOrder = false;
        for (Link link : links.keySet()) {
            children.computeIfAbsent(link.parentId(), id -> new ArrayList<>()).add(link.childId());
            againstOrder |= !layerAbove(link);
        }
        if (!againstOrder) {
            return; // the strict layer order makes cycles impossible
        }
        Set<String> done = new HashSet<>();
        for (String start : children.keySet().stream().sorted().toList()) {
            Deque<String> path = new ArrayDeque<>();
            findCycle(start, children, path, new HashSet<>(), done);
        }
    }

    private void findCycle(String id, Map<String, List<String>> children, Deque<String> path, Set<String> onPath,
            Set<String> done) {
        if (done.contains(id)) {
            return;
        }
        path.addLast(id);
        onPath.add(id);
        for (String child : children.getOrDefault(id, List.of())) {
            if (onPath.contains(child)) {
                List<String> cycle = new ArrayList<>(path);
                cycle = cycle.subList(cycle.indexOf(child), cycle.size());
                Where where = whereOf.getOrDefault(child, new Where(child, 0, ""));
                warnings.add(where.source(), where.line(), "links", String.join(" → ", cycle) + " → " + child,
                        "is a cycle: a plan's links must lead from a layer to a later one");
            } else {
                findCycle(child, children, path, onPath, done);
            }
        }
        onPath.remove(id);
        path.removeLast();
        done.add(id);
    }

    private static boolean layerAbove(Link link) {
        return NodeIds.layerOf(link.parentId())
                .flatMap(parent -> NodeIds.layerOf(link.childId()).map(parent::isAbove))
                .orElse(true);
    }
}
