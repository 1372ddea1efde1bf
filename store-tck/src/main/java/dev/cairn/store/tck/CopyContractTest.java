package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.core.Cairn;
import dev.cairn.core.DeleteMode;
import dev.cairn.core.DuplicateNodeException;
import dev.cairn.core.Event;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodePatch;
import dev.cairn.core.copy.CopyListener;
import dev.cairn.core.copy.CopyResult;
import dev.cairn.core.copy.StoreCopy;
import dev.cairn.core.copy.Verification;
import dev.cairn.core.io.ImportMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StoreCopy} between two stores of one backend: the whole {@link PlanSample} arrives field by field and
 * verifies, the modes for nodes the target holds already, a copy onto itself refused, and a verification that
 * finds a node changed afterwards. A store module extends this class and hands it the backend's
 * {@link StoreFixture}, whose {@link StoreFixture#storeUrl store URLs} the copies open:
 *
 * <pre>{@code
 * class SqliteCopyTest extends CopyContractTest {
 *     SqliteCopyTest() { super(SqliteFixture.inFiles()); }
 * }
 * }</pre>
 *
 * <p>Copies between backends are tested where every store is on the class path (store-postgres's
 * {@code CopyBetweenBackendsTest}), with {@link #assertHoldsACopyOf}.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class CopyContractTest {
    /** The target's clock, after the sample's, so that what the target writes itself can be told apart. */
    private static final Instant TARGET_START = Instant.parse("2025-01-01T00:00:00Z");

    /** The backend's stores. */
    protected final StoreFixture fixture;
    /** The clock of the source store. */
    protected TestClock sourceClock;
    /** The clock of the target store, at another time than the source's. */
    protected TestClock targetClock;
    /** The store copied from, new and empty for each test. */
    protected Cairn source;
    /** The store copied to, new and empty for each test. */
    protected Cairn target;
    private final List<Cairn> opened = new ArrayList<>();

    /**
     * A suite on the stores {@code fixture} names, new ones for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected CopyContractTest(StoreFixture fixture) {
        this.fixture = Objects.requireNonNull(fixture, "fixture");
    }

    /** The URL of a new, empty store: another for each {@code name}, the same for the same name within a test. */
    private String newStoreUrl(String name) {
        return fixture.storeUrl(name);
    }

    @BeforeEach
    void openStores() {
        sourceClock = new TestClock(PlanSample.START);
        targetClock = new TestClock(TARGET_START);
        source = open(newStoreUrl("source"), sourceClock);
        target = open(newStoreUrl("target"), targetClock);
    }

    @AfterEach
    void closeStores() {
        opened.forEach(Cairn::close);
        fixture.close();
    }

    /**
     * Opens {@code url} with the sample's actor and {@code clock}; closed after the test.
     *
     * @param url Cairn's URL of the store
     * @param clock the clock the facade stamps its changes with
     * @return the facade
     */
    protected Cairn open(String url, TestClock clock) {
        Cairn cairn = Cairn.open(PlanSample.config(url, clock));
        opened.add(cairn);
        return cairn;
    }

    /**
     * Asserts that {@code copy} holds everything {@code original} held, field by field: every node with its
     * timestamps and version, every link, every label with its description, and the whole event log with its
     * times, actors and details, in order (a copy numbers events anew, so their sequence numbers are left out).
     *
     * @param copy what the target holds after the copy
     * @param original what the source held
     */
    public static void assertHoldsACopyOf(PlanSample.Snapshot copy, PlanSample.Snapshot original) {
        Map<String, Node> expected = byId(original.nodes());
        Map<String, Node> actual = byId(copy.nodes());
        assertThat(actual.keySet()).as("node ids").containsExactlyElementsOf(expected.keySet());
        expected.forEach((id, node) -> assertThat(actual.get(id)).as("node %s", id)
                .usingRecursiveComparison().isEqualTo(node));
        assertThat(copy.nodes()).as("nodes").containsExactlyElementsOf(original.nodes());
        assertThat(copy.links()).as("links").containsExactlyElementsOf(original.links());
        assertThat(copy.labels()).as("labels").containsExactlyElementsOf(original.labels());
        assertThat(withoutSequence(copy.events())).as("event log").containsExactlyElementsOf(
                withoutSequence(original.events()));
        assertThat(copy.histories().keySet()).as("ids with a history")
                .containsExactlyElementsOf(original.histories().keySet());
        original.histories().forEach((id, history) -> assertThat(withoutSequence(copy.histories().get(id)))
                .as("history of %s", id).containsExactlyElementsOf(withoutSequence(history)));
    }

    private static List<List<Object>> withoutSequence(List<Event> events) {
        return events.stream()
                .map(event -> Arrays.<Object>asList(event.nodeId(), event.type(), event.at(), event.actor(),
                        event.details()))
                .toList();
    }

    private static Map<String, Node> byId(List<Node> nodes) {
        return nodes.stream().collect(Collectors.toMap(Node::id, Function.identity(), (first, second) -> first,
                LinkedHashMap::new));
    }

    /** Fills the source with the sample and returns what it holds. */
    private PlanSample.Snapshot fillSource() {
        PlanSample.fill(source, sourceClock);
        PlanSample.Snapshot filled = PlanSample.Snapshot.of(source);
        filled.assertCoversTheModel();
        return filled;
    }

    @Test
    void theWholeSampleArrivesFieldByFieldAndVerifies() {
        PlanSample.Snapshot original = fillSource();

        CopyResult result = StoreCopy.from(source).to(target).run();

        assertHoldsACopyOf(PlanSample.Snapshot.of(target), original);
        assertThat(result.ok()).as(result.verification().describe()).isTrue();
        assertThat(result.mode()).isEqualTo(ImportMode.FAIL);
        assertThat(result.nodesCopied()).isEqualTo(original.nodes().size());
        assertThat(result.linksCopied()).isEqualTo(original.links().size());
        assertThat(result.labelsCopied()).isEqualTo(original.labels().size());
        assertThat(result.eventsCopied()).isEqualTo(original.events().size());
        assertThat(result.nodesSkipped() + result.nodesUpdated() + result.linksSkipped() + result.eventsSkipped())
                .isZero();
        Verification verification = result.verification();
        assertThat(verification.sourceCounts()).isEqualTo(new Verification.Counts(original.nodes().size(),
                original.links().size(), original.labels().size(), original.events().size()));
        assertThat(verification.targetCounts()).isEqualTo(verification.sourceCounts());
        assertThat(verification.differences()).isEmpty();
        assertThat(verification.describe()).startsWith("no difference");
        assertThat(result.source()).isEqualTo(source.config().maskedUrl());
        assertThat(result.target()).isEqualTo(target.config().maskedUrl());
    }

    @Test
    void aCopyByUrlOpensAndClosesBothStores() {
        PlanSample.Snapshot original = fillSource();
        String into = newStoreUrl("byurl");
        // Kept open, so that a store living in memory outlives the copy's own handles.
        Cairn kept = open(into, targetClock);

        CopyResult result = StoreCopy.from(source.config().url()).to(into).run();

        assertThat(result.ok()).as(result.verification().describe()).isTrue();
        assertHoldsACopyOf(PlanSample.Snapshot.of(kept), original);
    }

    @Test
    void theListenerHearsEveryPhaseUpToItsTotal() {
        PlanSample.Snapshot original = fillSource();
        List<String> heard = new ArrayList<>();

        StoreCopy.from(source).to(target).listener((phase, done, total) -> heard.add(phase + " " + done + "/" + total))
                .run();

        int nodes = original.nodes().size();
        assertThat(heard).contains("LABELS 4/4", "NODES " + nodes + "/" + nodes,
                "EVENTS " + original.events().size() + "/-1", "LINKS " + original.links().size() + "/-1",
                "VERIFY " + nodes + "/" + nodes);
        assertThat(heard.stream().map(line -> CopyListener.Phase.valueOf(line.substring(0, line.indexOf(' '))))
                .distinct()).containsExactly(CopyListener.Phase.values());
    }

    @Test
    void failModeRefusesANodeTheTargetHoldsAndWritesNothing() {
        fillSource();
        target.create(NodeDraft.of(Layer.GOAL, "The target's own goal").id("GOAL-SHIP"));
        target.create(NodeDraft.of(Layer.TASK, "Only in the target").id("TSK-OWN").parents("GOAL-SHIP"));
        PlanSample.Snapshot before = PlanSample.Snapshot.of(target);

        assertThatThrownBy(() -> StoreCopy.from(source).to(target).run())
                .isExactlyInstanceOf(DuplicateNodeException.class)
                .hasMessageContaining("GOAL-SHIP")
                .hasMessageContaining(source.config().maskedUrl())
                .hasMessageContaining("Nothing was written")
                .hasMessageContaining("SKIP");

        PlanSample.Snapshot after = PlanSample.Snapshot.of(target);
        assertThat(after.nodes()).isEqualTo(before.nodes());
        assertThat(after.links()).isEqualTo(before.links());
        assertThat(after.labels()).isEqualTo(before.labels());
        assertThat(after.events()).isEqualTo(before.events());
    }

    @Test
    void skipModeKeepsTheTargetsNodeWithItsHistoryAndCopiesTheRest() {
        PlanSample.Snapshot original = fillSource();
        Node own = target.create(NodeDraft.of(Layer.GOAL, "The target's own goal").id("GOAL-SHIP"));
        List<Event> ownHistory = target.history("GOAL-SHIP");

        CopyResult result = StoreCopy.from(source).to(target).mode(ImportMode.SKIP).run();

        assertThat(result.nodesSkipped()).isEqualTo(1);
        assertThat(result.nodesCopied()).isEqualTo(original.nodes().size() - 1);
        assertThat(result.eventsSkipped()).isEqualTo(original.histories().get("GOAL-SHIP").size());
        assertThat(target.get("GOAL-SHIP")).isEqualTo(own);
        assertThat(target.history("GOAL-SHIP")).isEqualTo(ownHistory);
        assertThat(target.get("CON-GRAPH")).isEqualTo(original.node("CON-GRAPH"));
        assertThat(target.links()).containsExactlyElementsOf(original.links());
        Verification verification = result.verification();
        assertThat(result.ok()).isFalse();
        assertThat(verification.differenceCount()).isEqualTo(1);
        assertThat(verification.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.nodeId()).isEqualTo("GOAL-SHIP");
            assertThat(difference.kind()).isEqualTo(Verification.Kind.CHANGED);
            assertThat(difference.fields()).contains("title", "description", "labels", "customFields")
                    .doesNotContain("id", "layer", "parents");
        });
        assertThat(verification.describe()).contains("GOAL-SHIP: differs in title");
    }

    @Test
    void skipModeLeavesTheLinksTheTargetHoldsAndAddsTheOthers() {
        PlanSample.Snapshot original = fillSource();
        target.create(NodeDraft.of(Layer.GOAL, "Goal").id("GOAL-SHIP"));
        target.create(NodeDraft.of(Layer.CONCEPT, "Concept").id("CON-GRAPH").parents("GOAL-SHIP"));

        CopyResult result = StoreCopy.from(source).to(target).mode(ImportMode.SKIP).run();

        assertThat(result.linksSkipped()).isEqualTo(1);
        assertThat(result.linksCopied()).isEqualTo(original.links().size() - 1);
        assertThat(target.links()).containsExactlyElementsOf(original.links());
    }

    @Test
    void updateModeGivesTheTargetsNodeTheSourcesFieldsAndKeepsItsCreation() {
        PlanSample.Snapshot original = fillSource();
        Node own = target.create(NodeDraft.of(Layer.GOAL, "The target's own goal").id("GOAL-SHIP")
                .labels("mine"));

        CopyResult result = StoreCopy.from(source).to(target).mode(ImportMode.UPDATE).run();

        Node wanted = original.node("GOAL-SHIP");
        Node updated = target.get("GOAL-SHIP");
        assertThat(result.nodesUpdated()).isEqualTo(1);
        assertThat(result.nodesCopied()).isEqualTo(original.nodes().size() - 1);
        assertThat(updated).usingRecursiveComparison().ignoringFields("createdAt", "updatedAt", "version")
                .isEqualTo(wanted);
        assertThat(updated.createdAt()).isEqualTo(own.createdAt());
        assertThat(updated.version()).isEqualTo(own.version() + 1);
        assertThat(target.history("GOAL-SHIP")).extracting(Event::type).hasSize(2);
        assertThat(target.links()).containsExactlyElementsOf(original.links());
        assertThat(result.verification().differences()).singleElement().satisfies(difference -> {
            assertThat(difference.nodeId()).isEqualTo("GOAL-SHIP");
            // The sample's goal is at version 2, as the replaced one is: the update is told by its times.
            assertThat(difference.fields()).contains("createdAt").isSubsetOf("createdAt", "updatedAt", "version");
        });
    }

    @Test
    void updateModeLeavesAllAloneWhenTheTargetIsACopyAlready() {
        PlanSample.Snapshot original = fillSource();
        StoreCopy.from(source).to(target).run();

        CopyResult again = StoreCopy.from(source).to(target).mode(ImportMode.UPDATE).run();

        assertThat(again.nodesUpdated()).isEqualTo(original.nodes().size());
        assertThat(again.nodesCopied() + again.linksCopied()).isZero();
        assertThat(again.ok()).as(again.verification().describe()).isTrue();
        assertHoldsACopyOf(PlanSample.Snapshot.of(target), original);
    }

    @Test
    void aCopyOntoItselfIsRefused() {
        fillSource();
        String url = source.config().url();

        assertThatThrownBy(() -> StoreCopy.from(source).to(source).run())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onto itself")
                .hasMessageContaining(source.config().maskedUrl());
        assertThatThrownBy(() -> StoreCopy.from(url).to(url).run())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onto itself");
        assertThat(StoreCopy.verify(source, open(url, sourceClock)).ok()).isTrue();
    }

    @Test
    void verifyFindsEveryNodeChangedAddedOrRemovedAfterTheCopy() {
        fillSource();
        StoreCopy.from(source).to(target).run();

        targetClock.advance(Duration.ofHours(1));
        target.update("CON-GRAPH", NodePatch.create().title("Changed in the target"));
        target.unlink("IF-STORE", "TSK-PARSER");
        target.delete("SUB-LEXER", DeleteMode.CASCADE);
        target.create(NodeDraft.of(Layer.TASK, "Only in the target").id("TSK-EXTRA"));
        Verification verification = StoreCopy.verify(source, target);

        assertThat(verification.ok()).isFalse();
        assertThat(verification.differences()).extracting(Verification.Difference::nodeId,
                        Verification.Difference::kind, Verification.Difference::fields)
                .containsExactly(
                        tuple("CMD-FIXTURES", Verification.Kind.CHANGED, List.of("parents")),
                        tuple("CON-GRAPH", Verification.Kind.CHANGED,
                                List.of("title", "updatedAt", "version")),
                        tuple("SUB-LEXER", Verification.Kind.MISSING_IN_TARGET, List.of()),
                        tuple("TSK-EXTRA", Verification.Kind.ONLY_IN_TARGET, List.of()),
                        tuple("TSK-PARSER", Verification.Kind.CHANGED, List.of("parents")));
        assertThat(verification.differenceCount()).isEqualTo(5);
        assertThat(verification.targetCounts().nodes()).isEqualTo(verification.sourceCounts().nodes());
        assertThat(verification.targetCounts().events()).isGreaterThan(verification.sourceCounts().events());
        assertThat(verification.describe()).contains("counts differ", "5 node(s) differ",
                "CON-GRAPH: differs in title, updatedAt, version", "SUB-LEXER: missing in the target",
                "TSK-EXTRA: only in the target");
    }

    @Test
    void verifyFindsALabelDescribedOtherwise() {
        fillSource();
        StoreCopy.from(source).to(target).run();

        target.defineLabel("release", "Described otherwise");
        target.defineLabel("extra", null);

        Verification verification = StoreCopy.verify(source, target);
        assertThat(verification.ok()).isFalse();
        assertThat(verification.labelDifferences()).containsExactly("extra", "release");
        assertThat(verification.differences()).isEmpty();
    }
}
