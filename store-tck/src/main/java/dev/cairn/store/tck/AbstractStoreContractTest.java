package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.Event;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.Status;
import dev.cairn.core.ValidationException;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreCapability;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the store contract classes, which exercise a store through the {@link Cairn} facade, one concern
 * a class ({@link NodesContractTest}, {@link LinksContractTest}, {@link QueriesContractTest}, …). A store module
 * extends each of them with a class that hands it the backend's {@link StoreFixture}, which makes a fresh,
 * empty store for each test:
 *
 * <pre>{@code
 * class SqliteNodesTest extends NodesContractTest {
 *     SqliteNodesTest() {
 *         super(SqliteFixture.inFiles());
 *     }
 * }
 * }</pre>
 *
 * <p>Backends differ only in what their fixture declares: the tests of a {@link StoreCapability} run on the
 * stores whose {@link StoreFixture#capabilities capabilities} include it, and a
 * {@link StoreCapability#PERSISTENT} store is {@link StoreFixture#reopen reopened}. Every test goes through
 * the rules in core, so one mistake gives one exception type on every store. What the classes share is here:
 * the test's store and facade, its clock and actor, and the helpers every concern uses.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class AbstractStoreContractTest {
    /** Where the test clock stands when each test starts. */
    protected static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    /** The actor every change of the suite is made by. */
    protected static final String ACTOR = "tck";

    /** The backend's stores. */
    protected final StoreFixture fixture;
    /** The test's clock, standing at {@link #START} when the test begins; only the test moves it. */
    protected TestClock clock;
    /** The test's store, new and empty; closed after the test. */
    protected Store store;
    /** A facade over {@link #store} with the suite's clock and actor. */
    protected Cairn cairn;

    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected AbstractStoreContractTest(StoreFixture fixture) {
        this.fixture = Objects.requireNonNull(fixture, "fixture");
    }

    /**
     * The capabilities whose tests run: those the fixture declares for the test's store.
     *
     * @return the capabilities of the test's store
     */
    protected final Set<StoreCapability> capabilities() {
        return fixture.capabilities(store);
    }

    /**
     * Opens again the store that {@code closed} was, after it was closed, as the fixture does.
     *
     * @param closed a store of this test, closed
     * @return the same store, open again
     */
    protected final Store reopen(Store closed) {
        return fixture.reopen(closed);
    }

    @BeforeEach
    void openStore() {
        clock = new TestClock(START);
        store = fixture.createStore();
        assertThat(store).as("createStore()").isNotNull();
        cairn = over(store);
    }

    @AfterEach
    void closeStore() {
        if (cairn != null) {
            cairn.close();
        }
        fixture.close();
    }

    /**
     * A facade over {@code target} with the suite's clock and actor.
     *
     * @param target the store
     * @return a facade over it; the caller closes it
     */
    protected Cairn over(Store target) {
        return Cairn.over(target, CairnConfig.builder("test:").clock(clock).actor(ACTOR).build());
    }

    /**
     * Creates a node of {@code layer} with the given id, linked to {@code parentIds}.
     *
     * @param layer the node's layer
     * @param id the node's id
     * @param parentIds the ids of its parents, none for a root
     * @return the node created
     */
    protected Node create(Layer layer, String id, String... parentIds) {
        return cairn.create(NodeDraft.of(layer, "Node " + id).id(id).parents(parentIds));
    }

    /**
     * Creates a node of {@code layer} with a generated id.
     *
     * @param layer the node's layer
     * @return the node created
     */
    protected Node create(Layer layer) {
        return cairn.create(NodeDraft.of(layer, "A " + layer.displayName()));
    }

    /**
     * Creates a node in {@code status}, as an import would.
     *
     * @param status the status the node starts in
     * @return the task created
     */
    protected Node createIn(Status status) {
        return cairn.create(NodeDraft.of(Layer.TASK, "A task that is " + status.wireName()).status(status));
    }

    /**
     * The ids of {@code nodes}.
     *
     * @param nodes the nodes
     * @return their ids, in the same order
     */
    protected static List<String> ids(Collection<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    /**
     * Moves the test clock a minute on and returns the new time.
     *
     * @return the time the clock now shows
     */
    protected Instant tick() {
        return clock.advance(Duration.ofMinutes(1));
    }

    /** A snapshot of everything a store keeps, for before-and-after comparisons. */
    protected record Snapshot(List<Node> nodes, List<Link> links, List<Label> labels, List<Event> events) {
    }

    /**
     * Reads everything {@code of} keeps.
     *
     * @param of the plan to read
     * @return its nodes, links, labels and events
     */
    protected Snapshot snapshot(Cairn of) {
        return new Snapshot(of.find(NodeQuery.all()), of.links(), of.labels(), of.events(0, Integer.MAX_VALUE));
    }

    /**
     * Asserts that {@code call} is refused with a {@link ValidationException} that has a violation of
     * {@code field}, showing {@code value}, whose rule contains {@code rule}; and that the message says
     * all three.
     *
     * @param call what should be refused
     * @param field the field the violation names
     * @param value the value it shows, or {@code null}
     * @param rule part of the rule it states
     * @return the exception, for further assertions
     */
    protected static ValidationException assertViolation(ThrowingCallable call, String field, String value,
                                                         String rule) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isExactlyInstanceOf(ValidationException.class);
        ValidationException invalid = (ValidationException) thrown;
        assertThat(invalid.violations()).anySatisfy(violation -> {
            assertThat(violation.field()).isEqualTo(field);
            assertThat(violation.value()).isEqualTo(value);
            assertThat(violation.rule()).contains(rule);
        });
        assertThat(invalid.getMessage()).contains(field).contains(rule);
        if (value != null) {
            assertThat(invalid.getMessage()).contains(value);
        }
        return invalid;
    }

    /**
     * The {@link ValidationException} that {@code call} throws; fails if it throws another or none.
     *
     * @param call what should be refused
     * @return the exception thrown
     */
    protected static ValidationException catchValidation(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isExactlyInstanceOf(ValidationException.class);
        return (ValidationException) thrown;
    }
}
