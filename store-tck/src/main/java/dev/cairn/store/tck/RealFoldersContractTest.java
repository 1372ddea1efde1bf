package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Cairn;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.io.ImportException;
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

    @TempDir
    protected Path files;

    /** A suite on the stores {@code fixture} makes, several for each test. */
    protected RealFoldersContractTest(StoreFixture fixture) {
        this.fixture = Objects.requireNonNull(fixture, "fixture");
    }

    /** A facade over a new, empty store, closed after the test. */
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
                            + "keeps a Task");
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
