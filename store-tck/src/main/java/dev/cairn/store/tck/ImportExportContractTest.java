package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.core.DeleteMode;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.io.ImportException;
import dev.cairn.core.io.ImportMode;
import dev.cairn.core.io.ImportProblem;
import dev.cairn.core.io.ImportReport;
import dev.cairn.core.io.PlanExport;
import dev.cairn.core.io.PlanImport;
import dev.cairn.core.spi.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import and export on one store: a plan written out and read into a fresh store of the same kind comes back
 * whole, field by field; ToDoWrite's own files import and export so that its schema accepts them; what is
 * wrong is refused with its file, line and field, and leaves the store as it was.
 *
 * <p>A store module extends this class and hands it the backend's {@link StoreFixture}:
 *
 * <pre>{@code
 * class SqliteImportExportTest extends ImportExportContractTest {
 *     SqliteImportExportTest() { super(SqliteFixture.inFiles()); }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class ImportExportContractTest {
    /** The backend's stores. */
    protected final StoreFixture fixture;
    private final List<Cairn> opened = new ArrayList<>();
    private final TestClock clock = new TestClock(PlanSample.START);

    /** A temporary folder for the test's files, deleted after the test. */
    @TempDir
    protected Path files;

    /**
     * A suite on the stores {@code fixture} makes, several for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected ImportExportContractTest(StoreFixture fixture) {
        this.fixture = Objects.requireNonNull(fixture, "fixture");
    }

    /** A new, empty store; called several times a test, each store apart from the others. */
    private Store createStore() {
        return fixture.createStore();
    }

    /**
     * How many mutated trees {@link Mutations} imports: 500 by default. A backend whose every import costs a
     * server round trip per lookup may run fewer, as long as some backend of the build runs the 500.
     *
     * @return the number of mutated trees to import
     */
    protected int mutationRounds() {
        return 500;
    }

    /**
     * A facade over a new, empty store, closed after the test.
     *
     * @return the facade; the suite closes it
     */
    protected Cairn freshPlan() {
        Cairn cairn = Cairn.over(createStore(), PlanSample.config("test:", clock));
        opened.add(cairn);
        return cairn;
    }

    @AfterEach
    void closePlans() {
        opened.forEach(Cairn::close);
        fixture.close();
    }

    private Cairn filledPlan() {
        Cairn cairn = freshPlan();
        PlanSample.fill(cairn, clock);
        return cairn;
    }

    @Nested
    class OneFile {
        @Test
        void aYamlExportImportsIntoAFreshStoreWithEveryFieldAndTheWholeHistory() {
            assertLosslessThrough(files.resolve("plan.yaml"));
        }

        @Test
        void aJsonExportImportsIntoAFreshStoreWithEveryFieldAndTheWholeHistory() {
            assertLosslessThrough(files.resolve("plan.json"));
        }

        private void assertLosslessThrough(Path file) {
            Cairn source = filledPlan();
            PlanSample.Snapshot before = PlanSample.Snapshot.of(source);
            before.assertCoversTheModel();

            var exported = PlanExport.from(source).toFile(file);
            Cairn target = freshPlan();
            ImportReport report = PlanImport.into(target).fromFile(file);

            PlanSample.Snapshot.of(target).assertKeepsEverythingOf(before);
            assertThat(exported.nodes()).isEqualTo(before.nodes().size());
            assertThat(exported.events()).isEqualTo(before.events().size());
            assertThat(report.created()).isEqualTo(before.nodes().size());
            assertThat(report.linksAdded()).isEqualTo(before.links().size());
            assertThat(report.events()).isEqualTo(before.events().size());
        }

        @Test
        void anExportOfAnEmptyStoreImportsAsNothing() {
            Path file = files.resolve("empty.yaml");
            PlanExport.from(freshPlan()).toFile(file);
            Cairn target = freshPlan();
            ImportReport report = PlanImport.into(target).fromFile(file);
            assertThat(report.created()).isZero();
            assertThat(target.count(NodeQuery.all())).isZero();
        }

        @Test
        void aFileFromANewerCairnIsRefusedByItsVersion() throws IOException {
            Path file = files.resolve("future.json");
            Files.writeString(file, "{\"format\": \"cairn-plan\", \"version\": 99, \"nodes\": []}");
            assertThatThrownBy(() -> PlanImport.into(freshPlan()).fromFile(file))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("future.json:1: version = '99': is newer than this Cairn reads");
        }
    }

    @Nested
    class Tree {
        @Test
        void aTreeExportImportsIntoAFreshStoreWithEveryFieldButTheVersion() {
            Cairn source = filledPlan();
            PlanSample.Snapshot before = PlanSample.Snapshot.of(source);
            PlanExport.from(source).toTree(files);

            Cairn target = freshPlan();
            PlanImport.into(target).fromTree(files);

            PlanSample.Snapshot after = PlanSample.Snapshot.of(target);
            assertThat(after.nodes()).extracting(Node::id).containsExactlyElementsOf(
                    before.nodes().stream().map(Node::id).toList());
            for (Node node : before.nodes()) {
                // A tree is for people: it keeps no version, and labels by name only.
                assertThat(after.node(node.id())).as(node.id()).usingRecursiveComparison()
                        .ignoringFields("version").isEqualTo(node);
            }
            assertThat(after.links()).isEqualTo(before.links());
            assertThat(after.labels()).extracting(Label::name).isSubsetOf(
                    before.labels().stream().map(Label::name).toList());
        }

        @Test
        void theToDoWriteFixturesImportExportToFilesItsSchemaAcceptsAndImportAgainToTheSameGraph()
                throws IOException {
            Path tree = TodoWriteFixtures.copyTree(files.resolve("todowrite"));
            Cairn first = freshPlan();
            ImportReport report = PlanImport.into(first).fromTree(tree);
            assertThat(report.created()).isEqualTo(TodoWriteFixtures.NODES);
            // ToDoWrite's own files name a few links on one side only: imported, and each reported.
            assertThat(report.warnings()).isNotEmpty().allSatisfy(warning -> assertThat(warning.rule())
                    .startsWith("is named only here"));
            assertThat(first.count(NodeQuery.all())).isEqualTo(TodoWriteFixtures.NODES);
            assertThat(first.countByLayerAndStatus()).extracting(count -> count.layer())
                    .containsAll(List.of(Layer.values()));
            Node command = first.get("CMD-CLI-COMMANDS-INTEGRATED");
            assertThat(command.command().acRef()).isEqualTo("AC-CLI-COMMANDS-INTEGRATED");
            assertThat(command.command().run().env()).containsEntry("TODOWRITE_MODE", "validation");
            assertThat(first.get("SUB-ADD-DATE-FIELDS").labels()).contains("work:validation", "iso8601");

            Path exported = files.resolve("exported");
            PlanExport.from(first).toTree(exported);
            List<Path> written;
            try (Stream<Path> walk = Files.walk(exported)) {
                written = walk.filter(Files::isRegularFile).sorted().toList();
            }
            assertThat(written).hasSize(TodoWriteFixtures.NODES);
            Map<String, Object> refused = new TreeMap<>();
            for (Path file : written) {
                var problems = TodoWriteFixtures.schemaProblems(file);
                if (!problems.isEmpty()) {
                    refused.put(exported.relativize(file).toString(), problems);
                }
            }
            assertThat(refused).as("files ToDoWrite's schema refuses").isEmpty();
            assertThat(written.stream().map(file -> exported.relativize(file).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrderElementsOf(relativeFiles(tree));

            Cairn second = freshPlan();
            ImportReport again = PlanImport.into(second).fromTree(exported);
            assertThat(again.warnings()).as("one-sided links after an export, which writes both sides").isEmpty();
            assertThat(second.find(NodeQuery.all())).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                    "version").containsExactlyElementsOf(first.find(NodeQuery.all()));
            assertThat(second.links()).isEqualTo(first.links());
        }

        @Test
        void envKeysAndArtifactsComeBackInTheOrderTheFileWroteThemAndReExportByteIdentical() throws IOException {
            Path tree = files.resolve("written");
            writeFile(tree, "plans/acceptance_criteria/AC-A.yaml", "id: AC-A\nlayer: AcceptanceCriteria\n"
                    + "title: Node AC-A\ndescription: ''\nlinks: {parents: [], children: [CMD-A]}\n");
            writeFile(tree, "commands/CMD-A.yaml", String.join("\n", "id: CMD-A", "layer: Command",
                    "title: Node CMD-A", "description: ''", "links: {parents: [AC-A], children: []}", "command:",
                    "  ac_ref: AC-A", "  run:", "    shell: make check", "    env:", "      ZETA: '1'",
                    "      ALPHA: '2'", "      MIDDLE: '3'", "  artifacts:", "  - out/z.log", "  - out/a.log",
                    "  - out/m.log", ""));
            Cairn first = freshPlan();
            PlanImport.into(first).fromTree(tree);
            Node command = first.get("CMD-A");
            assertThat(command.command().run().env().keySet()).containsExactly("ZETA", "ALPHA", "MIDDLE");
            assertThat(command.command().artifacts()).containsExactly("out/z.log", "out/a.log", "out/m.log");

            Path exported = files.resolve("exported");
            PlanExport.from(first).toTree(exported);
            String text = Files.readString(exported.resolve("commands/CMD-A.yaml"), StandardCharsets.UTF_8);
            assertThat(text).containsSubsequence("ZETA", "ALPHA", "MIDDLE", "out/z.log", "out/a.log", "out/m.log");

            Cairn second = freshPlan();
            PlanImport.into(second).fromTree(exported);
            assertThat(second.get("CMD-A").command().run().env().keySet()).containsExactly("ZETA", "ALPHA", "MIDDLE");
            Path again = files.resolve("again");
            PlanExport.from(second).toTree(again);
            List<String> names = relativeFiles(exported);
            assertThat(relativeFiles(again)).containsExactlyInAnyOrderElementsOf(names);
            for (String name : names) {
                assertThat(Files.readAllBytes(again.resolve(name))).as(name)
                        .isEqualTo(Files.readAllBytes(exported.resolve(name)));
            }
        }

        @Test
        void aLinkOnlyOneSideNamesIsImportedAndReported() throws IOException {
            writeNode("plans/goals/GOAL-A.yaml", "GOAL-A", "Goal", "links: {parents: [], children: [TSK-B]}");
            writeNode("plans/tasks/TSK-B.yaml", "TSK-B", "Task", "links: {parents: [], children: []}");
            Cairn plan = freshPlan();
            ImportReport report = PlanImport.into(plan).fromTree(files);
            assertThat(plan.links()).containsExactly(new Link("GOAL-A", "TSK-B"));
            assertThat(report.warnings()).singleElement().satisfies(warning -> {
                assertThat(warning.source()).isEqualTo("plans/goals/GOAL-A.yaml");
                assertThat(warning.field()).isEqualTo("links.children[0]");
                assertThat(warning.rule()).contains("TSK-B does not list GOAL-A in links.parents");
            });
        }
    }

    @Nested
    class Modes {
        @Test
        void byDefaultANodeTheStoreHoldsRefusesTheWholeImportAndWritesNothing() {
            Path file = exportSample();
            Cairn target = freshPlan();
            target.create(NodeDraft.of(Layer.GOAL, "Already here").id("GOAL-SHIP"));
            PlanSample.Snapshot before = PlanSample.Snapshot.of(target);

            assertThatThrownBy(() -> PlanImport.into(target).fromFile(file))
                    .isInstanceOfSatisfying(ImportException.class, refused -> assertThat(refused.problems())
                            .extracting(ImportProblem::toString)
                            .anySatisfy(text -> assertThat(text).contains("id = 'GOAL-SHIP': exists in the store")));
            PlanSample.Snapshot.of(target).assertKeepsEverythingOf(before);
        }

        @Test
        void skipLeavesTheStoredNodeAndImportsTheRest() {
            Path file = exportSample();
            Cairn target = freshPlan();
            Node mine = target.create(NodeDraft.of(Layer.GOAL, "Already here").id("GOAL-SHIP"));
            ImportReport report = PlanImport.into(target).mode(ImportMode.SKIP).fromFile(file);
            assertThat(report.skippedIds()).containsExactly("GOAL-SHIP");
            assertThat(target.get("GOAL-SHIP")).isEqualTo(mine);
            assertThat(target.get("CON-GRAPH").title()).startsWith("A layered planning graph");
            assertThat(target.children("GOAL-SHIP")).extracting(Node::id).contains("CON-GRAPH");
        }

        @Test
        void updateGivesTheStoredNodeTheFilesFieldsAndRecordsTheChange() {
            Path file = exportSample();
            Cairn target = freshPlan();
            target.create(NodeDraft.of(Layer.GOAL, "Already here").id("GOAL-SHIP"));
            ImportReport report = PlanImport.into(target).mode(ImportMode.UPDATE).fromFile(file);
            assertThat(report.updatedIds()).containsExactly("GOAL-SHIP");
            Node updated = target.get("GOAL-SHIP");
            assertThat(updated.title()).isEqualTo("Ship Cairn 1.0");
            assertThat(updated.version()).isEqualTo(2);
            assertThat(target.history("GOAL-SHIP")).extracting(event -> event.type().name())
                    .containsExactly("CREATED", "STATUS_CHANGED");
        }

        @Test
        void aDryRunReportsWhatWouldChangeAndWritesNothing() {
            Path file = exportSample();
            Cairn target = freshPlan();
            target.create(NodeDraft.of(Layer.GOAL, "Already here").id("GOAL-SHIP"));
            PlanSample.Snapshot before = PlanSample.Snapshot.of(target);
            ImportReport report = PlanImport.into(target).mode(ImportMode.UPDATE).dryRun().fromFile(file);
            assertThat(report.dryRun()).isTrue();
            assertThat(report.updatedIds()).containsExactly("GOAL-SHIP");
            assertThat(report.created()).isGreaterThan(10);
            assertThat(report.createdIds()).contains("CON-GRAPH").doesNotContain("GOAL-SHIP");
            PlanSample.Snapshot.of(target).assertKeepsEverythingOf(before);
        }

        @Test
        void importingTheSameTreeTwiceWithSkipAddsNothingTheSecondTime() throws IOException {
            Path tree = TodoWriteFixtures.copyTree(files.resolve("todowrite"));
            Cairn plan = freshPlan();
            PlanImport.into(plan).fromTree(tree);
            PlanSample.Snapshot before = PlanSample.Snapshot.of(plan);
            ImportReport again = PlanImport.into(plan).mode(ImportMode.SKIP).fromTree(tree);
            assertThat(again.skipped()).isEqualTo(TodoWriteFixtures.NODES);
            assertThat(again.linksAdded()).isZero();
            PlanSample.Snapshot.of(plan).assertKeepsEverythingOf(before);
        }

        private Path exportSample() {
            Path file = files.resolve("sample.yaml");
            PlanExport.from(filledPlan()).toFile(file);
            return file;
        }
    }

    @Nested
    class Refusals {
        @Test
        void everyProblemIsReportedWithItsFileLineFieldAndRuleAndNothingIsWritten() throws IOException {
            writeNode("plans/goals/GOAL-A.yaml", "GOAL-A", "Goal", "links: {parents: [], children: [TSK-B]}");
            Files.createDirectories(files.resolve("plans/tasks"));
            Files.writeString(files.resolve("plans/tasks/TSK-B.yaml"), String.join("\n",
                    "id: TSK-B",
                    "layer: Task",
                    "title: B",
                    "description: ''",
                    "metadata:",
                    "  severity: urgent",
                    "  status: finished",
                    "  progress: lots",
                    "links: {parents: [GOAL-A, '../../x'], children: [GOAL-A]}",
                    ""), StandardCharsets.UTF_8);
            writeNode("commands/CMD-C.yaml", "CMD-C", "Command", "links: {parents: [], children: []}\n"
                    + "command: {ac_ref: AC-NOWHERE, run: {shell: 'true'}}");
            Cairn plan = freshPlan();
            plan.create(NodeDraft.of(Layer.GOAL, "Mine").id("GOAL-MINE"));
            PlanSample.Snapshot before = PlanSample.Snapshot.of(plan);

            ImportException refused = catchImport(() -> PlanImport.into(plan).fromTree(files));

            assertThat(refused.problems()).extracting(ImportProblem::toString).contains(
                    "plans/tasks/TSK-B.yaml:6: metadata.severity = 'urgent': must be one of [low, med, medium, high, "
                            + "critical]",
                    "plans/tasks/TSK-B.yaml:7: metadata.status = 'finished': must be one of [planned, in_progress, "
                            + "completed, blocked, cancelled]",
                    "plans/tasks/TSK-B.yaml:8: metadata.progress = 'lots': must be a whole number",
                    "plans/tasks/TSK-B.yaml:9: links.parents[1] = '../../x': must be a node id: a layer prefix, '-', "
                            + "and 1 to 64 of A-Z a-z 0-9 _ -");
            PlanSample.Snapshot.of(plan).assertKeepsEverythingOf(before);
        }

        @Test
        void linksAgainstTheLayerOrderAndToMissingNodesAndCommandsWithoutCriteriaAreRefused() throws IOException {
            writeNode("plans/goals/GOAL-A.yaml", "GOAL-A", "Goal", "links: {parents: [TSK-B], children: []}");
            writeNode("plans/tasks/TSK-B.yaml", "TSK-B", "Task", "links: {parents: [GOAL-A], children: [GOAL-A, "
                    + "SUB-GONE]}");
            writeNode("commands/CMD-C.yaml", "CMD-C", "Command", "links: {parents: [], children: []}\n"
                    + "command: {ac_ref: AC-NOWHERE, run: {shell: 'true'}}");
            Cairn plan = freshPlan();

            ImportException refused = catchImport(() -> PlanImport.into(plan).fromTree(files));

            assertThat(refused.problems()).extracting(ImportProblem::toString).anySatisfy(text -> assertThat(text)
                    .contains("TSK-B → GOAL-A", "goes against the layer order"));
            assertThat(refused.problems()).extracting(ImportProblem::toString).anySatisfy(text -> assertThat(text)
                    .contains("SUB-GONE", "names no node in the import or the store"));
            assertThat(refused.problems()).extracting(ImportProblem::toString).anySatisfy(text -> assertThat(text)
                    .startsWith("commands/CMD-C.yaml").contains("command.ac_ref = 'AC-NOWHERE'",
                            "must name an existing AcceptanceCriteria node"));
            assertThat(refused.report().warnings()).extracting(ImportProblem::rule)
                    .anySatisfy(rule -> assertThat(rule).contains("is a cycle"));
            assertThat(plan.count(NodeQuery.all())).isZero();
        }

        @Test
        void aYamlAliasAnIdWithPathSegmentsAndAFileInTheWrongFolderAreRefused() throws IOException {
            Path folder = files.resolve("plans/goals");
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("GOAL-A.yaml"), "id: GOAL-A\nlayer: Goal\ntitle: &t Title\n"
                    + "description: *t\nlinks: {parents: [], children: []}\n");
            Files.writeString(folder.resolve("x.yaml"), "id: ../../x\nlayer: Goal\ntitle: X\ndescription: ''\n"
                    + "links: {parents: [], children: []}\n");
            writeNode("plans/goals/TSK-B.yaml", "TSK-B", "Task", "links: {parents: [], children: []}");
            Cairn plan = freshPlan();

            ImportException refused = catchImport(() -> PlanImport.into(plan).fromTree(files));

            assertThat(refused.problems()).extracting(ImportProblem::toString).contains(
                    "plans/goals/GOAL-A.yaml:4: description = '*t': is a YAML alias; plan files take no aliases",
                    "plans/goals/TSK-B.yaml:1: id = 'TSK-B': must be in plans/tasks/TSK-B.yaml, where ToDoWrite "
                            + "keeps a Task (a lenient import, --lenient, takes it where it is)");
            assertThat(refused.problems()).extracting(ImportProblem::toString).anySatisfy(text -> assertThat(text)
                    .startsWith("plans/goals/x.yaml:1: id = '../../x': must be GOAL-"));
            assertThat(plan.count(NodeQuery.all())).isZero();
        }

        @Test
        void malformedYamlIsReportedWithItsLine() throws IOException {
            Path folder = files.resolve("plans/goals");
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("GOAL-A.yaml"), "id: GOAL-A\nlayer: Goal\ntitle: [unclosed\n");
            ImportException refused = catchImport(() -> PlanImport.into(freshPlan()).fromTree(files));
            assertThat(refused.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.source()).isEqualTo("plans/goals/GOAL-A.yaml");
                assertThat(problem.line()).isPositive();
                assertThat(problem.rule()).startsWith("is not valid YAML");
            });
        }
    }

    @Nested
    class Mutations {
        /**
         * Five hundred mutations ({@link #mutationRounds()}) of the fixture tree, each a changed, cut, doubled or swapped line or value in one
         * file, imported into a store that holds a plan of its own: each import writes all of the tree, or
         * refuses with problems and leaves the store as it was. None may fail any other way.
         */
        @Test
        void eachMutatedTreeImportsCompletelyOrChangesNothing() throws IOException {
            Path tree = TodoWriteFixtures.copyTree(files.resolve("tree"));
            List<Path> nodeFiles;
            try (Stream<Path> walk = Files.walk(tree)) {
                nodeFiles = walk.filter(Files::isRegularFile).sorted().toList();
            }
            Cairn plan = freshPlan();
            plan.create(NodeDraft.of(Layer.GOAL, "Mine").id("GOAL-MINE"));
            plan.create(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "Kept").id("AC-KEPT").parents("GOAL-MINE"));
            List<Node> nodesBefore = plan.find(NodeQuery.all());
            List<Link> linksBefore = plan.links();
            Random random = new Random(20261121L);
            TreeMutator mutator = new TreeMutator(random);
            int refused = 0;
            int rounds = mutationRounds();
            for (int round = 0; round < rounds; round++) {
                Path victim = nodeFiles.get(random.nextInt(nodeFiles.size()));
                byte[] pristine = Files.readAllBytes(victim);
                String mutation = "round " + round + ", " + mutator.mutate(victim);
                try {
                    ImportReport report = PlanImport.into(plan).fromTree(tree);
                    assertThat(report.created()).as(mutation).isEqualTo(TodoWriteFixtures.NODES);
                    assertThat(plan.count(NodeQuery.all())).as(mutation).isEqualTo(TodoWriteFixtures.NODES + 2L);
                    // Undo it for the next round, in one transaction.
                    plan.useTransaction(graph -> graph.find(NodeQuery.all()).stream()
                            .filter(node -> !node.id().equals("GOAL-MINE") && !node.id().equals("AC-KEPT"))
                            .sorted((a, b) -> Integer.compare(b.layer().index(), a.layer().index()))
                            .forEach(node -> graph.delete(node.id(), DeleteMode.DETACH)));
                } catch (ImportException e) {
                    refused++;
                    assertThat(e.problems()).as(mutation).isNotEmpty();
                    assertThat(plan.find(NodeQuery.all())).as(mutation).isEqualTo(nodesBefore);
                    assertThat(plan.links()).as(mutation).isEqualTo(linksBefore);
                }
                Files.write(victim, pristine);
            }
            assertThat(refused).as("mutations refused").isBetween(rounds / 5, rounds - 1);
            assertThat(plan.find(NodeQuery.all())).isEqualTo(nodesBefore);
        }
    }

    private void writeNode(String path, String id, String layer, String extra) throws IOException {
        Path file = files.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "id: " + id + "\nlayer: " + layer + "\ntitle: Node " + id + "\ndescription: ''\n"
                + extra + "\n", StandardCharsets.UTF_8);
    }

    private static void writeFile(Path tree, String path, String text) throws IOException {
        Path file = tree.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static ImportException catchImport(Runnable importing) {
        try {
            importing.run();
        } catch (ImportException refused) {
            return refused;
        }
        throw new AssertionError("The import was expected to be refused");
    }

    private static List<String> relativeFiles(Path tree) throws IOException {
        try (Stream<Path> walk = Files.walk(tree)) {
            return walk.filter(Files::isRegularFile).map(file -> tree.relativize(file).toString().replace('\\', '/'))
                    .collect(Collectors.toList());
        }
    }

}
