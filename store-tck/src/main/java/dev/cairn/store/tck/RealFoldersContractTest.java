package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.core.Cairn;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.doctor.Doctor;
import dev.cairn.core.doctor.DoctorReport;
import dev.cairn.core.io.ExportReport;
import dev.cairn.core.io.ImportException;
import dev.cairn.core.io.ImportMode;
import dev.cairn.core.io.ImportProblem;
import dev.cairn.core.io.ImportReport;
import dev.cairn.core.io.PlanExport;
import dev.cairn.core.io.PlanImport;
import dev.cairn.core.io.TreeFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan folders as real projects keep them ({@link RealFolders}) on one store: the plans and the commands in
 * folders apart import together, in one transaction; what the files say comes back as they said it through an
 * export; what breaks the rules is refused with its file, line and rule.
 *
 * <pre>{@code
 * class SqliteRealFoldersTest extends RealFoldersContractTest {
 *     SqliteRealFoldersTest() { super(SqliteFixture.inFiles()); }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class RealFoldersContractTest {
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
    protected RealFoldersContractTest(StoreFixture fixture) {
        this.fixture = Objects.requireNonNull(fixture, "fixture");
    }

    /**
     * A facade over a new, empty store, closed after the test.
     *
     * @return the facade
     */
    protected Cairn freshPlan() {
        Cairn cairn = Cairn.over(fixture.createStore(), PlanSample.config("test:", clock));
        opened.add(cairn);
        return cairn;
    }

    @AfterEach
    void closePlans() {
        opened.forEach(Cairn::close);
        fixture.close();
    }

    private Path shop() {
        return RealFolders.copy(RealFolders.SHOP, files.resolve("shop"));
    }

    private static TreeFolders apart(Path project) {
        return TreeFolders.split(project.resolve("app/todos/plans"), project.resolve("commands"));
    }

    @Nested
    class FoldersApart {
        @Test
        void plansAndCommandsInFoldersApartImportTogetherAndAnAcRefResolvesAcrossThem() {
            Cairn plan = freshPlan();
            ImportReport report = PlanImport.into(plan).fromTree(apart(shop()));

            assertThat(report.created()).isEqualTo(6);
            assertThat(report.warnings()).isEmpty();
            Node command = plan.get("CMD-CHECKOUT-WORKS");
            assertThat(command.command().acRef()).isEqualTo("AC-CHECKOUT-WORKS");
            assertThat(command.command().run().env()).containsEntry("RETRIES", "3");
            assertThat(plan.links()).contains(new Link("AC-CHECKOUT-WORKS", "CMD-CHECKOUT-WORKS"),
                    new Link("R-CHECKOUT", "IF-PAYMENT-API"), new Link("IF-PAYMENT-API", "TSK-CART"));
            // A .yml file is a plan file; CRLF, a byte-order mark and quoted numbers read as the owner wrote them.
            assertThat(plan.get("R-CHECKOUT").title()).isEqualTo("2025");
            assertThat(plan.get("R-CHECKOUT").labels()).containsExactlyInAnyOrder("1.0", "checkout", "no");
            assertThat(plan.get("GOAL-ORDERS").description())
                    .isEqualTo("Customers order from the web shop and pay at checkout, without calling the office.\n");
            assertThat(plan.get("AC-CHECKOUT-WORKS").title()).isEqualTo("A card payment completes an order");
        }

        @Test
        void commandsAloneImportAgainstCriteriaTheStoreHolds() throws IOException {
            Path project = shop();
            // The criterion names no Command yet; the Command names it as its parent.
            Path criterion = project.resolve("app/todos/plans/acceptance_criteria/AC-CHECKOUT-WORKS.yaml");
            Files.writeString(criterion, Files.readString(criterion).replace(", CMD-CHECKOUT-WORKS]", "]"));
            Cairn plan = freshPlan();
            PlanImport.into(plan).fromTree(TreeFolders.split(project.resolve("app/todos/plans"), null));
            assertThat(plan.count(NodeQuery.all())).isEqualTo(5);

            ImportReport commands = PlanImport.into(plan).fromTree(TreeFolders.split(null,
                    project.resolve("commands")));

            assertThat(commands.createdIds()).containsExactly("CMD-CHECKOUT-WORKS");
            assertThat(plan.get("CMD-CHECKOUT-WORKS").command().acRef()).isEqualTo("AC-CHECKOUT-WORKS");
            assertThat(plan.links()).contains(new Link("AC-CHECKOUT-WORKS", "CMD-CHECKOUT-WORKS"));
        }

        @Test
        void aProblemInOneFolderRefusesTheFilesOfTheOtherToo() throws IOException {
            Path project = shop();
            Path command = project.resolve("commands/CMD-CHECKOUT-WORKS.yaml");
            Files.writeString(command, Files.readString(command).replace("work_type: validation",
                    "work_type: testing"));
            Cairn plan = freshPlan();

            ImportException refused = catchImport(() -> PlanImport.into(plan).fromTree(apart(project)));

            assertThat(refused.problems()).extracting(ImportProblem::toString).contains(
                    slashed(project.resolve("commands")) + "/CMD-CHECKOUT-WORKS.yaml:9: metadata.work_type = "
                            + "'testing': must be one of [architecture, spec, interface, validation, implementation, "
                            + "docs, ops, refactor, chore, test]");
            assertThat(plan.count(NodeQuery.all())).isZero();
        }

        @Test
        void aFileInTheWrongFolderIsToldWhereItBelongsInTheFoldersGiven() throws IOException {
            Path project = shop();
            Files.move(project.resolve("app/todos/plans/tasks/TSK-CART.yaml"),
                    project.resolve("commands/TSK-CART.yaml"));

            ImportException refused = catchImport(() -> PlanImport.into(freshPlan()).fromTree(apart(project)));

            assertThat(refused.problems()).extracting(ImportProblem::toString).contains(
                    slashed(project.resolve("commands")) + "/TSK-CART.yaml:1: id = 'TSK-CART': must be in "
                            + slashed(project.resolve("app/todos/plans")) + "/tasks/TSK-CART.yaml, where ToDoWrite "
                            + "keeps a Task (a lenient import, --lenient, takes it where it is)",
                    slashed(project.resolve("commands")) + "/TSK-CART.yaml:1: id = 'TSK-CART': is not imported, "
                            + "because of the problems of its own file; 2 links name it");
        }

        @Test
        void aLinkLeadingOutOfTheGivenFoldersIsRefusedAndOneIntoTheOtherFolderIsFollowed() throws IOException {
            Path project = shop();
            Path command = project.resolve("commands/CMD-CHECKOUT-WORKS.yaml");
            Path outside = Files.createDirectories(files.resolve("elsewhere")).resolve("cmd.yaml");
            Files.move(command, outside);
            Files.createSymbolicLink(command, outside);

            ImportException refused = catchImport(() -> PlanImport.into(freshPlan()).fromTree(apart(project)));
            assertThat(refused.problems()).extracting(ImportProblem::toString).anySatisfy(problem -> assertThat(
                    problem).startsWith(slashed(command) + ": leads to ").contains("outside the given folders"));

            Path shared = Files.createDirectories(project.resolve("app/todos/plans/shared")).resolve("cmd.txt");
            Files.delete(command);
            Files.move(outside, shared);
            Files.createSymbolicLink(command, shared);
            Cairn plan = freshPlan();
            ImportReport report = PlanImport.into(plan).fromTree(apart(project));
            assertThat(report.createdIds()).contains("CMD-CHECKOUT-WORKS");
        }

        @Test
        void aMissingFolderIsNamed() {
            Path project = shop();
            ImportException refused = catchImport(() -> PlanImport.into(freshPlan()).fromTree(TreeFolders.split(
                    project.resolve("app/plans"), project.resolve("commands"))));
            assertThat(refused.problems()).extracting(ImportProblem::toString).containsExactly(
                    project.resolve("app/plans") + ": is not a folder: give the folder that holds the layer folders "
                            + "(goals/, tasks/, …)");
        }
    }

    @Nested
    class Lenient {
        private Path project;
        private Path plans;
        private Path commands;

        private TreeFolders tracker() {
            project = RealFolders.copy(RealFolders.TRACKER, files.resolve("tracker"));
            plans = project.resolve("todos/plans");
            commands = project.resolve("commands");
            return TreeFolders.split(plans, commands);
        }

        private String in(Path folder, String file) {
            return slashed(folder) + "/" + file;
        }

        @Test
        void aProjectPastTheRulesImportsWholeAndEveryOddityIsWarnedAboutWithItsFileAndLine() {
            Cairn plan = freshPlan();
            ImportReport report = PlanImport.into(plan).lenient().fromTree(tracker());

            assertThat(report.created()).isEqualTo(9);
            assertThat(plan.find(NodeQuery.all())).extracting(Node::id).contains("TSK-TEST-STATUS-DEMO",
                    "TSK-STATUS-DOCS");
            assertThat(plan.links()).containsExactlyInAnyOrder(
                    new Link("GOAL-TRACKER", "R-STATUS"), new Link("GOAL-TRACKER", "TSK-TEST-STATUS-DEMO"),
                    new Link("R-STATUS", "AC-STATUS-SHOWN"), new Link("R-STATUS", "IF-STATUS-CLI"),
                    new Link("R-STATUS", "TSK-STATUS-DOCS"), new Link("AC-STATUS-SHOWN", "CMD-STATUS-SHOWN"),
                    new Link("IF-STATUS-CLI", "TSK-STATUS-CMD"), new Link("IF-STATUS-CLI", "TSK-TEST-STATUS-DEMO"));
            assertThat(plan.get("GOAL-TRACKER").customFields()).containsEntry("todowrite.unresolved_links",
                    Map.of("children", List.of("R-REMOVED-LONG-AGO")));
            assertThat(plan.get("CMD-STATUS-SHOWN").customFields()).containsEntry("todowrite.unresolved_links",
                    Map.of("children", List.of("IF-STATUS-CLI")));
            assertThat(plan.get("TSK-STATUS-HELP").customFields()).containsEntry("todowrite.unresolved_links",
                    Map.of("parents", List.of("TSK-STATUS-CMD")));
            assertThat(plan.get("TSK-TEST-STATUS-DEMO").customFields()).containsEntry("todowrite.id",
                    "TEST-STATUS-DEMO");
            assertThat(plan.get("TSK-STATUS-DOCS").customFields()).containsEntry("todowrite.file",
                    "plans/tasks/status-docs.yaml");
            assertThat(plan.get("IF-STATUS-CLI").customFields()).containsEntry("todowrite.unlisted_links",
                    Map.of("children", List.of("TSK-TEST-STATUS-DEMO")));
            assertThat(plan.get("AC-STATUS-SHOWN").title()).isEqualTo("42");
            assertThat(plan.get("TSK-STATUS-HELP").labels()).containsExactlyInAnyOrder("0.1", "yes");

            String goal = in(plans, "goals/GOAL-TRACKER.yaml");
            assertThat(report.warnings()).extracting(ImportProblem::toString).containsExactlyInAnyOrder(
                    in(plans, "tasks/TEST-STATUS-DEMO.yaml") + ":1: id = 'TEST-STATUS-DEMO': has no TSK- prefix: "
                            + "imported as TSK-TEST-STATUS-DEMO, written back as it was by a tree export",
                    in(plans, "tasks/status-docs.yaml") + ":1: id = 'TSK-STATUS-DOCS': is not in "
                            + in(plans, "tasks/TSK-STATUS-DOCS.yaml") + ", where ToDoWrite keeps a Task: imported, "
                            + "the file's name kept for a tree export",
                    goal + ":16: links.children[2] = 'R-REMOVED-LONG-AGO': names no node in the import or the "
                            + "store: imported without this link, which stays with GOAL-TRACKER for a tree export "
                            + "to write back",
                    in(commands, "CMD-STATUS-SHOWN.yaml") + ":12: links.children[0] = 'IF-STATUS-CLI': goes "
                            + "against the layer order: a parent's layer (Command) must come before its child's "
                            + "(InterfaceContract): imported without this link, which stays with CMD-STATUS-SHOWN "
                            + "for a tree export to write back",
                    in(plans, "interface_contracts/IF-STATUS-CLI.yaml") + ":9: links.parents[1] = "
                            + "'CMD-STATUS-SHOWN': goes against the layer order: a parent's layer (Command) must come "
                            + "before its child's (InterfaceContract): imported without this link, which stays with "
                            + "IF-STATUS-CLI for a tree export to write back",
                    in(plans, "tasks/TSK-STATUS-CMD.yaml") + ":14: links.children[0] = 'TSK-STATUS-HELP': goes "
                            + "against the layer order: a parent's layer (Task) must come before its child's (Task): "
                            + "imported without this link, which stays with TSK-STATUS-CMD for a tree export to "
                            + "write back",
                    in(plans, "tasks/TSK-STATUS-HELP.yaml") + ":9: links.parents[0] = 'TSK-STATUS-CMD': goes "
                            + "against the layer order: a parent's layer (Task) must come before its child's (Task): "
                            + "imported without this link, which stays with TSK-STATUS-HELP for a tree export to "
                            + "write back",
                    in(plans, "tasks/TEST-STATUS-DEMO.yaml") + ":9: links.parents[0] = 'IF-STATUS-CLI': is named "
                            + "only here: IF-STATUS-CLI does not list TSK-TEST-STATUS-DEMO in links.children");
        }

        @Test
        void theDoctorShowsEachLinkKeptWithItsNode() {
            Cairn plan = freshPlan();
            PlanImport.into(plan).lenient().fromTree(tracker());

            DoctorReport report = Doctor.examine(plan);

            assertThat(report.findings()).filteredOn(finding -> finding.kind() == DoctorReport.Kind.UNRESOLVED_LINK)
                    .extracting(DoctorReport.Finding::nodeId, finding -> finding.detail().substring(0,
                            finding.detail().indexOf(':')))
                    .containsExactlyInAnyOrder(
                            tuple("GOAL-TRACKER", "Goal GOAL-TRACKER's file lists R-REMOVED-LONG-AGO among its "
                                    + "children, which names no node"),
                            tuple("CMD-STATUS-SHOWN", "Command CMD-STATUS-SHOWN's file lists IF-STATUS-CLI among its "
                                    + "children, which goes against the layer order"),
                            tuple("IF-STATUS-CLI", "InterfaceContract IF-STATUS-CLI's file lists CMD-STATUS-SHOWN "
                                    + "among its parents, which goes against the layer order"),
                            tuple("TSK-STATUS-CMD", "Task TSK-STATUS-CMD's file lists TSK-STATUS-HELP among its "
                                    + "children, which goes against the layer order"),
                            tuple("TSK-STATUS-HELP", "Task TSK-STATUS-HELP's file lists TSK-STATUS-CMD among its "
                                    + "parents, which goes against the layer order"));
        }

        @Test
        void anExportGivesBackEachFileAsItsOwnerWroteItAndAReExportChangesNoByte() throws IOException {
            Cairn first = freshPlan();
            TreeFolders folders = tracker();
            PlanImport.into(first).lenient().fromTree(folders);
            Path exported = files.resolve("exported");
            PlanExport.from(first).toTree(exported);

            Map<String, Path> originals = new TreeMap<>();
            for (String file : RealFolders.files(RealFolders.TRACKER)) {
                originals.put(file.startsWith("todos/") ? file.substring("todos/".length()) : file,
                        project.resolve(file));
            }
            assertThat(contents(exported).keySet()).isEqualTo(originals.keySet());
            originals.forEach((name, original) -> assertThat(TreeMeaning.of(exported.resolve(name))).as(name)
                    .isEqualTo(TreeMeaning.of(original)));

            Cairn second = freshPlan();
            PlanImport.into(second).lenient().fromTree(exported);
            assertThat(second.find(NodeQuery.all())).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                    "version").containsExactlyElementsOf(first.find(NodeQuery.all()));
            assertThat(second.links()).isEqualTo(first.links());
            Path reExported = files.resolve("re-exported");
            PlanExport.from(second).toTree(reExported);
            assertThat(contents(reExported)).isEqualTo(contents(exported));
            PlanExport.from(second).toTree(exported);
            assertThat(contents(exported)).isEqualTo(contents(reExported));
        }

        @Test
        void theStrictImportRefusesEachOddityWithItsFileLineAndRuleAndSaysALenientOneTakesIt() {
            Cairn plan = freshPlan();
            TreeFolders folders = tracker();
            ImportException refused = catchImport(() -> PlanImport.into(plan).fromTree(folders));

            assertThat(refused.problems()).extracting(ImportProblem::toString).containsExactlyInAnyOrder(
                    in(plans, "tasks/TEST-STATUS-DEMO.yaml") + ":1: id = 'TEST-STATUS-DEMO': must be TSK- followed "
                            + "by 1 to 64 of A-Z a-z 0-9 _ -, the prefix of layer Task (a lenient import, --lenient, "
                            + "takes it as TSK-TEST-STATUS-DEMO)",
                    in(plans, "tasks/status-docs.yaml") + ":1: id = 'TSK-STATUS-DOCS': must be in "
                            + in(plans, "tasks/TSK-STATUS-DOCS.yaml") + ", where ToDoWrite keeps a Task (a lenient "
                            + "import, --lenient, takes it where it is)",
                    in(plans, "tasks/TEST-STATUS-DEMO.yaml") + ":1: id = 'TEST-STATUS-DEMO': is not imported, "
                            + "because of the problems of its own file; 1 link names it",
                    in(plans, "tasks/status-docs.yaml") + ":1: id = 'TSK-STATUS-DOCS': is not imported, because of "
                            + "the problems of its own file; 1 link names it",
                    in(plans, "goals/GOAL-TRACKER.yaml") + ":16: links.children[2] = 'R-REMOVED-LONG-AGO': names no "
                            + "node in the import or the store (a lenient import, --lenient, keeps the link with the "
                            + "node)",
                    in(commands, "CMD-STATUS-SHOWN.yaml") + ":12: links.children[0] = 'CMD-STATUS-SHOWN → "
                            + "IF-STATUS-CLI': goes against the layer order: a parent's layer (Command) must come "
                            + "before its child's (InterfaceContract) (a lenient import, --lenient, keeps the link "
                            + "with the node)",
                    in(plans, "tasks/TSK-STATUS-CMD.yaml") + ":14: links.children[0] = 'TSK-STATUS-CMD → "
                            + "TSK-STATUS-HELP': goes against the layer order: a parent's layer (Task) must come "
                            + "before its child's (Task) (a lenient import, --lenient, keeps the link with the node)");
            assertThat(plan.count(NodeQuery.all())).isZero();
        }

        @Test
        void theToDoWriteFixturesImportLenientlyAndExportBackEachFileAsWrittenAndValidForItsSchema()
                throws IOException {
            Path tree = TodoWriteFixtures.copyTree(files.resolve("todowrite"));
            Cairn first = freshPlan();
            ImportReport report = PlanImport.into(first).lenient().fromTree(tree);
            assertThat(report.created()).isEqualTo(TodoWriteFixtures.NODES);
            Path exported = files.resolve("exported");
            PlanExport.from(first).toTree(exported);

            Map<String, String> written = contents(exported);
            assertThat(written.keySet()).isEqualTo(contents(tree).keySet());
            for (String name : written.keySet()) {
                assertThat(TodoWriteFixtures.schemaProblems(exported.resolve(name))).as(name).isEmpty();
                // One-sided links stay one-sided: each file lists what its owner listed.
                assertThat(TreeMeaning.of(exported.resolve(name))).as(name).isEqualTo(TreeMeaning.of(tree.resolve(name)));
            }

            Cairn second = freshPlan();
            PlanImport.into(second).lenient().fromTree(exported);
            Path reExported = files.resolve("re-exported");
            PlanExport.from(second).toTree(reExported);
            assertThat(contents(reExported)).isEqualTo(written);
        }

        @Test
        void aProjectWithinTheRulesImportsLenientlyAsStrictlyWithoutAWarning() {
            Cairn strict = freshPlan();
            PlanImport.into(strict).fromTree(apart(shop()));
            Cairn lenient = freshPlan();
            ImportReport report = PlanImport.into(lenient).lenient().fromTree(apart(files.resolve("shop")));
            assertThat(report.warnings()).isEmpty();
            assertThat(lenient.find(NodeQuery.all())).isEqualTo(strict.find(NodeQuery.all()));
            assertThat(lenient.links()).isEqualTo(strict.links());
        }
    }

    @Nested
    class Messages {
        private void write(String path, String text) throws IOException {
            Path file = files.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        }

        @Test
        void aTabIsReportedAtTheLineThatHoldsIt() throws IOException {
            write("plans/goals/GOAL-A.yaml", "id: GOAL-A\nlayer: Goal\ntitle: A\ndescription: ''\nmetadata:\n"
                    + "  owner: a\n  labels: [a]\n\tseverity: high\n");
            ImportException refused = catchImport(() -> PlanImport.into(freshPlan()).fromTree(files));
            assertThat(refused.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.line()).isEqualTo(8);
                assertThat(problem.rule()).contains("TAB");
            });
        }

        @Test
        void everyFileNamingAMissingIdIsAProblemAtTheLineOfThatId() throws IOException {
            write("plans/goals/GOAL-A.yaml", "id: GOAL-A\nlayer: Goal\ntitle: A\ndescription: ''\nlinks:\n"
                    + "  parents: []\n  children:\n  - TSK-GONE\n");
            write("plans/goals/GOAL-B.yaml", "id: GOAL-B\nlayer: Goal\ntitle: B\ndescription: ''\nlinks:\n"
                    + "  children: [TSK-GONE]\n");
            write("plans/phases/PH-C.yaml", "id: PH-C\nlayer: Phase\ntitle: C\ndescription: ''\nlinks:\n"
                    + "  parents: []\n  children: [STP-X, TSK-GONE]\n");
            write("commands/CMD-D.yaml", "id: CMD-D\nlayer: Command\ntitle: D\ndescription: ''\nlinks:\n"
                    + "  parents: []\ncommand:\n  run: {shell: 'true'}\n  ac_ref: AC-GONE\n");
            Cairn plan = freshPlan();
            plan.create(dev.cairn.core.NodeDraft.of(dev.cairn.core.Layer.STEP, "X").id("STP-X"));

            ImportException refused = catchImport(() -> PlanImport.into(plan).fromTree(files));

            assertThat(refused.problems()).extracting(ImportProblem::toString).containsExactlyInAnyOrder(
                    "plans/goals/GOAL-A.yaml:8: links.children[0] = 'TSK-GONE': names no node in the import or the "
                            + "store (a lenient import, --lenient, keeps the link with the node)",
                    "plans/goals/GOAL-B.yaml:6: links.children[0] = 'TSK-GONE': names no node in the import or the "
                            + "store (a lenient import, --lenient, keeps the link with the node)",
                    "plans/phases/PH-C.yaml:7: links.children[1] = 'TSK-GONE': names no node in the import or the "
                            + "store (a lenient import, --lenient, keeps the link with the node)",
                    "commands/CMD-D.yaml:9: command.ac_ref = 'AC-GONE': must name an existing AcceptanceCriteria "
                            + "node, in the import or the store");
        }
    }

    @Nested
    class Update {
        private Cairn plan;
        private Path tree;

        private void importedAndExported() {
            plan = freshPlan();
            PlanImport.into(plan).fromTree(apart(shop()));
            tree = files.resolve("exported");
            PlanExport.from(plan).toTree(tree);
        }

        private long events() {
            return PlanSample.Snapshot.of(plan).events().size();
        }

        @Test
        void anUnchangedTreeUpdatesNothingAndRecordsNoEvent() {
            importedAndExported();
            List<Node> before = plan.find(NodeQuery.all());
            long eventsBefore = events();

            ImportReport report = PlanImport.into(plan).mode(ImportMode.UPDATE).fromTree(tree);

            assertThat(report.updated()).isZero();
            assertThat(report.skipped()).isEqualTo(6);
            assertThat(report.events()).isZero();
            assertThat(report.linksRemoved()).isZero();
            assertThat(events()).isEqualTo(eventsBefore);
            assertThat(plan.find(NodeQuery.all())).isEqualTo(before);
        }

        @Test
        void theCountsOfAnUpdateAreTheEventsItRecordsAndADryRunSaysTheSame() throws IOException {
            importedAndExported();
            Path cart = tree.resolve("plans/tasks/TSK-CART.yaml");
            Files.writeString(cart, Files.readString(cart).replace("title: Build the cart page",
                    "title: Build the basket page"));
            long eventsBefore = events();

            ImportReport dryRun = PlanImport.into(plan).mode(ImportMode.UPDATE).dryRun().fromTree(tree);
            ImportReport report = PlanImport.into(plan).mode(ImportMode.UPDATE).fromTree(tree);

            assertThat(report.updatedIds()).containsExactly("TSK-CART");
            assertThat(report.events()).isEqualTo(1).isEqualTo(events() - eventsBefore);
            assertThat(dryRun.updatedIds()).isEqualTo(report.updatedIds());
            assertThat(dryRun.events()).isEqualTo(report.events());
            assertThat(plan.get("TSK-CART").title()).isEqualTo("Build the basket page");
        }

        @Test
        void aNodeMovedToAnotherParentInTheFilesLosesItsOldParentWithAnUnlinkedEvent() throws IOException {
            importedAndExported();
            Path cart = tree.resolve("plans/tasks/TSK-CART.yaml");
            Path api = tree.resolve("plans/interface_contracts/IF-PAYMENT-API.yaml");
            Files.writeString(cart, Files.readString(cart).replace("    - IF-PAYMENT-API\n", ""));
            Files.writeString(api, Files.readString(api).replace("  children:\n    - TSK-CART\n",
                    "  children: []\n"));
            long eventsBefore = events();

            ImportReport report = PlanImport.into(plan).mode(ImportMode.UPDATE).fromTree(tree);

            assertThat(plan.links()).doesNotContain(new Link("IF-PAYMENT-API", "TSK-CART"))
                    .contains(new Link("AC-CHECKOUT-WORKS", "TSK-CART"));
            assertThat(report.linksRemoved()).isEqualTo(1);
            assertThat(plan.history("TSK-CART")).extracting(event -> event.type().name()).last()
                    .isEqualTo("UNLINKED");
            assertThat(report.events()).isEqualTo(events() - eventsBefore).isEqualTo(1);
        }
    }

    @Nested
    class StaleFiles {
        @Test
        void anExportOverAnOlderTreeRemovesTheFilesOfNodesTheStoreNoLongerHoldsAndLeavesOtherFiles()
                throws IOException {
            Cairn plan = freshPlan();
            PlanImport.into(plan).fromTree(apart(shop()));
            Path tree = files.resolve("exported");
            PlanExport.from(plan).toTree(tree);
            Files.writeString(tree.resolve("plans/tasks/notes.yaml"), "just: notes\n");
            Files.writeString(tree.resolve("plans/tasks/README.md"), "# Tasks\n");
            plan.delete("TSK-CART", dev.cairn.core.DeleteMode.DETACH);

            ExportReport kept = PlanExport.from(plan).keepStale().toTree(tree);
            assertThat(kept.staleFiles()).containsExactly("plans/tasks/TSK-CART.yaml");
            assertThat(kept.staleFilesRemoved()).isFalse();
            assertThat(tree.resolve("plans/tasks/TSK-CART.yaml")).exists();

            ExportReport removed = PlanExport.from(plan).toTree(tree);
            assertThat(removed.staleFiles()).containsExactly("plans/tasks/TSK-CART.yaml");
            assertThat(removed.staleFilesRemoved()).isTrue();
            assertThat(tree.resolve("plans/tasks/TSK-CART.yaml")).doesNotExist();
            assertThat(tree.resolve("plans/tasks/notes.yaml")).exists();
            assertThat(tree.resolve("plans/tasks/README.md")).exists();

            Files.delete(tree.resolve("plans/tasks/notes.yaml")); // not a plan file, which an import refuses
            Cairn again = freshPlan();
            PlanImport.into(again).fromTree(TreeFolders.split(tree.resolve("plans"), tree.resolve("commands")));
            assertThat(again.find(NodeQuery.all())).extracting(Node::id).doesNotContain("TSK-CART");
        }
    }

    @Nested
    class RoundTrip {
        @Test
        void anImportedProjectExportsToTheSameGraphAndReExportsByteForByte() throws IOException {
            Cairn first = freshPlan();
            PlanImport.into(first).fromTree(apart(shop()));
            Path exported = files.resolve("exported");
            PlanExport.from(first).toTree(exported);

            Cairn second = freshPlan();
            ImportReport again = PlanImport.into(second).fromTree(exported);
            assertThat(again.warnings()).isEmpty();
            assertThat(second.find(NodeQuery.all())).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                    "version").containsExactlyElementsOf(first.find(NodeQuery.all()));
            assertThat(second.links()).isEqualTo(first.links());

            Path reExported = files.resolve("re-exported");
            PlanExport.from(second).toTree(reExported);
            assertThat(contents(reExported)).isEqualTo(contents(exported));
        }
    }

    private static Map<String, String> contents(Path tree) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                contents.put(slashed(tree.relativize(file)), Files.readString(file));
            }
        }
        return contents;
    }

    private static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static ImportException catchImport(Runnable importing) {
        try {
            importing.run();
        } catch (ImportException refused) {
            return refused;
        }
        throw new AssertionError("The import was expected to be refused");
    }
}
