package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.cairn.core.Batch;
import dev.cairn.core.BatchResult;
import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.CairnException;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.DeleteMode;
import dev.cairn.core.DuplicateNodeException;
import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.InvalidLinkException;
import dev.cairn.core.InvalidTransitionException;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeHasChildrenException;
import dev.cairn.core.NodePatch;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.PlanTree;
import dev.cairn.core.RunSpec;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.StatusCount;
import dev.cairn.core.ValidationException;
import dev.cairn.core.VersionConflictException;
import dev.cairn.core.Violation;
import dev.cairn.core.WorkType;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreCapability;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every Cairn store keeps, exercised through the {@link Cairn} facade. A store module
 * extends this class and hands it the backend's {@link StoreFixture}, which makes a fresh, empty store for
 * each test:
 *
 * <pre>{@code
 * class SqliteStoreContractTest extends StoreContractTest {
 *     SqliteStoreContractTest() {
 *         super(SqliteFixture.inFiles());
 *     }
 * }
 * }</pre>
 *
 * <p>Backends differ only in what their fixture declares: the tests of a {@link StoreCapability} run on the
 * stores whose {@link StoreFixture#capabilities capabilities} include it, and a
 * {@link StoreCapability#PERSISTENT} store is {@link StoreFixture#reopen reopened}. Every test goes through
 * the rules in core, so one mistake gives one exception type on every store.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class StoreContractTest {
    /** Where the test clock stands when each test starts. */
    protected static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    /** The actor every change of the suite is made by. */
    protected static final String ACTOR = "tck";

    /** The statuses each status may move to, as DESIGN.md states them; written out, not derived. */
    private static final Map<Status, Set<Status>> TRANSITIONS = transitions();

    /** The backend's stores. */
    protected final StoreFixture fixture;
    protected TestClock clock;
    protected Store store;
    protected Cairn cairn;

    /** A suite on the stores {@code fixture} makes, one for each test. */
    protected StoreContractTest(StoreFixture fixture) {
        this.fixture = Objects.requireNonNull(fixture, "fixture");
    }

    /** The capabilities whose tests run: those the fixture declares for the test's store. */
    protected final Set<StoreCapability> capabilities() {
        return fixture.capabilities(store);
    }

    /** Opens again the store that {@code closed} was, after it was closed, as the fixture does. */
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

    /** A facade over {@code target} with the suite's clock and actor. */
    protected Cairn over(Store target) {
        return Cairn.over(target, CairnConfig.builder("test:").clock(clock).actor(ACTOR).build());
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    /** Creates a node of {@code layer} with the given id, linked to {@code parentIds}. */
    protected Node create(Layer layer, String id, String... parentIds) {
        return cairn.create(NodeDraft.of(layer, "Node " + id).id(id).parents(parentIds));
    }

    /** Creates a node of {@code layer} with a generated id. */
    protected Node create(Layer layer) {
        return cairn.create(NodeDraft.of(layer, "A " + layer.displayName()));
    }

    /** Creates a node in {@code status}, as an import would. */
    protected Node createIn(Status status) {
        return cairn.create(NodeDraft.of(Layer.TASK, "A task that is " + status.wireName()).status(status));
    }

    protected static List<String> ids(Collection<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    /** Moves the test clock a minute on and returns the new time. */
    protected Instant tick() {
        return clock.advance(Duration.ofMinutes(1));
    }

    /** A snapshot of everything a store keeps, for before-and-after comparisons. */
    protected record Snapshot(List<Node> nodes, List<Link> links, List<Label> labels, List<Event> events) {
    }

    protected Snapshot snapshot(Cairn of) {
        return new Snapshot(of.find(NodeQuery.all()), of.links(), of.labels(), of.events(0, Integer.MAX_VALUE));
    }

    /**
     * Asserts that {@code call} is refused with a {@link ValidationException} that has a violation of
     * {@code field}, showing {@code value}, whose rule contains {@code rule}; and that the message says
     * all three.
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

    private static Map<Status, Set<Status>> transitions() {
        Map<Status, Set<Status>> table = new EnumMap<>(Status.class);
        table.put(Status.PLANNED, EnumSet.of(Status.IN_PROGRESS, Status.BLOCKED, Status.CANCELLED));
        table.put(Status.IN_PROGRESS, EnumSet.of(Status.COMPLETED, Status.BLOCKED, Status.CANCELLED));
        table.put(Status.BLOCKED, EnumSet.of(Status.IN_PROGRESS, Status.CANCELLED));
        table.put(Status.CANCELLED, EnumSet.of(Status.IN_PROGRESS));
        table.put(Status.COMPLETED, EnumSet.noneOf(Status.class));
        return table;
    }

    static Stream<Arguments> allowedTransitions() {
        return Stream.of(Status.values()).flatMap(from -> TRANSITIONS.get(from).stream()
                .map(to -> Arguments.of(from, to)));
    }

    static Stream<Arguments> refusedTransitions() {
        return Stream.of(Status.values()).flatMap(from -> Stream.of(Status.values())
                .filter(to -> to != from && !TRANSITIONS.get(from).contains(to))
                .map(to -> Arguments.of(from, to)));
    }

    /** Runs {@code task} on {@code threads} threads released at once; fails with the first failure. */
    protected static void runConcurrently(int threads, Callable<Void> task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> futures = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<Void> future : futures) {
                try {
                    future.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException failed) {
                    if (failed.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    if (failed.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw failed;
                }
            }
        } finally {
            executor.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class Create {
        @ParameterizedTest
        @EnumSource(Layer.class)
        void generatesAnIdOfTheLayerPrefixAndTwelveUpperCaseHexDigits(Layer layer) {
            Node node = create(layer);

            assertThat(node.id()).matches(layer.prefix() + "-[0-9A-F]{12}");
            assertThat(cairn.get(node.id())).isEqualTo(node);
        }

        @Test
        void generatesADifferentIdForEachNode() {
            Set<String> generated = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                generated.add(create(Layer.TASK).id());
            }

            assertThat(generated).hasSize(50);
        }

        @Test
        void keepsAGivenId() {
            Node node = create(Layer.TASK, "TSK-write_parser-2");

            assertThat(node.id()).isEqualTo("TSK-write_parser-2");
            assertThat(cairn.get("TSK-write_parser-2")).isEqualTo(node);
        }

        @Test
        void refusesAnIdWhosePrefixIsNotTheLayers() {
            assertViolation(() -> create(Layer.TASK, "GOAL-1"), "id", "GOAL-1", "must start with TSK-");
            assertThat(cairn.count(NodeQuery.all())).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"../x", "TSK-../x", "TSK-a/b", "TSK-", "TSK", "tsk-1", "TSK-a b", "TSK-é"})
        void refusesAMalformedId(String id) {
            assertViolation(() -> create(Layer.TASK, id), "id", id, "TSK-TAIL");
            assertThat(cairn.count(NodeQuery.all())).isZero();
        }

        @Test
        void acceptsATailOf64CharactersAndRefusesOneOf65() {
            String longest = "TSK-" + "a".repeat(64);
            create(Layer.TASK, longest);

            assertThat(cairn.findById(longest)).isPresent();
            assertViolation(() -> create(Layer.TASK, longest + "a"), "id", longest + "a", "TSK-TAIL");
        }

        @Test
        void refusesADuplicateIdAndKeepsTheFirstNode() {
            Node first = create(Layer.TASK, "TSK-1");

            assertThatThrownBy(() -> cairn.create(NodeDraft.of(Layer.TASK, "Another").id("TSK-1")))
                    .isExactlyInstanceOf(DuplicateNodeException.class)
                    .hasMessageContaining("TSK-1");
            assertThat(cairn.get("TSK-1")).isEqualTo(first);
            assertThat(cairn.history("TSK-1")).hasSize(1);
        }

        @Test
        void requiresATitle() {
            assertViolation(() -> cairn.create(NodeDraft.of(Layer.TASK, null)), "title", null, "required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void refusesABlankTitle(String title) {
            assertViolation(() -> cairn.create(NodeDraft.of(Layer.TASK, title)), "title", title, "required");
        }

        @Test
        void acceptsATitleOf500Characters() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "t".repeat(500)));

            assertThat(cairn.get(node.id()).title()).hasSize(500);
        }

        @Test
        void countsCharactersNotBytesForTheTitleLimit() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "é".repeat(500)));

            assertThat(cairn.get(node.id()).title()).isEqualTo("é".repeat(500));
        }

        @Test
        void keepsLongTextUpToItsLimits() {
            String description = "d".repeat(100_000);
            String owner = "o".repeat(200);
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").description(description).owner(owner)
                    .assignee(owner));

            assertThat(cairn.get(node.id())).isEqualTo(node).satisfies(read -> {
                assertThat(read.description()).isEqualTo(description);
                assertThat(read.owner()).isEqualTo(owner);
            });
            assertViolation(() -> cairn.create(NodeDraft.of(Layer.TASK, "Task").description(description + "d")),
                    "description", "d".repeat(80) + "…", "at most 100000 characters");
        }

        @Test
        void refusesANulCharacterInText() {
            assertViolation(() -> cairn.create(NodeDraft.of(Layer.TASK, "a\0b")), "title", "a\0b", "NUL");
        }

        @Test
        void refusesATitleOf501Characters() {
            ValidationException invalid = catchValidation(() -> cairn.create(NodeDraft.of(Layer.TASK,
                    "t".repeat(501))));

            assertThat(invalid.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.field()).isEqualTo("title");
                assertThat(violation.value()).startsWith("tttt");
                assertThat(violation.rule()).contains("at most 500");
            });
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 101, 250})
        void refusesProgressOutside0To100(int progress) {
            assertViolation(() -> cairn.create(NodeDraft.of(Layer.TASK, "Task").progress(progress)),
                    "progress", String.valueOf(progress), "between 0 and 100");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 55, 100})
        void keepsProgressFrom0To100(int progress) {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").progress(progress));

            assertThat(cairn.get(node.id()).progress()).isEqualTo(progress);
        }

        @Test
        void startsPlannedAtVersion1StampedWithTheClock() {
            tick();
            Node node = create(Layer.GOAL);

            assertThat(node.status()).isEqualTo(Status.PLANNED);
            assertThat(node.progress()).isZero();
            assertThat(node.version()).isEqualTo(1);
            assertThat(node.createdAt()).isEqualTo(clock.instant());
            assertThat(node.updatedAt()).isEqualTo(clock.instant());
            assertThat(node.startedAt()).isNull();
            assertThat(node.completedAt()).isNull();
            assertThat(cairn.get(node.id())).isEqualTo(node);
        }

        @Test
        void keepsEveryField() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Write the parser")
                    .id("TSK-parser")
                    .description("Tokens first, then the tree.\nTwo lines, ünïcode ✓.")
                    .progress(40)
                    .owner("ana")
                    .assignee("bo")
                    .severity(Severity.HIGH)
                    .workType(WorkType.IMPLEMENTATION)
                    .labels("parser", "core"));

            Node read = cairn.get("TSK-parser");
            assertThat(read).isEqualTo(node);
            assertThat(read.layer()).isEqualTo(Layer.TASK);
            assertThat(read.title()).isEqualTo("Write the parser");
            assertThat(read.description()).isEqualTo("Tokens first, then the tree.\nTwo lines, ünïcode ✓.");
            assertThat(read.progress()).isEqualTo(40);
            assertThat(read.owner()).isEqualTo("ana");
            assertThat(read.assignee()).isEqualTo("bo");
            assertThat(read.severity()).isEqualTo(Severity.HIGH);
            assertThat(read.workType()).isEqualTo(WorkType.IMPLEMENTATION);
            assertThat(read.labels()).containsExactly("core", "parser");
        }

        @Test
        void storesEmptyOptionalTextAsAbsent() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").description("").owner("").assignee(""));

            assertThat(cairn.get(node.id())).satisfies(read -> {
                assertThat(read.description()).isNull();
                assertThat(read.owner()).isNull();
                assertThat(read.assignee()).isNull();
            });
        }

        @Test
        void makesItsLabelsKnown() {
            cairn.create(NodeDraft.of(Layer.TASK, "Task").labels("zeta", "alpha"));

            assertThat(cairn.labels()).extracting(Label::name).containsExactly("alpha", "zeta");
        }

        @Test
        void refusesABlankLabel() {
            assertViolation(() -> cairn.create(NodeDraft.of(Layer.TASK, "Task").labels("ok", " ")),
                    "labels", " ", "must not be blank");
            assertThat(cairn.labels()).isEmpty();
        }

        @Test
        void keepsNestedJsonAbleCustomFields() {
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("reviewers", List.of("ana", "bo"));
            nested.put("estimate", Map.of("days", 3, "confidence", 0.75));
            nested.put("gaps", Arrays.asList("x", null, "y"));
            nested.put("nothing", null);
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task")
                    .customField("text", "plain")
                    .customField("int", 42)
                    .customField("long", 5_000_000_000L)
                    .customField("double", 2.5)
                    .customField("flag", true)
                    .customField("meta", nested));

            Map<String, Object> read = cairn.get(node.id()).customFields();
            assertThat(read).isEqualTo(node.customFields());
            assertThat(read).containsEntry("text", "plain").containsEntry("int", 42)
                    .containsEntry("long", 5_000_000_000L).containsEntry("double", 2.5)
                    .containsEntry("flag", true).containsEntry("meta", nested);
        }

        @Test
        void keepsCustomFieldNumbersAsAJsonParserReadsThemBack() {
            BigInteger huge = new BigInteger("123456789012345678901234567890");
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task")
                    .customField("long", 42L).customField("short", (short) 7).customField("float", 1.1f)
                    .customField("huge", huge).customField("nested", List.of(3L, Map.of("n", (byte) 1))));

            assertThat(List.of(node.customFields(), cairn.get(node.id()).customFields())).allSatisfy(fields ->
                    assertThat(fields).containsEntry("long", 42).containsEntry("short", 7)
                            .containsEntry("float", 1.1).containsEntry("huge", huge)
                            .containsEntry("nested", List.of(3, Map.of("n", 1))));
        }

        @Test
        void refusesACustomFieldWithoutAKey() {
            Map<String, Object> fields = new HashMap<>();
            fields.put(null, 1);

            assertViolation(() -> cairn.create(NodeDraft.of(Layer.TASK, "Task").customFields(fields)),
                    "customFields", null, "a key must be");
            assertViolation(() -> cairn.create(NodeDraft.of(Layer.TASK, "Task").customField(" ", 1)),
                    "customFields", " ", "a key must be");
        }

        @Test
        void refusesACustomFieldThatIsNotJsonAble() {
            ValidationException invalid = catchValidation(() -> cairn.create(NodeDraft.of(Layer.TASK, "Task")
                    .customField("when", Instant.EPOCH)));

            assertThat(invalid.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.field()).startsWith("customFields.when");
                assertThat(violation.value()).isEqualTo(Instant.EPOCH.toString());
                assertThat(violation.rule()).contains("JSON-able");
            });
            assertThat(cairn.count(NodeQuery.all())).isZero();
        }

        @Test
        void refusesANonJsonAbleValueNestedInACustomField() {
            ValidationException invalid = catchValidation(() -> cairn.create(NodeDraft.of(Layer.TASK, "Task")
                    .customField("meta", Map.of("list", List.of(1, new Object())))));

            assertThat(invalid.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.field()).startsWith("customFields.meta.list[1]");
                assertThat(violation.rule()).contains("JSON-able");
            });
        }

        @Test
        void refusesCustomFieldsNestedTooDeep() {
            Object deep = "bottom";
            for (int level = 0; level < 40; level++) {
                deep = List.of(deep);
            }
            Object value = deep;

            ValidationException invalid = catchValidation(() -> cairn.create(NodeDraft.of(Layer.TASK, "Task")
                    .customField("deep", value)));

            assertThat(invalid.violations()).singleElement().satisfies(violation ->
                    assertThat(violation.field()).startsWith("customFields.deep").contains("deeper than 32"));
        }

        @Test
        void refusesANotANumberInACustomField() {
            ValidationException invalid = catchValidation(() -> cairn.create(NodeDraft.of(Layer.TASK, "Task")
                    .customField("ratio", Double.NaN)));

            assertThat(invalid.violations()).extracting(Violation::field).containsExactly("customFields.ratio");
        }

        @Test
        void keepsACommandSpecOnACommandNode() {
            create(Layer.ACCEPTANCE_CRITERIA, "AC-tests-pass");
            CommandSpec spec = new CommandSpec("AC-tests-pass",
                    new RunSpec("mvn -q verify", "core", Map.of("CI", "1", "LANG", "C")),
                    List.of("target/surefire-reports", "target/core.jar"));

            Node command = cairn.create(NodeDraft.of(Layer.COMMAND, "Run the tests").command(spec));

            assertThat(cairn.get(command.id()).command()).isEqualTo(spec);
        }

        @Test
        void refusesACommandSpecOnANodeThatIsNotACommand() {
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1");

            assertViolation(() -> cairn.create(NodeDraft.of(Layer.TASK, "Task")
                            .command(CommandSpec.of("AC-1", "make"))),
                    "command", "Task", "only Command nodes");
        }

        @Test
        void refusesAnAcRefThatNamesNoNode() {
            assertViolation(() -> cairn.create(NodeDraft.of(Layer.COMMAND, "Run")
                            .command(CommandSpec.of("AC-missing", "make"))),
                    "command.acRef", "AC-missing", "existing AcceptanceCriteria");
            assertThat(cairn.count(NodeQuery.all())).isZero();
        }

        @Test
        void refusesAnAcRefThatNamesANodeOfAnotherLayer() {
            assertViolation(() -> cairn.create(NodeDraft.of(Layer.COMMAND, "Run")
                            .command(CommandSpec.of("TSK-1", "make"))),
                    "command.acRef", "TSK-1", "AC-");
        }

        @Test
        void refusesACommandWithABlankShell() {
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1");

            assertViolation(() -> cairn.create(NodeDraft.of(Layer.COMMAND, "Run")
                            .command(CommandSpec.of("AC-1", " "))),
                    "command.run.shell", " ", "required");
        }

        @Test
        void linksToTheParentsItIsCreatedWith() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.PHASE, "PH-1");

            create(Layer.TASK, "TSK-1", "GOAL-1", "PH-1");

            assertThat(ids(cairn.parents("TSK-1"))).containsExactly("GOAL-1", "PH-1");
            assertThat(ids(cairn.children("GOAL-1"))).containsExactly("TSK-1");
        }

        @Test
        void refusesAParentThatDoesNotExistAndCreatesNothing() {
            assertThatThrownBy(() -> create(Layer.TASK, "TSK-1", "GOAL-missing"))
                    .isExactlyInstanceOf(NoSuchNodeException.class)
                    .hasMessageContaining("GOAL-missing");
            assertThat(cairn.findById("TSK-1")).isEmpty();
            assertThat(cairn.events(0, 10)).isEmpty();
        }

        @Test
        void refusesAParentOfALowerLayerAndCreatesNothing() {
            create(Layer.COMMAND, "CMD-1");

            assertThatThrownBy(() -> create(Layer.TASK, "TSK-1", "CMD-1"))
                    .isExactlyInstanceOf(InvalidLinkException.class);
            assertThat(cairn.findById("TSK-1")).isEmpty();
        }

        @Test
        void createdInProgressIsStampedStarted() {
            tick();
            Node node = createIn(Status.IN_PROGRESS);

            assertThat(node.startedAt()).isEqualTo(clock.instant());
            assertThat(node.completedAt()).isNull();
            assertThat(cairn.get(node.id())).isEqualTo(node);
        }

        @Test
        void createdCompletedIsStampedStartedAndCompletedAtProgress100() {
            tick();
            Node node = createIn(Status.COMPLETED);

            assertThat(node.startedAt()).isEqualTo(clock.instant());
            assertThat(node.completedAt()).isEqualTo(clock.instant());
            assertThat(node.progress()).isEqualTo(100);
            assertThat(cairn.get(node.id())).isEqualTo(node);
        }

        @Test
        void refusesACompletedNodeBelow100() {
            assertViolation(() -> cairn.create(NodeDraft.of(Layer.TASK, "Task").status(Status.COMPLETED)
                    .progress(50)), "progress", "50", "100 for a completed node");
        }

        @Test
        void keepsTheDatesAnImportGives() {
            Instant created = Instant.parse("2024-01-02T03:04:05.678Z");
            Instant started = Instant.parse("2024-02-03T04:05:06.789Z");
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Imported").status(Status.IN_PROGRESS)
                    .createdAt(created).startedAt(started));

            Node read = cairn.get(node.id());
            assertThat(read.createdAt()).isEqualTo(created);
            assertThat(read.startedAt()).isEqualTo(started);
        }

        @Test
        void aCompletedNodeImportedWithOnlyItsCompletionDateStartedThen() {
            Instant completed = Instant.parse("2024-05-06T07:08:09Z");

            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Done long ago").status(Status.COMPLETED)
                    .completedAt(completed));

            assertThat(cairn.get(node.id())).satisfies(read -> {
                assertThat(read.completedAt()).isEqualTo(completed);
                assertThat(read.startedAt()).isEqualTo(completed);
            });
        }

        @Test
        void keepsDatesToTheMillisecond() {
            clock.set(Instant.parse("2026-03-01T09:00:00.123456789Z"));
            Node node = create(Layer.TASK);

            assertThat(cairn.get(node.id()).createdAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00.123Z"));
        }
    }

    @Nested
    class Validation {
        @Test
        void aViolationNamesTheFieldTheValueAndTheRule() {
            Node node = create(Layer.TASK);

            ValidationException invalid = catchValidation(() -> cairn.setProgress(node.id(), 250));

            assertThat(invalid.violations())
                    .containsExactly(new Violation("progress", "250", "must be between 0 and 100"));
            assertThat(invalid.getMessage()).isEqualTo("Invalid progress = '250': must be between 0 and 100");
        }

        @Test
        void everyBrokenRuleIsListed() {
            ValidationException invalid = catchValidation(() -> cairn.create(NodeDraft.of(Layer.TASK, " ")
                    .id("GOAL-1").progress(101).owner("o".repeat(201))));

            assertThat(invalid.violations()).extracting(Violation::field)
                    .containsExactly("id", "title", "progress", "owner");
            assertThat(invalid.getMessage()).startsWith("4 invalid values: ")
                    .contains("id = 'GOAL-1'", "progress = '101'", "must be at most 200 characters");
        }

        @Test
        void aMissingValueIsNamedAsMissing() {
            ValidationException invalid = catchValidation(() -> cairn.create(NodeDraft.of(Layer.TASK, null)));

            assertThat(invalid.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.field()).isEqualTo("title");
                assertThat(violation.value()).isNull();
            });
            assertThat(invalid.getMessage()).contains("title (missing)");
        }

        @Test
        void aLongValueIsShortenedInTheViolation() {
            ValidationException invalid = catchValidation(() -> cairn.create(NodeDraft.of(Layer.TASK,
                    "x".repeat(10_000))));

            assertThat(invalid.violations().get(0).value()).hasSizeLessThan(100).startsWith("xxxx");
            assertThat(invalid.getMessage()).hasSizeLessThan(300);
        }

        @Test
        void anInvalidLabelNamesTheLabel() {
            Node node = create(Layer.TASK);

            assertViolation(() -> cairn.label(node.id(), "ok", " padded "), "labels", " padded ",
                    "leading or trailing spaces");
            assertViolation(() -> cairn.label(node.id(), "l".repeat(101)), "labels", "l".repeat(80) + "…",
                    "at most 100");
            assertThat(cairn.get(node.id()).labels()).isEmpty();
        }

        @Test
        void aNegativeOffsetOrAZeroLimitIsRefused() {
            assertViolation(() -> NodeQuery.all().offset(-1), "offset", "-1", "0 or more");
            assertViolation(() -> NodeQuery.all().limit(0), "limit", "0", "1 or more");
            assertViolation(() -> cairn.events(0, 0), "limit", "0", "1 or more");
        }
    }

    @Nested
    class Statuses {
        @ParameterizedTest(name = "{0} → {1}")
        @MethodSource("dev.cairn.store.tck.StoreContractTest#allowedTransitions")
        void movesAlongEveryAllowedTransition(Status from, Status to) {
            Node node = createIn(from);
            tick();

            Node moved = cairn.setStatus(node.id(), to);

            assertThat(moved.status()).isEqualTo(to);
            assertThat(moved.version()).isEqualTo(node.version() + 1);
            assertThat(cairn.get(node.id())).isEqualTo(moved);
            assertThat(cairn.history(node.id())).filteredOn(event -> event.type() == EventType.STATUS_CHANGED)
                    .singleElement()
                    .satisfies(event -> assertThat(event.details())
                            .containsEntry("from", from.wireName()).containsEntry("to", to.wireName()));
        }

        @ParameterizedTest(name = "{0} → {1}")
        @MethodSource("dev.cairn.store.tck.StoreContractTest#refusedTransitions")
        void refusesEveryOtherTransition(Status from, Status to) {
            Node node = createIn(from);

            assertThatThrownBy(() -> cairn.setStatus(node.id(), to))
                    .isExactlyInstanceOf(InvalidTransitionException.class)
                    .hasMessageContaining(from.wireName()).hasMessageContaining(to.wireName());
            assertThat(cairn.get(node.id())).isEqualTo(node);
            assertThat(cairn.history(node.id())).hasSize(1);
        }

        @ParameterizedTest
        @EnumSource(Status.class)
        void aChangeToTheSameStatusChangesNothing(Status status) {
            Node node = createIn(status);
            tick();

            Node same = cairn.setStatus(node.id(), status);

            assertThat(same).isEqualTo(node);
            assertThat(cairn.get(node.id())).isEqualTo(node);
            assertThat(cairn.history(node.id())).hasSize(1);
        }

        @Test
        void enteringInProgressStampsStartedAt() {
            Node node = create(Layer.TASK);
            Instant now = tick();

            Node started = cairn.setStatus(node.id(), Status.IN_PROGRESS);

            assertThat(started.startedAt()).isEqualTo(now);
            assertThat(started.completedAt()).isNull();
            assertThat(started.updatedAt()).isEqualTo(now);
        }

        @Test
        void startedAtIsStampedOnceNotAgainAfterBlocked() {
            Node node = create(Layer.TASK);
            Instant first = tick();
            cairn.setStatus(node.id(), Status.IN_PROGRESS);
            tick();
            cairn.setStatus(node.id(), Status.BLOCKED);
            tick();

            Node resumed = cairn.setStatus(node.id(), Status.IN_PROGRESS);

            assertThat(resumed.startedAt()).isEqualTo(first);
            assertThat(cairn.get(node.id()).startedAt()).isEqualTo(first);
        }

        @Test
        void resumingACancelledNodeThatNeverStartedStampsStartedAt() {
            Node node = create(Layer.TASK);
            cairn.setStatus(node.id(), Status.CANCELLED);
            Instant now = tick();

            assertThat(cairn.setStatus(node.id(), Status.IN_PROGRESS).startedAt()).isEqualTo(now);
        }

        @Test
        void completingStampsCompletedAtAndSetsProgressTo100() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").progress(30));
            Instant started = tick();
            cairn.setStatus(node.id(), Status.IN_PROGRESS);
            Instant completed = tick();

            Node done = cairn.setStatus(node.id(), Status.COMPLETED);

            assertThat(done.completedAt()).isEqualTo(completed);
            assertThat(done.startedAt()).isEqualTo(started);
            assertThat(done.progress()).isEqualTo(100);
            assertThat(cairn.get(node.id())).isEqualTo(done);
        }

        @Test
        void aCompletedNodeMovesOnlyByReopen() {
            Node node = createIn(Status.COMPLETED);

            assertThatThrownBy(() -> cairn.setStatus(node.id(), Status.IN_PROGRESS))
                    .isExactlyInstanceOf(InvalidTransitionException.class)
                    .hasMessageContaining("reopen");
        }

        @Test
        void reopenMovesACompletedNodeBackToInProgressAndClearsCompletedAt() {
            Node node = create(Layer.TASK);
            Instant started = tick();
            cairn.setStatus(node.id(), Status.IN_PROGRESS);
            tick();
            cairn.setStatus(node.id(), Status.COMPLETED);
            Instant reopenedAt = tick();

            Node reopened = cairn.reopen(node.id());

            assertThat(reopened.status()).isEqualTo(Status.IN_PROGRESS);
            assertThat(reopened.completedAt()).isNull();
            assertThat(reopened.startedAt()).isEqualTo(started);
            assertThat(reopened.updatedAt()).isEqualTo(reopenedAt);
            assertThat(cairn.get(node.id())).isEqualTo(reopened);
            assertThat(cairn.setStatus(node.id(), Status.COMPLETED).completedAt()).isEqualTo(reopenedAt);
        }

        @ParameterizedTest
        @EnumSource(value = Status.class, names = "COMPLETED", mode = EnumSource.Mode.EXCLUDE)
        void reopenRefusesANodeThatIsNotCompleted(Status status) {
            Node node = createIn(status);

            assertThatThrownBy(() -> cairn.reopen(node.id()))
                    .isExactlyInstanceOf(InvalidTransitionException.class)
                    .hasMessageContaining(status.wireName());
            assertThat(cairn.get(node.id())).isEqualTo(node);
        }

        @Test
        void aStatusInAPatchGoesThroughTheTable() {
            Node node = create(Layer.TASK);

            assertThatThrownBy(() -> cairn.update(node.id(), NodePatch.create().status(Status.COMPLETED)))
                    .isExactlyInstanceOf(InvalidTransitionException.class);
            assertThat(cairn.update(node.id(), NodePatch.create().status(Status.IN_PROGRESS)).status())
                    .isEqualTo(Status.IN_PROGRESS);
        }

        @Test
        void theStatusCannotBeCleared() {
            Node node = create(Layer.TASK);

            assertViolation(() -> cairn.update(node.id(), NodePatch.create().status(null)), "status", null,
                    "cannot be cleared");
            assertThat(cairn.get(node.id())).isEqualTo(node);
        }

        @Test
        void theStatusOfAMissingNodeCannotChange() {
            assertThatThrownBy(() -> cairn.setStatus("TSK-missing", Status.IN_PROGRESS))
                    .isExactlyInstanceOf(NoSuchNodeException.class)
                    .hasMessageContaining("TSK-missing");
        }
    }

    @Nested
    class Updates {
        private Node node;

        @BeforeEach
        void createFullNode() {
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1");
            create(Layer.ACCEPTANCE_CRITERIA, "AC-2");
            node = cairn.create(NodeDraft.of(Layer.COMMAND, "Run the tests").id("CMD-1")
                    .description("All of them").owner("ana").assignee("bo").severity(Severity.LOW)
                    .workType(WorkType.TEST).progress(10).labels("ci", "tests")
                    .customField("keep", "me").customField("drop", 1).customField("change", "old")
                    .command(CommandSpec.of("AC-1", "mvn verify")));
            tick();
        }

        @Test
        void anAbsentFieldIsLeftAlone() {
            Node updated = cairn.update("CMD-1", NodePatch.create().title("Run every test"));

            assertThat(updated.title()).isEqualTo("Run every test");
            assertThat(updated).usingRecursiveComparison()
                    .ignoringFields("title", "version", "updatedAt").isEqualTo(node);
            assertThat(cairn.get("CMD-1")).isEqualTo(updated);
        }

        @Test
        void anEmptyOrNullFieldIsCleared() {
            Node updated = cairn.update("CMD-1", NodePatch.create().description("").owner(null).assignee("")
                    .severity(null).workType(null));

            assertThat(cairn.get("CMD-1")).isEqualTo(updated).satisfies(read -> {
                assertThat(read.description()).isNull();
                assertThat(read.owner()).isNull();
                assertThat(read.assignee()).isNull();
                assertThat(read.severity()).isNull();
                assertThat(read.workType()).isNull();
                assertThat(read.title()).isEqualTo("Run the tests");
                assertThat(read.labels()).containsExactly("ci", "tests");
            });
        }

        @Test
        void theTitleCannotBeCleared() {
            assertViolation(() -> cairn.update("CMD-1", NodePatch.create().title("")), "title", null, "required");
            assertThat(cairn.get("CMD-1")).isEqualTo(node);
        }

        @Test
        void everyFieldCanBeSet() {
            cairn.update("CMD-1", NodePatch.create().title("T").description("D").owner("o").assignee("a")
                    .severity(Severity.CRITICAL).workType(WorkType.OPS).progress(70));

            assertThat(cairn.get("CMD-1")).satisfies(read -> {
                assertThat(read.title()).isEqualTo("T");
                assertThat(read.description()).isEqualTo("D");
                assertThat(read.owner()).isEqualTo("o");
                assertThat(read.assignee()).isEqualTo("a");
                assertThat(read.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(read.workType()).isEqualTo(WorkType.OPS);
                assertThat(read.progress()).isEqualTo(70);
            });
        }

        @Test
        void customFieldsMergeKeyByKeyAndNullRemovesAKey() {
            Node updated = cairn.update("CMD-1", NodePatch.create().customField("drop", null)
                    .customField("change", Map.of("now", List.of(1, 2))).customField("add", false));

            assertThat(updated.customFields()).containsOnly(
                    Map.entry("keep", "me"), Map.entry("change", Map.of("now", List.of(1, 2))),
                    Map.entry("add", false));
            assertThat(cairn.get("CMD-1").customFields()).isEqualTo(updated.customFields());
        }

        @Test
        void aCustomFieldThatIsNotJsonAbleIsRefused() {
            assertThat(catchValidation(() -> cairn.update("CMD-1", NodePatch.create()
                    .customField("when", Instant.EPOCH))).violations())
                    .singleElement().satisfies(violation ->
                            assertThat(violation.field()).startsWith("customFields.when"));
            assertThat(cairn.get("CMD-1")).isEqualTo(node);
        }

        @Test
        void labelsInAPatchReplaceTheNodesLabels() {
            cairn.update("CMD-1", NodePatch.create().labels("release", "ci"));

            assertThat(cairn.get("CMD-1").labels()).containsExactly("ci", "release");
            assertThat(cairn.find(NodeQuery.all().withAnyLabel("tests"))).isEmpty();
        }

        @Test
        void noLabelsInAPatchClearThem() {
            cairn.update("CMD-1", NodePatch.create().labels());

            assertThat(cairn.get("CMD-1").labels()).isEmpty();
        }

        @Test
        void theCommandSpecCanBeReplaced() {
            CommandSpec other = new CommandSpec("AC-2", new RunSpec("make check", "src", Map.of("V", "1")),
                    List.of("report.txt"));

            cairn.update("CMD-1", NodePatch.create().command(other));

            assertThat(cairn.get("CMD-1").command()).isEqualTo(other);
            assertThatThrownBy(() -> cairn.delete("AC-2"))
                    .isExactlyInstanceOf(InvalidLinkException.class);
            cairn.delete("AC-1");
            assertThat(cairn.findById("AC-1")).isEmpty();
        }

        @Test
        void theCommandSpecCanBeCleared() {
            cairn.update("CMD-1", NodePatch.create().command(null));

            assertThat(cairn.get("CMD-1").command()).isNull();
            cairn.delete("AC-1");
            assertThat(cairn.findById("AC-1")).isEmpty();
        }

        @Test
        void aCommandSpecNamingAMissingAcceptanceCriteriaIsRefused() {
            assertViolation(() -> cairn.update("CMD-1", NodePatch.create()
                    .command(CommandSpec.of("AC-gone", "make"))), "command.acRef", "AC-gone", "existing");
            assertThat(cairn.get("CMD-1")).isEqualTo(node);
        }

        @Test
        void anUpdateThatChangesNothingKeepsTheVersionAndAppendsNoEvent() {
            Node same = cairn.update("CMD-1", NodePatch.create().title("Run the tests").owner("ana"));

            assertThat(same).isEqualTo(node);
            assertThat(cairn.get("CMD-1").version()).isEqualTo(node.version());
            assertThat(cairn.history("CMD-1")).hasSize(1);
        }

        @Test
        void eachChangeIncrementsTheVersionAndStampsUpdatedAt() {
            Instant first = clock.instant();
            Node once = cairn.update("CMD-1", NodePatch.create().title("One"));
            Instant second = tick();
            Node twice = cairn.setProgress("CMD-1", 20);
            Instant third = tick();
            Node thrice = cairn.label("CMD-1", "more");

            assertThat(List.of(once, twice, thrice)).extracting(Node::version).containsExactly(2L, 3L, 4L);
            assertThat(List.of(once, twice, thrice)).extracting(Node::updatedAt)
                    .containsExactly(first, second, third);
            assertThat(cairn.get("CMD-1").createdAt()).isEqualTo(START);
        }

        @Test
        void anUpdateOfAMissingNodeFails() {
            assertThatThrownBy(() -> cairn.update("TSK-missing", NodePatch.create().title("x")))
                    .isExactlyInstanceOf(NoSuchNodeException.class);
        }
    }

    /** ToDoWrite's first mistake: a status change (or any partial update) wiped labels, links and command. */
    @Nested
    class PartialUpdatesKeepTheRest {
        @BeforeEach
        void createCommandInAGraph() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1", "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");
            create(Layer.SUB_TASK, "SUB-1", "TSK-1");
            cairn.label("TSK-1", "parser", "urgent");
            cairn.create(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-1").parents("SUB-1", "AC-1")
                    .labels("ci").command(new CommandSpec("AC-1", new RunSpec("make", "w", Map.of("K", "v")),
                            List.of("out.txt"))));
        }

        @ParameterizedTest
        @EnumSource(value = Status.class, names = {"IN_PROGRESS", "BLOCKED", "CANCELLED"})
        void aStatusChangeKeepsLabelsLinksAndCommandSpec(Status status) {
            Node before = cairn.get("CMD-1");
            Node taskBefore = cairn.get("TSK-1");

            cairn.setStatus("CMD-1", status);
            cairn.setStatus("TSK-1", status);

            assertKept("CMD-1", before);
            assertKept("TSK-1", taskBefore);
        }

        @Test
        void completingKeepsLabelsLinksAndCommandSpec() {
            Node before = cairn.get("CMD-1");

            cairn.setStatus("CMD-1", Status.IN_PROGRESS);
            cairn.setStatus("CMD-1", Status.COMPLETED);
            cairn.reopen("CMD-1");

            assertKept("CMD-1", before);
        }

        @Test
        void aPartialUpdateKeepsLabelsLinksAndCommandSpec() {
            Node before = cairn.get("CMD-1");
            Node taskBefore = cairn.get("TSK-1");

            cairn.update("CMD-1", NodePatch.create().title("Renamed").assignee("bo").customField("x", 1));
            cairn.update("TSK-1", NodePatch.create().description("Now described").progress(50));
            cairn.setProgress("CMD-1", 60);

            assertKept("CMD-1", before);
            assertKept("TSK-1", taskBefore);
        }

        @Test
        void aStatusChangeInATransactionKeepsLabelsLinksAndCommandSpec() {
            Node before = cairn.get("CMD-1");

            cairn.useTransaction(graph -> {
                graph.setStatus("CMD-1", Status.IN_PROGRESS);
                graph.update("CMD-1", NodePatch.create().owner("cy"));
            });

            assertKept("CMD-1", before);
        }

        private void assertKept(String id, Node before) {
            Node after = cairn.get(id);
            assertThat(after.labels()).isEqualTo(before.labels()).isNotEmpty();
            assertThat(after.command()).isEqualTo(before.command());
            assertThat(after.customFields()).containsAllEntriesOf(before.customFields());
            assertThat(links(id)).isNotEmpty();
            assertThat(cairn.find(NodeQuery.all().withAllLabels(before.labels().toArray(String[]::new))))
                    .extracting(Node::id).contains(id);
        }

        private List<Link> links(String id) {
            return cairn.links().stream().filter(link -> link.childId().equals(id) || link.parentId().equals(id))
                    .toList();
        }

        @Test
        void theLinksAreExactlyTheSameAfterwards() {
            List<Link> before = cairn.links();

            cairn.setStatus("TSK-1", Status.IN_PROGRESS);
            cairn.setStatus("CMD-1", Status.BLOCKED);
            cairn.update("SUB-1", NodePatch.create().title("Retitled"));

            assertThat(cairn.links()).isEqualTo(before);
            assertThat(ids(cairn.parents("CMD-1"))).containsExactly("AC-1", "SUB-1");
            assertThat(ids(cairn.children("TSK-1"))).containsExactly("SUB-1");
        }
    }

    /** ToDoWrite's second mistake: an invalid value was stored, and every later read failed on it. */
    @Nested
    class InvalidUpdatesAreRefused {
        @BeforeEach
        void createGraph() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");
            create(Layer.COMMAND, "CMD-1", "TSK-1");
            cairn.label("TSK-1", "parser");
        }

        @Test
        void anUnknownStatusNameIsRefusedBeforeAnyWrite() {
            Node before = cairn.get("TSK-1");

            assertViolation(() -> cairn.setStatus("TSK-1", Status.parse("done")), "status", "done", "in_progress");

            assertThat(cairn.get("TSK-1")).isEqualTo(before);
            assertEveryReadWorks();
        }

        @ParameterizedTest
        @ValueSource(ints = {250, 101, -1})
        void progressOutOfRangeIsRefusedAndEveryLaterReadWorks(int progress) {
            Node before = cairn.get("TSK-1");

            assertViolation(() -> cairn.update("TSK-1", NodePatch.create().progress(progress).title("Changed")),
                    "progress", String.valueOf(progress), "between 0 and 100");
            assertViolation(() -> cairn.setProgress("TSK-1", progress),
                    "progress", String.valueOf(progress), "between 0 and 100");

            assertThat(cairn.get("TSK-1")).isEqualTo(before);
            assertThat(cairn.history("TSK-1")).extracting(Event::type)
                    .doesNotContain(EventType.UPDATED, EventType.STATUS_CHANGED);
            assertEveryReadWorks();
        }

        @Test
        void anInvalidUpdateInsideATransactionLeavesEveryReadWorking() {
            assertThatThrownBy(() -> cairn.useTransaction(graph -> {
                graph.setStatus("TSK-1", Status.IN_PROGRESS);
                graph.setProgress("TSK-1", 250);
            })).isExactlyInstanceOf(ValidationException.class);

            assertThat(cairn.get("TSK-1").status()).isEqualTo(Status.PLANNED);
            assertEveryReadWorks();
        }

        private void assertEveryReadWorks() {
            assertThat(cairn.get("TSK-1").progress()).isBetween(0, 100);
            assertThat(cairn.findById("TSK-1")).isPresent();
            assertThat(cairn.find(NodeQuery.all())).hasSize(3);
            assertThat(cairn.find(NodeQuery.all().sortBy(NodeQuery.Sort.PROGRESS))).hasSize(3);
            assertThat(cairn.find(NodeQuery.all().status(Status.PLANNED))).hasSize(3);
            assertThat(cairn.find(NodeQuery.all().withAnyLabel("parser"))).extracting(Node::id)
                    .containsExactly("TSK-1");
            assertThat(cairn.count(NodeQuery.all())).isEqualTo(3);
            assertThat(ids(cairn.descendants("GOAL-1"))).containsExactlyInAnyOrder("TSK-1", "CMD-1");
            assertThat(ids(cairn.ancestors("CMD-1"))).containsExactlyInAnyOrder("TSK-1", "GOAL-1");
            assertThat(ids(cairn.children("TSK-1"))).containsExactly("CMD-1");
            assertThat(cairn.history("TSK-1")).isNotEmpty();
            assertThat(cairn.events(0, 100)).isNotEmpty();
            assertThat(cairn.tree("GOAL-1").children()).hasSize(1);
            assertThat(cairn.forest()).hasSize(1);
            assertThat(cairn.countByLayerAndStatus()).hasSize(3);
            assertThat(cairn.rolledUpProgress("GOAL-1")).isBetween(0.0, 100.0);
        }
    }

    @Nested
    class OptimisticLocking {
        @Test
        void anUpdateExpectingTheCurrentVersionSucceedsAndIncrementsIt() {
            Node node = create(Layer.TASK);

            Node updated = cairn.update(node.id(), NodePatch.create().title("New").expectVersion(1));

            assertThat(updated.version()).isEqualTo(2);
            assertThat(cairn.get(node.id()).version()).isEqualTo(2);
        }

        @Test
        void anUpdateExpectingAStaleVersionFailsAndChangesNothing() {
            Node node = create(Layer.TASK);
            Node moved = cairn.update(node.id(), NodePatch.create().title("Moved on"));

            assertThatThrownBy(() -> cairn.update(node.id(), NodePatch.create().title("Stale")
                    .expectVersion(node.version())))
                    .isExactlyInstanceOf(VersionConflictException.class)
                    .hasMessageContaining(node.id())
                    .hasMessageContaining("version 2")
                    .hasMessageContaining("expected 1");
            assertThat(cairn.get(node.id())).isEqualTo(moved);
            assertThat(cairn.history(node.id())).hasSize(2);
        }

        @Test
        void aStaleVersionFailsInsideATransactionToo() {
            Node node = create(Layer.TASK);
            cairn.setProgress(node.id(), 10);

            assertThatThrownBy(() -> cairn.useTransaction(graph -> graph.update(node.id(),
                    NodePatch.create().progress(20).expectVersion(1))))
                    .isExactlyInstanceOf(VersionConflictException.class);
            assertThat(cairn.get(node.id()).progress()).isEqualTo(10);
        }

        @Test
        void aVersionFromAReadAllowsExactlyOneUpdate() {
            Node read = create(Layer.TASK);
            cairn.update(read.id(), NodePatch.create().owner("ana").expectVersion(read.version()));

            assertThatThrownBy(() -> cairn.update(read.id(), NodePatch.create().owner("bo")
                    .expectVersion(read.version())))
                    .isExactlyInstanceOf(VersionConflictException.class);
            assertThat(cairn.get(read.id()).owner()).isEqualTo("ana");
        }

        @Test
        void everyWriteToANodeIncrementsItsVersion() {
            Node node = create(Layer.TASK);

            List<Long> versions = List.of(
                    cairn.setStatus(node.id(), Status.IN_PROGRESS).version(),
                    cairn.label(node.id(), "a").version(),
                    cairn.unlabel(node.id(), "a").version(),
                    cairn.setProgress(node.id(), 5).version(),
                    cairn.update(node.id(), NodePatch.create().customField("k", "v")).version());

            assertThat(versions).containsExactly(2L, 3L, 4L, 5L, 6L);
            assertThat(cairn.get(node.id()).version()).isEqualTo(6);
        }
    }

    @Nested
    class Links {
        @Test
        void linksAParentToAChildOfALaterLayer() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.CONCEPT, "CON-1");

            cairn.link("GOAL-1", "CON-1");

            assertThat(ids(cairn.children("GOAL-1"))).containsExactly("CON-1");
            assertThat(ids(cairn.parents("CON-1"))).containsExactly("GOAL-1");
            assertThat(cairn.links()).containsExactly(new Link("GOAL-1", "CON-1"));
        }

        @Test
        void refusesALinkWithinOneLayer() {
            create(Layer.TASK, "TSK-1");
            create(Layer.TASK, "TSK-2");

            assertThatThrownBy(() -> cairn.link("TSK-1", "TSK-2"))
                    .isExactlyInstanceOf(InvalidLinkException.class)
                    .hasMessageContaining("TSK-1").hasMessageContaining("TSK-2");
            assertThat(cairn.links()).isEmpty();
        }

        @Test
        void refusesALinkUpward() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.COMMAND, "CMD-1");

            assertThatThrownBy(() -> cairn.link("CMD-1", "GOAL-1"))
                    .isExactlyInstanceOf(InvalidLinkException.class)
                    .hasMessageContaining("Command").hasMessageContaining("Goal");
            assertThat(cairn.links()).isEmpty();
        }

        @Test
        void enforcesTheLayerOrderForEveryPairOfLayers() {
            for (Layer upper : Layer.values()) {
                create(upper, upper.prefix() + "-x");
            }
            for (Layer parent : Layer.values()) {
                for (Layer child : Layer.values()) {
                    String parentId = parent.prefix() + "-x";
                    String childId = child.prefix() + "-x";
                    if (parent.index() < child.index()) {
                        cairn.link(parentId, childId);
                    } else {
                        assertThatThrownBy(() -> cairn.link(parentId, childId))
                                .isExactlyInstanceOf(InvalidLinkException.class);
                    }
                }
            }

            assertThat(cairn.links()).hasSize(12 * 11 / 2);
        }

        @Test
        void allowsSkippingLayers() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.COMMAND, "CMD-1");

            cairn.link("GOAL-1", "CMD-1");

            assertThat(ids(cairn.children("GOAL-1"))).containsExactly("CMD-1");
        }

        @Test
        void allowsSeveralParents() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.GOAL, "GOAL-2");
            create(Layer.PHASE, "PH-1");
            create(Layer.TASK, "TSK-1");

            cairn.link("GOAL-1", "TSK-1");
            cairn.link("GOAL-2", "TSK-1");
            cairn.link("PH-1", "TSK-1");

            assertThat(ids(cairn.parents("TSK-1"))).containsExactly("GOAL-1", "GOAL-2", "PH-1");
        }

        @Test
        void refusesADuplicateLink() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");

            assertThatThrownBy(() -> cairn.link("GOAL-1", "TSK-1"))
                    .isExactlyInstanceOf(InvalidLinkException.class)
                    .hasMessageContaining("exists");
            assertThat(cairn.links()).hasSize(1);
            assertThat(cairn.history("TSK-1")).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.LINKED);
        }

        @Test
        void refusesALinkToOrFromAMissingNode() {
            create(Layer.GOAL, "GOAL-1");

            assertThatThrownBy(() -> cairn.link("GOAL-1", "TSK-missing"))
                    .isExactlyInstanceOf(NoSuchNodeException.class).hasMessageContaining("TSK-missing");
            assertThatThrownBy(() -> cairn.link("GOAL-missing", "GOAL-1"))
                    .isExactlyInstanceOf(NoSuchNodeException.class).hasMessageContaining("GOAL-missing");
            assertThat(cairn.links()).isEmpty();
        }

        @Test
        void unlinkRemovesTheLinkAndKeepsBothNodes() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");

            cairn.unlink("GOAL-1", "TSK-1");

            assertThat(cairn.links()).isEmpty();
            assertThat(cairn.children("GOAL-1")).isEmpty();
            assertThat(cairn.findById("TSK-1")).isPresent();
            assertThat(cairn.findById("GOAL-1")).isPresent();
        }

        @Test
        void unlinkOfALinkThatIsNotThereFails() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1");

            assertThatThrownBy(() -> cairn.unlink("GOAL-1", "TSK-1"))
                    .isExactlyInstanceOf(InvalidLinkException.class)
                    .hasMessageContaining("GOAL-1").hasMessageContaining("TSK-1");
        }

        @Test
        void unlinkOfAMissingNodeFails() {
            create(Layer.GOAL, "GOAL-1");

            assertThatThrownBy(() -> cairn.unlink("GOAL-1", "TSK-missing"))
                    .isExactlyInstanceOf(NoSuchNodeException.class);
        }

        @Test
        void aLinkCanBeMadeAgainAfterUnlink() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");
            cairn.unlink("GOAL-1", "TSK-1");

            cairn.link("GOAL-1", "TSK-1");

            assertThat(cairn.links()).containsExactly(new Link("GOAL-1", "TSK-1"));
        }

        @Test
        void linksAreListedSortedByParentThenChild() {
            create(Layer.GOAL, "GOAL-b");
            create(Layer.GOAL, "GOAL-a");
            create(Layer.TASK, "TSK-2", "GOAL-b", "GOAL-a");
            create(Layer.TASK, "TSK-1", "GOAL-b");

            assertThat(cairn.links()).containsExactly(new Link("GOAL-a", "TSK-2"), new Link("GOAL-b", "TSK-1"),
                    new Link("GOAL-b", "TSK-2"));
        }

        @Test
        void linkingLeavesTheNodesVersionsAlone() {
            Node goal = create(Layer.GOAL, "GOAL-1");
            Node task = create(Layer.TASK, "TSK-1");

            cairn.link("GOAL-1", "TSK-1");

            assertThat(cairn.get("GOAL-1")).isEqualTo(goal);
            assertThat(cairn.get("TSK-1")).isEqualTo(task);
        }
    }

    @Nested
    class Labels {
        @Test
        void labelAddsLabelsAndKeepsThoseThere() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").labels("a"));

            Node labelled = cairn.label(node.id(), "c", "b");

            assertThat(labelled.labels()).containsExactly("a", "b", "c");
            assertThat(cairn.get(node.id()).labels()).containsExactly("a", "b", "c");
        }

        @Test
        void labellingWithLabelsTheNodeHasChangesNothing() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").labels("a", "b"));

            assertThat(cairn.label(node.id(), "a", "b")).isEqualTo(node);
            assertThat(cairn.history(node.id())).hasSize(1);
        }

        @Test
        void unlabelRemovesLabelsAndIgnoresThoseNotThere() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").labels("a", "b", "c"));

            Node unlabelled = cairn.unlabel(node.id(), "a", "c", "zzz");

            assertThat(unlabelled.labels()).containsExactly("b");
            assertThat(cairn.get(node.id()).labels()).containsExactly("b");
            assertThat(cairn.find(NodeQuery.all().withAnyLabel("a", "c"))).isEmpty();
        }

        @Test
        void unlabelWithLabelsTheNodeLacksChangesNothing() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").labels("a"));

            assertThat(cairn.unlabel(node.id(), "b")).isEqualTo(node);
            assertThat(cairn.history(node.id())).hasSize(1);
        }

        @Test
        void aLabelIsSharedByTheNodesThatCarryIt() {
            Node first = create(Layer.TASK);
            Node second = create(Layer.TASK);
            create(Layer.TASK);

            cairn.label(first.id(), "shared");
            cairn.label(second.id(), "shared");

            assertThat(ids(cairn.find(NodeQuery.all().withAnyLabel("shared"))))
                    .containsExactlyInAnyOrder(first.id(), second.id());
            assertThat(cairn.labels()).extracting(Label::name).containsExactly("shared");
        }

        @Test
        void defineLabelCreatesALabelWithADescriptionAndReplacesIt() {
            cairn.defineLabel("parser", "Work on the parser");
            cairn.defineLabel("api", null);

            assertThat(cairn.labels()).containsExactly(new Label("api", null),
                    new Label("parser", "Work on the parser"));

            cairn.defineLabel("parser", "The parser and the lexer");

            assertThat(cairn.labels()).containsExactly(new Label("api", null),
                    new Label("parser", "The parser and the lexer"));
        }

        @Test
        void labellingANodeKeepsTheDescriptionOfADefinedLabel() {
            cairn.defineLabel("parser", "Work on the parser");
            Node node = create(Layer.TASK);

            cairn.label(node.id(), "parser");

            assertThat(cairn.labels()).containsExactly(new Label("parser", "Work on the parser"));
        }

        @Test
        void aNodeCarriesAtMost200Labels() {
            List<String> names = IntStream.range(0, 200).mapToObj(i -> "label-" + i).toList();
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").labels(names));

            assertThat(cairn.get(node.id()).labels()).hasSize(200);
            assertViolation(() -> cairn.label(node.id(), "one-more"), "labels", "201 labels", "at most 200");
            assertViolation(() -> cairn.update(node.id(), NodePatch.create().labels(
                    IntStream.range(0, 201).mapToObj(i -> "other-" + i).toList())), "labels", "201 labels",
                    "at most 200");
            assertViolation(() -> cairn.create(NodeDraft.of(Layer.TASK, "Task").labels(names).labels("x")),
                    "labels", "201 labels", "at most 200");
            assertThat(cairn.get(node.id())).isEqualTo(node);
        }

        @Test
        void defineLabelRefusesABlankName() {
            assertViolation(() -> cairn.defineLabel(" ", "x"), "label", " ", "must not be blank");
            assertThat(cairn.labels()).isEmpty();
        }

        @Test
        void labelNamesAreCaseSensitive() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").labels("Parser", "parser"));

            assertThat(cairn.get(node.id()).labels()).containsExactly("Parser", "parser");
            assertThat(cairn.labels()).extracting(Label::name).containsExactly("Parser", "parser");
            assertThat(cairn.count(NodeQuery.all().withAllLabels("PARSER"))).isZero();
        }

        @Test
        void labelOfAMissingNodeFails() {
            assertThatThrownBy(() -> cairn.label("TSK-missing", "a"))
                    .isExactlyInstanceOf(NoSuchNodeException.class);
        }
    }

    @Nested
    class Delete {
        @Test
        void deletesANodeWithoutChildren() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");

            assertThat(cairn.delete("TSK-1")).containsExactly("TSK-1");

            assertThat(cairn.findById("TSK-1")).isEmpty();
            assertThat(cairn.children("GOAL-1")).isEmpty();
            assertThat(cairn.links()).isEmpty();
        }

        @Test
        void deleteOfAMissingNodeFails() {
            assertThatThrownBy(() -> cairn.delete("TSK-missing"))
                    .isExactlyInstanceOf(NoSuchNodeException.class);
        }

        @Test
        void refusesANodeWithChildrenAndDeletesNothing() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");
            Snapshot before = snapshot(cairn);

            assertThatThrownBy(() -> cairn.delete("GOAL-1"))
                    .isExactlyInstanceOf(NodeHasChildrenException.class)
                    .hasMessageContaining("TSK-1").hasMessageContaining("CASCADE").hasMessageContaining("DETACH");
            assertThatThrownBy(() -> cairn.delete("GOAL-1", DeleteMode.REFUSE))
                    .isExactlyInstanceOf(NodeHasChildrenException.class);
            assertThat(snapshot(cairn)).isEqualTo(before);
        }

        @Test
        void cascadeDeletesTheNodeAndEverythingLeftWithoutAParent() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.PHASE, "PH-1", "GOAL-1");
            create(Layer.TASK, "TSK-1", "PH-1");
            create(Layer.TASK, "TSK-2", "PH-1");
            create(Layer.COMMAND, "CMD-1", "TSK-1", "TSK-2");
            create(Layer.GOAL, "GOAL-other");

            List<String> deleted = cairn.delete("GOAL-1", DeleteMode.CASCADE);

            assertThat(deleted).first().isEqualTo("GOAL-1");
            assertThat(deleted).containsExactlyInAnyOrder("GOAL-1", "PH-1", "TSK-1", "TSK-2", "CMD-1");
            assertThat(ids(cairn.find(NodeQuery.all()))).containsExactly("GOAL-other");
            assertThat(cairn.links()).isEmpty();
        }

        /** A leaf has nothing below it to walk: the modes for children must still delete it. */
        @ParameterizedTest
        @EnumSource(names = {"CASCADE", "DETACH"})
        void cascadeOrDetachOfANodeWithoutChildrenDeletesJustIt(DeleteMode mode) {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");

            List<String> deleted = cairn.delete("TSK-1", mode);

            assertThat(deleted).containsExactly("TSK-1");
            assertThat(ids(cairn.find(NodeQuery.all()))).containsExactly("GOAL-1");
            assertThat(cairn.links()).isEmpty();
        }

        @Test
        void cascadeKeepsAChildThatHasAnotherParentAndWhatIsBelowIt() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.GOAL, "GOAL-2");
            create(Layer.PHASE, "PH-only", "GOAL-1");
            create(Layer.PHASE, "PH-shared", "GOAL-1", "GOAL-2");
            create(Layer.TASK, "TSK-under-shared", "PH-shared");
            create(Layer.TASK, "TSK-both", "PH-only", "PH-shared");
            create(Layer.TASK, "TSK-under-only", "PH-only");

            List<String> deleted = cairn.delete("GOAL-1", DeleteMode.CASCADE);

            assertThat(deleted).containsExactlyInAnyOrder("GOAL-1", "PH-only", "TSK-under-only");
            assertThat(ids(cairn.find(NodeQuery.all())))
                    .containsExactly("GOAL-2", "PH-shared", "TSK-both", "TSK-under-shared");
            assertThat(ids(cairn.parents("PH-shared"))).containsExactly("GOAL-2");
            assertThat(ids(cairn.parents("TSK-both"))).containsExactly("PH-shared");
        }

        @Test
        void detachDeletesTheNodeAndKeepsItsChildrenWithoutIt() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.PHASE, "PH-1", "GOAL-1");
            create(Layer.TASK, "TSK-1", "PH-1");

            assertThat(cairn.delete("GOAL-1", DeleteMode.DETACH)).containsExactly("GOAL-1");

            assertThat(ids(cairn.find(NodeQuery.all()))).containsExactly("PH-1", "TSK-1");
            assertThat(cairn.parents("PH-1")).isEmpty();
            assertThat(ids(cairn.orphans())).containsExactly("PH-1");
            assertThat(cairn.links()).containsExactly(new Link("PH-1", "TSK-1"));
        }

        @Test
        void refusesToDeleteAnAcceptanceCriteriaNodeACommandVerifies() {
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1");
            cairn.create(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-1").command(CommandSpec.of("AC-1", "make")));

            assertThatThrownBy(() -> cairn.delete("AC-1"))
                    .isExactlyInstanceOf(InvalidLinkException.class)
                    .hasMessageContaining("AC-1").hasMessageContaining("CMD-1");
            assertThat(cairn.findById("AC-1")).isPresent();
        }

        @Test
        void refusesToCascadeOverAnAcceptanceCriteriaNodeACommandOutsideVerifies() {
            create(Layer.REQUIREMENTS, "R-1");
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1", "R-1");
            cairn.create(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-1").command(CommandSpec.of("AC-1", "make")));
            Snapshot before = snapshot(cairn);

            assertThatThrownBy(() -> cairn.delete("R-1", DeleteMode.CASCADE))
                    .isExactlyInstanceOf(InvalidLinkException.class);
            assertThat(snapshot(cairn)).isEqualTo(before);
        }

        @Test
        void cascadeDeletesAnAcceptanceCriteriaNodeWithTheCommandBelowThatVerifiesIt() {
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1");
            cairn.create(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-1").parents("AC-1")
                    .command(CommandSpec.of("AC-1", "make")));

            assertThat(cairn.delete("AC-1", DeleteMode.CASCADE)).containsExactly("AC-1", "CMD-1");
            assertThat(cairn.count(NodeQuery.all())).isZero();
        }

        @Test
        void eventsOutliveTheDeletedNode() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");
            cairn.label("TSK-1", "x");
            Instant deletedAt = tick();

            cairn.delete("GOAL-1", DeleteMode.CASCADE);

            assertThat(cairn.history("TSK-1")).extracting(Event::type).containsExactly(
                    EventType.CREATED, EventType.LINKED, EventType.LABELLED, EventType.DELETED);
            assertThat(cairn.history("GOAL-1")).last().satisfies(event -> {
                assertThat(event.type()).isEqualTo(EventType.DELETED);
                assertThat(event.at()).isEqualTo(deletedAt);
                assertThat(event.actor()).isEqualTo(ACTOR);
                assertThat(event.details()).containsEntry("mode", "cascade");
            });
        }

        @Test
        void deletingANodeTakesItsLabelsAwayAndKeepsTheLabelsKnown() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").labels("x"));

            cairn.delete(node.id());

            assertThat(cairn.find(NodeQuery.all().withAnyLabel("x"))).isEmpty();
            assertThat(cairn.labels()).extracting(Label::name).containsExactly("x");
        }

        @Test
        void aDeletedIdCanBeUsedAgain() {
            create(Layer.TASK, "TSK-1");
            cairn.delete("TSK-1");

            Node again = cairn.create(NodeDraft.of(Layer.TASK, "Again").id("TSK-1"));

            assertThat(cairn.get("TSK-1")).isEqualTo(again);
            assertThat(cairn.history("TSK-1")).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.DELETED, EventType.CREATED);
        }
    }

    /**
     * Six nodes with a distinct value in every sorted field:
     *
     * <pre>
     * GOAL-q ── PH-q1 ── TSK-q1
     *        └─ PH-q2 ──┘
     *                └── TSK-q2         TSK-q3 (no parent)
     * </pre>
     */
    @Nested
    class Queries {
        @BeforeEach
        void createNodes() {
            cairn.create(NodeDraft.of(Layer.GOAL, "Ship the release").id("GOAL-q").owner("ana")
                    .severity(Severity.HIGH).workType(WorkType.ARCHITECTURE).labels("release"));
            tick();
            cairn.create(NodeDraft.of(Layer.PHASE, "Design phase").id("PH-q1").description("Sketch the Parser")
                    .status(Status.IN_PROGRESS).progress(30).owner("ana").assignee("bo").severity(Severity.MEDIUM)
                    .workType(WorkType.SPEC).labels("parser", "design").parents("GOAL-q"));
            tick();
            cairn.create(NodeDraft.of(Layer.PHASE, "Build phase").id("PH-q2").status(Status.BLOCKED).progress(10)
                    .owner("cy").assignee("bo").severity(Severity.LOW).workType(WorkType.IMPLEMENTATION)
                    .labels("parser").parents("GOAL-q"));
            tick();
            cairn.create(NodeDraft.of(Layer.TASK, "Write tokenizer").id("TSK-q1").status(Status.COMPLETED)
                    .owner("ana").assignee("dee").severity(Severity.CRITICAL).workType(WorkType.IMPLEMENTATION)
                    .labels("parser", "urgent").parents("PH-q1", "PH-q2"));
            tick();
            cairn.create(NodeDraft.of(Layer.TASK, "Write docs").id("TSK-q2").status(Status.CANCELLED).progress(5)
                    .owner("cy").workType(WorkType.DOCS).parents("PH-q2"));
            tick();
            cairn.create(NodeDraft.of(Layer.TASK, "Orphan task").id("TSK-q3").progress(60).labels("urgent"));
            tick();
        }

        private List<String> found(NodeQuery query) {
            return ids(cairn.find(query));
        }

        @Test
        void allFindsEveryNodeSortedById() {
            assertThat(found(NodeQuery.all()))
                    .containsExactly("GOAL-q", "PH-q1", "PH-q2", "TSK-q1", "TSK-q2", "TSK-q3");
        }

        @Test
        void filtersByLayer() {
            assertThat(found(NodeQuery.layer(Layer.PHASE))).containsExactly("PH-q1", "PH-q2");
            assertThat(found(NodeQuery.layer(Layer.GOAL, Layer.TASK)))
                    .containsExactly("GOAL-q", "TSK-q1", "TSK-q2", "TSK-q3");
            assertThat(found(NodeQuery.layer(Layer.COMMAND))).isEmpty();
        }

        @Test
        void filtersByStatus() {
            assertThat(found(NodeQuery.all().status(Status.PLANNED, Status.BLOCKED)))
                    .containsExactly("GOAL-q", "PH-q2", "TSK-q3");
            assertThat(found(NodeQuery.all().status(Status.COMPLETED))).containsExactly("TSK-q1");
        }

        @Test
        void filtersByOwnerAndAssignee() {
            assertThat(found(NodeQuery.all().owner("ana"))).containsExactly("GOAL-q", "PH-q1", "TSK-q1");
            assertThat(found(NodeQuery.all().assignee("bo"))).containsExactly("PH-q1", "PH-q2");
            assertThat(found(NodeQuery.all().owner("nobody"))).isEmpty();
        }

        @Test
        void filtersBySeverityAndWorkType() {
            assertThat(found(NodeQuery.all().severity(Severity.HIGH, Severity.CRITICAL)))
                    .containsExactly("GOAL-q", "TSK-q1");
            assertThat(found(NodeQuery.all().workType(WorkType.IMPLEMENTATION))).containsExactly("PH-q2", "TSK-q1");
        }

        @Test
        void filtersByAnyOfSeveralLabels() {
            assertThat(found(NodeQuery.all().withAnyLabel("design", "urgent")))
                    .containsExactly("PH-q1", "TSK-q1", "TSK-q3");
            assertThat(found(NodeQuery.all().withAnyLabel("unknown"))).isEmpty();
        }

        @Test
        void filtersByAllOfSeveralLabels() {
            assertThat(found(NodeQuery.all().withAllLabels("parser", "urgent"))).containsExactly("TSK-q1");
            assertThat(found(NodeQuery.all().withAllLabels("parser"))).containsExactly("PH-q1", "PH-q2", "TSK-q1");
            assertThat(found(NodeQuery.all().withAllLabels("parser", "unknown"))).isEmpty();
        }

        @Test
        void filtersByTextInTitleOrDescriptionIgnoringCase() {
            assertThat(found(NodeQuery.all().text("WRITE"))).containsExactly("TSK-q1", "TSK-q2");
            assertThat(found(NodeQuery.all().text("parser"))).containsExactly("PH-q1");
            assertThat(found(NodeQuery.all().text("phase"))).containsExactly("PH-q1", "PH-q2");
            assertThat(found(NodeQuery.all().text("%"))).isEmpty();
            assertThat(found(NodeQuery.all().text("_"))).isEmpty();
        }

        /** Every store folds letters as Java does: SQLite's own lower() and PostgreSQL's collation "C" would not. */
        @Test
        void textSearchIgnoresCaseBeyondAscii() {
            cairn.create(NodeDraft.of(Layer.GOAL, "ÉTÉ À PARIS").id("GOAL-ete"));
            cairn.create(NodeDraft.of(Layer.GOAL, "Ölçek").id("GOAL-scale").description("ΣΧΈΔΙΟ ΜΕΓΈΘΟΥΣ"));

            assertThat(found(NodeQuery.all().text("été à"))).containsExactly("GOAL-ete");
            assertThat(found(NodeQuery.all().text("ÖLÇ"))).containsExactly("GOAL-scale");
            assertThat(found(NodeQuery.all().text("σχέδιο"))).containsExactly("GOAL-scale");
        }

        @Test
        void filtersByParentOrChildOfANode() {
            assertThat(found(NodeQuery.all().childOf("PH-q2"))).containsExactly("TSK-q1", "TSK-q2");
            assertThat(found(NodeQuery.all().parentOf("TSK-q1"))).containsExactly("PH-q1", "PH-q2");
            assertThat(found(NodeQuery.all().childOf("TSK-q3"))).isEmpty();
            assertThat(found(NodeQuery.all().childOf("GOAL-missing"))).isEmpty();
        }

        @Test
        void filtersNodesWithoutParents() {
            assertThat(found(NodeQuery.all().withoutParents())).containsExactly("GOAL-q", "TSK-q3");
        }

        @Test
        void everyFilterNarrowsTheResult() {
            assertThat(found(NodeQuery.layer(Layer.TASK).owner("ana").withAnyLabel("parser")))
                    .containsExactly("TSK-q1");
            assertThat(found(NodeQuery.layer(Layer.TASK).status(Status.CANCELLED).owner("ana"))).isEmpty();
            assertThat(found(NodeQuery.all().childOf("GOAL-q").assignee("bo").status(Status.BLOCKED)
                    .severity(Severity.LOW).workType(WorkType.IMPLEMENTATION).withAllLabels("parser")
                    .text("build"))).containsExactly("PH-q2");
        }

        @Test
        void sortsByTitle() {
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.TITLE)))
                    .containsExactly("PH-q2", "PH-q1", "TSK-q3", "GOAL-q", "TSK-q2", "TSK-q1");
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.TITLE).descending()))
                    .containsExactly("TSK-q1", "TSK-q2", "GOAL-q", "TSK-q3", "PH-q1", "PH-q2");
        }

        @Test
        void sortsByIdDescending() {
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.ID).descending()))
                    .containsExactly("TSK-q3", "TSK-q2", "TSK-q1", "PH-q2", "PH-q1", "GOAL-q");
        }

        @Test
        void sortsByLayerInHierarchyOrderWithTiesById() {
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.LAYER)))
                    .containsExactly("GOAL-q", "PH-q1", "PH-q2", "TSK-q1", "TSK-q2", "TSK-q3");
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.LAYER).descending()))
                    .containsExactly("TSK-q1", "TSK-q2", "TSK-q3", "PH-q1", "PH-q2", "GOAL-q");
        }

        @Test
        void sortsByStatusInLifeCycleOrderWithTiesById() {
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.STATUS)))
                    .containsExactly("GOAL-q", "TSK-q3", "PH-q1", "TSK-q1", "PH-q2", "TSK-q2");
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.STATUS).descending()))
                    .containsExactly("TSK-q2", "PH-q2", "TSK-q1", "PH-q1", "GOAL-q", "TSK-q3");
        }

        @Test
        void sortsByProgress() {
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.PROGRESS)))
                    .containsExactly("GOAL-q", "TSK-q2", "PH-q2", "PH-q1", "TSK-q3", "TSK-q1");
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.PROGRESS).descending()))
                    .containsExactly("TSK-q1", "TSK-q3", "PH-q1", "PH-q2", "TSK-q2", "GOAL-q");
        }

        @Test
        void sortsByCreationTime() {
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.CREATED_AT)))
                    .containsExactly("GOAL-q", "PH-q1", "PH-q2", "TSK-q1", "TSK-q2", "TSK-q3");
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.CREATED_AT).descending()))
                    .containsExactly("TSK-q3", "TSK-q2", "TSK-q1", "PH-q2", "PH-q1", "GOAL-q");
        }

        @Test
        void sortsByUpdateTime() {
            cairn.setProgress("TSK-q2", 6);
            tick();
            cairn.setProgress("GOAL-q", 1);

            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.UPDATED_AT)))
                    .containsExactly("PH-q1", "PH-q2", "TSK-q1", "TSK-q3", "TSK-q2", "GOAL-q");
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.UPDATED_AT).descending()))
                    .containsExactly("GOAL-q", "TSK-q2", "TSK-q3", "TSK-q1", "PH-q2", "PH-q1");
        }

        @Test
        void pagesWithOffsetAndLimit() {
            NodeQuery byId = NodeQuery.all();

            assertThat(found(byId.limit(2))).containsExactly("GOAL-q", "PH-q1");
            assertThat(found(byId.offset(2).limit(2))).containsExactly("PH-q2", "TSK-q1");
            assertThat(found(byId.offset(4).limit(10))).containsExactly("TSK-q2", "TSK-q3");
            assertThat(found(byId.offset(6))).isEmpty();
            assertThat(found(byId.offset(100).limit(1))).isEmpty();
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.PROGRESS).descending().offset(1).limit(2)))
                    .containsExactly("TSK-q3", "PH-q1");
        }

        @Test
        void countIgnoresThePage() {
            assertThat(cairn.count(NodeQuery.all())).isEqualTo(6);
            assertThat(cairn.count(NodeQuery.all().offset(4).limit(1))).isEqualTo(6);
            assertThat(cairn.count(NodeQuery.layer(Layer.TASK).limit(1))).isEqualTo(3);
            assertThat(cairn.count(NodeQuery.all().withAnyLabel("parser").owner("ana"))).isEqualTo(2);
        }

        @Test
        void childrenAndParents() {
            assertThat(ids(cairn.children("GOAL-q"))).containsExactly("PH-q1", "PH-q2");
            assertThat(ids(cairn.children("TSK-q1"))).isEmpty();
            assertThat(ids(cairn.parents("TSK-q1"))).containsExactly("PH-q1", "PH-q2");
            assertThat(ids(cairn.parents("GOAL-q"))).isEmpty();
        }

        @Test
        void descendantsListEachNodeBelowOnce() {
            assertThat(ids(cairn.descendants("GOAL-q")))
                    .containsExactlyInAnyOrder("PH-q1", "PH-q2", "TSK-q1", "TSK-q2");
            assertThat(ids(cairn.descendants("PH-q1"))).containsExactly("TSK-q1");
            assertThat(cairn.descendants("TSK-q3")).isEmpty();
        }

        @Test
        void ancestorsListEachNodeAboveOnce() {
            assertThat(ids(cairn.ancestors("TSK-q1"))).containsExactlyInAnyOrder("PH-q1", "PH-q2", "GOAL-q");
            assertThat(cairn.ancestors("GOAL-q")).isEmpty();
            assertThat(cairn.ancestors("TSK-q3")).isEmpty();
        }

        @Test
        void walksFromAMissingNodeFail() {
            assertThatThrownBy(() -> cairn.children("TSK-missing")).isExactlyInstanceOf(NoSuchNodeException.class);
            assertThatThrownBy(() -> cairn.parents("TSK-missing")).isExactlyInstanceOf(NoSuchNodeException.class);
            assertThatThrownBy(() -> cairn.descendants("TSK-missing"))
                    .isExactlyInstanceOf(NoSuchNodeException.class);
            assertThatThrownBy(() -> cairn.ancestors("TSK-missing")).isExactlyInstanceOf(NoSuchNodeException.class);
            assertThatThrownBy(() -> cairn.tree("TSK-missing")).isExactlyInstanceOf(NoSuchNodeException.class);
        }

        @Test
        void rootsAreTheNodesWithoutAParentAndOrphansThoseBelowGoal() {
            assertThat(ids(cairn.roots())).containsExactly("GOAL-q", "TSK-q3");
            assertThat(ids(cairn.orphans())).containsExactly("TSK-q3");
        }

        @Test
        void findByIdIsEmptyForAnUnknownId() {
            assertThat(cairn.findById("TSK-nope")).isEmpty();
            assertThat(cairn.findById("not an id")).isEmpty();
            assertThatThrownBy(() -> cairn.get("TSK-nope")).isExactlyInstanceOf(NoSuchNodeException.class)
                    .hasMessageContaining("TSK-nope");
        }

        @Test
        void countsByLayerAndStatusLeaveOutEmptyCombinations() {
            assertThat(cairn.countByLayerAndStatus()).containsExactlyInAnyOrder(
                    new StatusCount(Layer.GOAL, Status.PLANNED, 1),
                    new StatusCount(Layer.PHASE, Status.IN_PROGRESS, 1),
                    new StatusCount(Layer.PHASE, Status.BLOCKED, 1),
                    new StatusCount(Layer.TASK, Status.COMPLETED, 1),
                    new StatusCount(Layer.TASK, Status.CANCELLED, 1),
                    new StatusCount(Layer.TASK, Status.PLANNED, 1));
        }

        @Test
        void countsFollowChangesAndDeletes() {
            cairn.setStatus("TSK-q3", Status.IN_PROGRESS);
            cairn.delete("TSK-q2");
            create(Layer.TASK, "TSK-q4");

            assertThat(cairn.countByLayerAndStatus())
                    .filteredOn(count -> count.layer() == Layer.TASK)
                    .containsExactlyInAnyOrder(
                            new StatusCount(Layer.TASK, Status.COMPLETED, 1),
                            new StatusCount(Layer.TASK, Status.IN_PROGRESS, 1),
                            new StatusCount(Layer.TASK, Status.PLANNED, 1));
        }

        @Test
        void findSeesLabelChanges() {
            cairn.label("TSK-q2", "urgent");
            cairn.unlabel("TSK-q1", "urgent");

            assertThat(found(NodeQuery.all().withAnyLabel("urgent"))).containsExactly("TSK-q2", "TSK-q3");
        }
    }

    /**
     * A wide graph of 10,111 nodes: a goal, 10 phases, 100 steps, 1,000 tasks and 9,000 commands, each
     * below one parent of the layer above.
     */
    @Nested
    class LargeGraphs {
        private static final int PHASES = 10;
        private static final int STEPS = 10;
        private static final int TASKS = 10;
        private static final int COMMANDS = 9;

        @BeforeEach
        void buildGraph() {
            cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.GOAL, "Root").id("GOAL-root"));
                for (int phase = 0; phase < PHASES; phase++) {
                    String phaseId = "PH-" + phase;
                    graph.create(NodeDraft.of(Layer.PHASE, "Phase " + phase).id(phaseId).parents("GOAL-root"));
                    for (int step = 0; step < STEPS; step++) {
                        String stepId = "STP-" + phase + "-" + step;
                        graph.create(NodeDraft.of(Layer.STEP, "Step").id(stepId).parents(phaseId));
                        for (int task = 0; task < TASKS; task++) {
                            String taskId = "TSK-" + phase + "-" + step + "-" + task;
                            graph.create(NodeDraft.of(Layer.TASK, "Task").id(taskId).parents(stepId)
                                    .progress(task * 10));
                            for (int command = 0; command < COMMANDS; command++) {
                                graph.create(NodeDraft.of(Layer.COMMAND, "Command")
                                        .id("CMD-" + phase + "-" + step + "-" + task + "-" + command)
                                        .parents(taskId));
                            }
                        }
                    }
                }
            });
        }

        @Test
        void holdsMoreThanTenThousandNodes() {
            assertThat(cairn.count(NodeQuery.all())).isEqualTo(10_111);
            assertThat(cairn.count(NodeQuery.layer(Layer.COMMAND))).isEqualTo(9_000);
            assertThat(cairn.links()).hasSize(10_110);
        }

        @Test
        void descendantsOfTheRootAreEveryOtherNodeOnce() {
            List<Node> below = cairn.descendants("GOAL-root");

            assertThat(below).hasSize(10_110);
            assertThat(new HashSet<>(ids(below))).hasSize(10_110).doesNotContain("GOAL-root");
        }

        @Test
        void descendantsOfAMiddleNodeAreItsSubtree() {
            assertThat(cairn.descendants("PH-3")).hasSize(10 + 100 + 900)
                    .allSatisfy(node -> assertThat(node.id()).matches("[A-Z]+-3-.*"));
            assertThat(cairn.descendants("TSK-9-9-9")).hasSize(9);
        }

        @Test
        void ancestorsOfANodeBelowEveryTaskAreEveryNodeAboveTheCommands() {
            List<String> tasks = ids(cairn.find(NodeQuery.layer(Layer.TASK)));
            cairn.create(NodeDraft.of(Layer.COMMAND, "Below every task").id("CMD-everywhere").parents(tasks));

            List<Node> above = cairn.ancestors("CMD-everywhere");

            assertThat(above).hasSize(1 + 10 + 100 + 1_000);
            assertThat(new HashSet<>(ids(above))).hasSize(1_111);
            assertThat(ids(cairn.ancestors("CMD-4-4-4-4")))
                    .containsExactlyInAnyOrder("TSK-4-4-4", "STP-4-4", "PH-4", "GOAL-root");
        }

        @Test
        void rollsUpOverTheWholeGraph() {
            assertThat(cairn.rolledUpProgress("GOAL-root")).isEqualTo(0.0);

            cairn.useTransaction(graph -> {
                for (Node command : graph.find(NodeQuery.all().childOf("TSK-0-0-0"))) {
                    graph.setProgress(command.id(), 90);
                }
            });

            assertThat(cairn.rolledUpProgress("TSK-0-0-0")).isEqualTo(90.0);
            assertThat(cairn.rolledUpProgress("STP-0-0")).isEqualTo(9.0);
            assertThat(cairn.tree("GOAL-root").children()).hasSize(10);
        }

        @Test
        void cascadeDeletesASubtree() {
            List<String> deleted = cairn.delete("STP-7-7", DeleteMode.CASCADE);

            assertThat(deleted).hasSize(1 + 10 + 90);
            assertThat(cairn.count(NodeQuery.all())).isEqualTo(10_111 - 101);
        }
    }

    @Nested
    class Rollup {
        @Test
        void aLeafRollsUpToItsOwnProgress() {
            Node leaf = cairn.create(NodeDraft.of(Layer.TASK, "Leaf").progress(37));

            assertThat(cairn.rolledUpProgress(leaf.id())).isEqualTo(37.0);
        }

        @Test
        void aParentRollsUpToTheMeanOfItsChildren() {
            cairn.create(NodeDraft.of(Layer.PHASE, "Phase").id("PH-1").progress(90));
            cairn.create(NodeDraft.of(Layer.TASK, "A").id("TSK-a").progress(20).parents("PH-1"));
            cairn.create(NodeDraft.of(Layer.TASK, "B").id("TSK-b").progress(45).parents("PH-1"));

            assertThat(cairn.rolledUpProgress("PH-1")).isEqualTo(32.5);
        }

        @Test
        void aCompletedNodeCounts100WhateverIsBelowIt() {
            cairn.create(NodeDraft.of(Layer.PHASE, "Phase").id("PH-1"));
            cairn.create(NodeDraft.of(Layer.TASK, "Done").id("TSK-done").status(Status.COMPLETED).parents("PH-1"));
            cairn.create(NodeDraft.of(Layer.SUB_TASK, "Never started").id("SUB-1").parents("TSK-done"));
            cairn.create(NodeDraft.of(Layer.TASK, "Half").id("TSK-half").progress(50).parents("PH-1"));

            assertThat(cairn.rolledUpProgress("TSK-done")).isEqualTo(100.0);
            assertThat(cairn.rolledUpProgress("PH-1")).isEqualTo(75.0);
        }

        @Test
        void cancelledChildrenAreLeftOut() {
            cairn.create(NodeDraft.of(Layer.PHASE, "Phase").id("PH-1"));
            cairn.create(NodeDraft.of(Layer.TASK, "Half").id("TSK-half").progress(50).parents("PH-1"));
            cairn.create(NodeDraft.of(Layer.TASK, "Dropped").id("TSK-dropped").status(Status.CANCELLED)
                    .parents("PH-1"));

            assertThat(cairn.rolledUpProgress("PH-1")).isEqualTo(50.0);
        }

        @Test
        void aNodeWhoseChildrenAreAllCancelledRollsUpToItsOwnProgress() {
            cairn.create(NodeDraft.of(Layer.PHASE, "Phase").id("PH-1").progress(15));
            cairn.create(NodeDraft.of(Layer.TASK, "Dropped").id("TSK-dropped").status(Status.CANCELLED)
                    .progress(80).parents("PH-1"));

            assertThat(cairn.rolledUpProgress("PH-1")).isEqualTo(15.0);
        }

        @Test
        void rollsUpThroughSeveralLevels() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.PHASE, "PH-1", "GOAL-1");
            cairn.create(NodeDraft.of(Layer.PHASE, "Leaf phase").id("PH-2").progress(20).parents("GOAL-1"));
            cairn.create(NodeDraft.of(Layer.TASK, "Done").id("TSK-1").status(Status.COMPLETED).parents("PH-1"));
            cairn.create(NodeDraft.of(Layer.TASK, "Not yet").id("TSK-2").parents("PH-1"));

            assertThat(cairn.rolledUpProgress("PH-1")).isEqualTo(50.0);
            assertThat(cairn.rolledUpProgress("GOAL-1")).isEqualTo(35.0);
        }

        @Test
        void completingAChildMovesTheRollUp() {
            create(Layer.PHASE, "PH-1");
            create(Layer.TASK, "TSK-1", "PH-1");
            create(Layer.TASK, "TSK-2", "PH-1");
            cairn.setStatus("TSK-1", Status.IN_PROGRESS);
            cairn.setStatus("TSK-1", Status.COMPLETED);

            assertThat(cairn.rolledUpProgress("PH-1")).isEqualTo(50.0);
        }

        @Test
        void aTreeHoldsEveryNodeBelowWithItsRolledUpProgress() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.PHASE, "PH-1", "GOAL-1");
            cairn.create(NodeDraft.of(Layer.PHASE, "Leaf").id("PH-2").progress(20).parents("GOAL-1"));
            cairn.create(NodeDraft.of(Layer.TASK, "Done").id("TSK-1").status(Status.COMPLETED).parents("PH-1"));
            create(Layer.TASK, "TSK-2", "PH-1");

            PlanTree tree = cairn.tree("GOAL-1");

            assertThat(tree.node()).isEqualTo(cairn.get("GOAL-1"));
            assertThat(tree.rolledUpProgress()).isEqualTo(35.0);
            assertThat(tree.children()).extracting(child -> child.node().id(), PlanTree::rolledUpProgress)
                    .containsExactly(tuple("PH-1", 50.0), tuple("PH-2", 20.0));
            assertThat(tree.children().get(0).children())
                    .extracting(child -> child.node().id(), PlanTree::rolledUpProgress)
                    .containsExactly(tuple("TSK-1", 100.0), tuple("TSK-2", 0.0));
            assertThat(tree.children().get(1).children()).isEmpty();
        }

        @Test
        void theForestHasATreePerRootAndANodeUnderEachOfItsParents() {
            create(Layer.GOAL, "GOAL-a");
            create(Layer.GOAL, "GOAL-b");
            cairn.create(NodeDraft.of(Layer.TASK, "Shared").id("TSK-shared").progress(40)
                    .parents("GOAL-a", "GOAL-b"));
            cairn.create(NodeDraft.of(Layer.TASK, "Loose").id("TSK-loose").progress(70));

            List<PlanTree> forest = cairn.forest();

            assertThat(forest).extracting(tree -> tree.node().id(), PlanTree::rolledUpProgress)
                    .containsExactly(tuple("GOAL-a", 40.0), tuple("GOAL-b", 40.0), tuple("TSK-loose", 70.0));
            assertThat(forest.get(0).children()).extracting(child -> child.node().id())
                    .containsExactly("TSK-shared");
            assertThat(forest.get(1).children()).extracting(child -> child.node().id())
                    .containsExactly("TSK-shared");
        }

        @Test
        void theForestOfAnEmptyStoreIsEmpty() {
            assertThat(cairn.forest()).isEmpty();
            assertThat(cairn.roots()).isEmpty();
        }
    }

    @Nested
    class Events {
        @Test
        void createAppendsCreatedByTheActorAtTheClocksTime() {
            Instant now = tick();
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Write it").id("TSK-1"));

            assertThat(cairn.history(node.id())).singleElement().satisfies(event -> {
                assertThat(event.nodeId()).isEqualTo("TSK-1");
                assertThat(event.type()).isEqualTo(EventType.CREATED);
                assertThat(event.actor()).isEqualTo(ACTOR);
                assertThat(event.at()).isEqualTo(now);
                assertThat(event.details()).containsEntry("title", "Write it").containsEntry("layer", "Task")
                        .containsEntry("status", "planned");
            });
        }

        @Test
        void createWithParentsAppendsALinkedEventPerParent() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.PHASE, "PH-1");

            create(Layer.TASK, "TSK-1", "GOAL-1", "PH-1");

            assertThat(cairn.history("TSK-1")).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.LINKED, EventType.LINKED);
            assertThat(cairn.history("TSK-1")).filteredOn(event -> event.type() == EventType.LINKED)
                    .extracting(event -> event.details().get("parent")).containsExactlyInAnyOrder("GOAL-1", "PH-1");
        }

        @Test
        void anUpdateAppendsUpdatedWithEachChangedFieldFromAndTo() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Old").owner("ana"));
            Instant now = tick();

            cairn.update(node.id(), NodePatch.create().title("New").owner(null).description("same").progress(10));

            assertThat(cairn.history(node.id())).last().satisfies(event -> {
                assertThat(event.type()).isEqualTo(EventType.UPDATED);
                assertThat(event.at()).isEqualTo(now);
                assertThat(event.actor()).isEqualTo(ACTOR);
                assertThat(event.details()).containsOnlyKeys("title", "owner", "description", "progress");
                assertThat(event.details().get("title")).isEqualTo(Map.of("from", "Old", "to", "New"));
                Map<String, Object> ownerChange = new LinkedHashMap<>();
                ownerChange.put("from", "ana");
                ownerChange.put("to", null);
                assertThat(event.details().get("owner")).isEqualTo(ownerChange);
            });
        }

        @Test
        void aStatusChangeAppendsStatusChangedFromAndTo() {
            Node node = create(Layer.TASK);
            Instant now = tick();

            cairn.setStatus(node.id(), Status.BLOCKED);

            assertThat(cairn.history(node.id())).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.STATUS_CHANGED);
            assertThat(cairn.history(node.id())).last().satisfies(event -> {
                assertThat(event.details()).isEqualTo(Map.of("from", "planned", "to", "blocked"));
                assertThat(event.at()).isEqualTo(now);
                assertThat(event.actor()).isEqualTo(ACTOR);
            });
        }

        @Test
        void linkAndUnlinkAppendLinkedAndUnlinkedOnTheChild() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1");

            cairn.link("GOAL-1", "TSK-1");
            cairn.unlink("GOAL-1", "TSK-1");

            assertThat(cairn.history("TSK-1")).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.LINKED, EventType.UNLINKED);
            assertThat(cairn.history("TSK-1").subList(1, 3)).allSatisfy(event -> assertThat(event.details())
                    .isEqualTo(Map.of("parent", "GOAL-1", "child", "TSK-1")));
        }

        @Test
        void labelAndUnlabelAppendTheLabelsAddedAndRemoved() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").labels("kept"));

            cairn.label(node.id(), "kept", "new");
            cairn.unlabel(node.id(), "kept", "absent");

            assertThat(cairn.history(node.id())).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.LABELLED, EventType.UNLABELLED);
            assertThat(cairn.history(node.id()).get(1).details()).isEqualTo(Map.of("labels", List.of("new")));
            assertThat(cairn.history(node.id()).get(2).details()).isEqualTo(Map.of("labels", List.of("kept")));
        }

        @Test
        void deleteAppendsDeleted() {
            Node node = create(Layer.TASK);

            cairn.delete(node.id());

            assertThat(cairn.history(node.id())).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.DELETED);
            assertThat(cairn.history(node.id()).get(1).details()).isEqualTo(Map.of("mode", "refuse"));
        }

        @Test
        void historyIsOldestFirstWithIncreasingSequencesAndTimes() {
            Node node = create(Layer.TASK);
            Instant[] times = new Instant[4];
            times[0] = clock.instant();
            times[1] = tick();
            cairn.label(node.id(), "a");
            times[2] = tick();
            cairn.setStatus(node.id(), Status.CANCELLED);
            times[3] = tick();
            cairn.update(node.id(), NodePatch.create().title("Renamed"));

            List<Event> history = cairn.history(node.id());

            assertThat(history).extracting(Event::type).containsExactly(EventType.CREATED, EventType.LABELLED,
                    EventType.STATUS_CHANGED, EventType.UPDATED);
            assertThat(history).extracting(Event::at).containsExactly(times);
            assertThat(history).extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
        }

        @Test
        void eventsAfterASequenceComeOldestFirstUpToTheLimit() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");
            cairn.label("GOAL-1", "x");
            cairn.setStatus("TSK-1", Status.BLOCKED);

            List<Event> all = cairn.events(0, 100);
            assertThat(all).extracting(Event::nodeId, Event::type).containsExactly(
                    tuple("GOAL-1", EventType.CREATED), tuple("TSK-1", EventType.CREATED),
                    tuple("TSK-1", EventType.LINKED), tuple("GOAL-1", EventType.LABELLED),
                    tuple("TSK-1", EventType.STATUS_CHANGED));
            assertThat(all).extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(all.get(0).sequence()).isPositive();

            assertThat(cairn.events(0, 2)).isEqualTo(all.subList(0, 2));
            assertThat(cairn.events(all.get(1).sequence(), 2)).isEqualTo(all.subList(2, 4));
            assertThat(cairn.events(all.get(3).sequence(), 100)).isEqualTo(all.subList(4, 5));
            assertThat(cairn.events(all.get(4).sequence(), 100)).isEmpty();
        }

        @Test
        void theHistoryOfANodeEverUnknownIsEmpty() {
            assertThat(cairn.history("TSK-never")).isEmpty();
            assertThat(cairn.events(0, 10)).isEmpty();
        }

        @Test
        void aRefusedChangeAppendsNothing() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1");
            List<Event> before = cairn.events(0, 100);

            catchThrowable(() -> cairn.setStatus("TSK-1", Status.COMPLETED));
            catchThrowable(() -> cairn.link("TSK-1", "GOAL-1"));
            catchThrowable(() -> cairn.unlink("GOAL-1", "TSK-1"));
            catchThrowable(() -> cairn.setProgress("TSK-1", 101));
            catchThrowable(() -> create(Layer.TASK, "TSK-1"));

            assertThat(cairn.events(0, 100)).isEqualTo(before);
        }

        @Test
        void eachEventNamesTheActorOfTheCairnThatMadeTheChange() {
            // Not closed: closing a Cairn closes its store, which the suite's own Cairn closes after the test.
            Cairn other = Cairn.over(store, CairnConfig.builder("test:").clock(clock).actor("ana").build());
            other.create(NodeDraft.of(Layer.TASK, "Task").id("TSK-1"));
            cairn.label("TSK-1", "x");

            assertThat(cairn.history("TSK-1")).extracting(Event::actor).containsExactly("ana", ACTOR);
        }
    }

    @Nested
    class Transactions {
        @Test
        void aTransactionThatReturnsKeepsEverythingAndReturnsTheResult() {
            String id = cairn.inTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.GOAL, "Goal").id("GOAL-1"));
                Node task = graph.create(NodeDraft.of(Layer.TASK, "Task").parents("GOAL-1").labels("x"));
                graph.setStatus(task.id(), Status.IN_PROGRESS);
                return task.id();
            });

            assertThat(cairn.get(id).status()).isEqualTo(Status.IN_PROGRESS);
            assertThat(cairn.links()).containsExactly(new Link("GOAL-1", id));
            assertThat(cairn.history(id)).extracting(Event::type)
                    .contains(EventType.CREATED, EventType.LINKED, EventType.STATUS_CHANGED);
        }

        @Test
        void aTransactionThatThrowsLeavesNothingBehindAndRethrowsTheSameException() {
            create(Layer.GOAL, "GOAL-1");
            cairn.create(NodeDraft.of(Layer.PHASE, "Phase").id("PH-1").parents("GOAL-1").labels("old"));
            create(Layer.TASK, "TSK-doomed", "PH-1");
            cairn.defineLabel("defined", "before");
            Snapshot before = snapshot(cairn);
            IllegalStateException failure = new IllegalStateException("changed my mind");

            Throwable thrown = catchThrowable(() -> cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.GOAL, "New goal").id("GOAL-2").labels("brand-new"));
                graph.create(NodeDraft.of(Layer.TASK, "New task").id("TSK-new").parents("GOAL-1", "GOAL-2"));
                graph.link("GOAL-2", "PH-1");
                graph.unlink("GOAL-1", "PH-1");
                graph.label("PH-1", "added");
                graph.unlabel("PH-1", "old");
                graph.defineLabel("defined", "after");
                graph.defineLabel("other", "new label");
                graph.update("PH-1", NodePatch.create().title("Changed").customField("k", 1));
                graph.setStatus("PH-1", Status.IN_PROGRESS);
                graph.delete("TSK-doomed");
                throw failure;
            }));

            assertThat(thrown).isSameAs(failure);
            assertThat(snapshot(cairn)).isEqualTo(before);
            assertThat(cairn.findById("GOAL-2")).isEmpty();
            assertThat(cairn.findById("TSK-doomed")).isPresent();
            assertThat(cairn.labels()).containsExactly(new Label("defined", "before"), new Label("old", null));
        }

        @Test
        void aRuleBrokenInsideATransactionUndoesTheEarlierChanges() {
            create(Layer.GOAL, "GOAL-1");
            Snapshot before = snapshot(cairn);

            assertThatThrownBy(() -> cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.TASK, "Task").id("TSK-1").parents("GOAL-1"));
                graph.link("TSK-1", "GOAL-1");
            })).isExactlyInstanceOf(InvalidLinkException.class);

            assertThat(snapshot(cairn)).isEqualTo(before);
        }

        @Test
        void workAfterARolledBackTransactionWorks() {
            catchThrowable(() -> cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.TASK, "Task").id("TSK-1"));
                throw new IllegalStateException("no");
            }));

            Node created = create(Layer.TASK, "TSK-1");

            assertThat(cairn.get("TSK-1")).isEqualTo(created);
            assertThat(cairn.history("TSK-1")).hasSize(1);
        }

        @Test
        void readsInsideATransactionSeeItsOwnWrites() {
            cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.GOAL, "Goal").id("GOAL-1"));
                graph.create(NodeDraft.of(Layer.TASK, "Task").id("TSK-1").parents("GOAL-1").labels("x"));
                graph.setProgress("TSK-1", 40);

                assertThat(graph.get("TSK-1").progress()).isEqualTo(40);
                assertThat(graph.findById("GOAL-1")).isPresent();
                assertThat(ids(graph.find(NodeQuery.all().withAnyLabel("x")))).containsExactly("TSK-1");
                assertThat(graph.count(NodeQuery.all())).isEqualTo(2);
                assertThat(ids(graph.children("GOAL-1"))).containsExactly("TSK-1");
                assertThat(ids(graph.descendants("GOAL-1"))).containsExactly("TSK-1");
                assertThat(ids(graph.ancestors("TSK-1"))).containsExactly("GOAL-1");
                assertThat(graph.links()).containsExactly(new Link("GOAL-1", "TSK-1"));
                assertThat(graph.labels()).extracting(Label::name).containsExactly("x");
                assertThat(graph.history("TSK-1")).hasSize(3);
                assertThat(graph.rolledUpProgress("GOAL-1")).isEqualTo(40.0);

                graph.delete("TSK-1");
                assertThat(graph.findById("TSK-1")).isEmpty();
                assertThat(graph.children("GOAL-1")).isEmpty();
            });
        }

        @Test
        void aTransactionCanReturnNothing() {
            cairn.useTransaction(graph -> graph.create(NodeDraft.of(Layer.TASK, "Task").id("TSK-1")));

            assertThat(cairn.findById("TSK-1")).isPresent();
        }
    }

    @Nested
    class Concurrency {
        private static final int THREADS = 8;

        @Test
        @Timeout(120)
        void eightThreadsLabellingOneNodeLoseNoLabel() throws Exception {
            Node node = create(Layer.TASK, "TSK-shared");
            int perThread = 20;
            AtomicInteger threadNumbers = new AtomicInteger();

            runConcurrently(THREADS, () -> {
                int thread = threadNumbers.getAndIncrement();
                for (int i = 0; i < perThread; i++) {
                    cairn.label(node.id(), "t" + thread + "-" + i);
                }
                return null;
            });

            Node after = cairn.get(node.id());
            assertThat(after.labels()).hasSize(THREADS * perThread);
            assertThat(after.version()).isEqualTo(1 + THREADS * perThread);
            assertThat(cairn.history(node.id())).hasSize(1 + THREADS * perThread);
        }

        @Test
        @Timeout(120)
        void eightThreadsUpdatingOneNodeWithoutAVersionLoseNoField() throws Exception {
            Node node = create(Layer.TASK, "TSK-shared");
            int perThread = 20;
            AtomicInteger threadNumbers = new AtomicInteger();

            runConcurrently(THREADS, () -> {
                int thread = threadNumbers.getAndIncrement();
                for (int i = 0; i < perThread; i++) {
                    cairn.update(node.id(), NodePatch.create().customField("t" + thread + "-" + i, i));
                }
                return null;
            });

            Node after = cairn.get(node.id());
            assertThat(after.customFields()).hasSize(THREADS * perThread);
            assertThat(after.version()).isEqualTo(1 + THREADS * perThread);
        }

        @Test
        @Timeout(120)
        void eightThreadsIncrementingACounterLoseNoIncrement() throws Exception {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Counter").id("TSK-counter").customField("count", 0));
            int perThread = 25;

            runConcurrently(THREADS, () -> {
                for (int i = 0; i < perThread; i++) {
                    incrementCounter(node.id());
                }
                return null;
            });

            assertThat(cairn.get(node.id()).customFields()).containsEntry("count", THREADS * perThread);
        }

        /** Read, add one, write back expecting the version read: the optimistic way, retried on conflict. */
        private void incrementCounter(String id) {
            while (true) {
                try {
                    cairn.useTransaction(graph -> {
                        Node current = graph.get(id);
                        int count = ((Number) current.customFields().get("count")).intValue();
                        graph.update(id, NodePatch.create().customField("count", count + 1)
                                .expectVersion(current.version()));
                    });
                    return;
                } catch (VersionConflictException conflict) {
                    Thread.onSpinWait();
                }
            }
        }

        @Test
        @Timeout(120)
        void eightThreadsCreatingNodesAtOnceLoseNone() throws Exception {
            create(Layer.GOAL, "GOAL-1");
            int perThread = 50;
            Set<String> createdIds = ConcurrentHashMap.newKeySet();

            runConcurrently(THREADS, () -> {
                for (int i = 0; i < perThread; i++) {
                    createdIds.add(cairn.create(NodeDraft.of(Layer.TASK, "Task").parents("GOAL-1")
                            .labels("bulk")).id());
                }
                return null;
            });

            assertThat(createdIds).hasSize(THREADS * perThread);
            assertThat(cairn.count(NodeQuery.layer(Layer.TASK))).isEqualTo(THREADS * perThread);
            assertThat(cairn.children("GOAL-1")).hasSize(THREADS * perThread);
            assertThat(cairn.count(NodeQuery.all().withAnyLabel("bulk"))).isEqualTo(THREADS * perThread);
            assertThat(cairn.events(0, Integer.MAX_VALUE)).hasSize(1 + 2 * THREADS * perThread)
                    .extracting(Event::sequence).doesNotHaveDuplicates();
        }

        @Test
        @Timeout(120)
        void readersSeeOnlyWholeWritesWhileWritersWrite() throws Exception {
            create(Layer.GOAL, "GOAL-1");
            AtomicInteger threadNumbers = new AtomicInteger();

            runConcurrently(THREADS, () -> {
                boolean writer = threadNumbers.getAndIncrement() % 2 == 0;
                for (int i = 0; i < 30; i++) {
                    if (writer) {
                        cairn.create(NodeDraft.of(Layer.TASK, "Task").parents("GOAL-1").labels("whole"));
                    } else {
                        List<Node> children = cairn.children("GOAL-1");
                        assertThat(children).allSatisfy(child -> assertThat(child.labels()).containsExactly("whole"));
                        assertThat(cairn.descendants("GOAL-1")).hasSizeGreaterThanOrEqualTo(children.size());
                    }
                }
                return null;
            });

            assertThat(cairn.children("GOAL-1")).hasSize(THREADS / 2 * 30);
        }

        /** The issue's load: 8 threads, 10,000 writes between them. */
        private static final int MIXED_OPERATIONS = 10_000;
        /** Five layers, far enough apart that most pairs of nodes may be linked one way round. */
        private static final Layer[] MIXED_LAYERS = {Layer.GOAL, Layer.REQUIREMENTS, Layer.PHASE, Layer.TASK,
                Layer.SUB_TASK};

        /**
         * Every kind of write at once, on nodes all threads share: creates (some with a parent and a label),
         * updates that name the version read, links, labels and deletes (cascade and detach). A race may
         * refuse a write only with the exception the facade documents for it; each thread writes down what
         * succeeded. Afterwards the nodes, links, labels, versions and the whole event trail must be what the
         * successful writes add up to, so that a lost write, a half-done one, or an event without its change
         * (or a change without its event) fails here.
         */
        @Test
        @Timeout(120)
        void tenThousandMixedWritesOnEightThreadsLeaveExactlyWhatSucceeded() throws Exception {
            SharedIds shared = new SharedIds();
            List<MixedWriter> writers = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger threadNumbers = new AtomicInteger();

            runConcurrently(THREADS, () -> {
                MixedWriter writer = new MixedWriter(threadNumbers.getAndIncrement(), shared);
                writers.add(writer);
                writer.run(MIXED_OPERATIONS / THREADS);
                return null;
            });

            Map<String, Integer> outcomes = new TreeMap<>();
            writers.forEach(writer -> writer.outcomes.forEach((kind, count) ->
                    outcomes.merge(kind, count, Integer::sum)));
            List<Node> created = merged(writers, writer -> writer.created);
            List<Link> linked = merged(writers, writer -> writer.linked);
            List<Written> written = merged(writers, writer -> writer.written);
            Map<String, Deletion> deletedBy = new HashMap<>();
            for (Deletion deletion : merged(writers, writer -> writer.deletions)) {
                for (String id : deletion.doomed()) {
                    assertThat(deletedBy.put(id, deletion)).as("%s deleted by two deletes", id).isNull();
                }
            }

            // The load was the one asked for, and each kind of write succeeded often enough to count.
            assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).as("operations %s", outcomes)
                    .isEqualTo(MIXED_OPERATIONS);
            assertThat(Stream.of("create", "update", "link", "label", "delete"))
                    .as("successful writes of each kind, of %s", outcomes)
                    .allSatisfy(kind -> assertThat(outcomes.getOrDefault(kind, 0)).isGreaterThanOrEqualTo(100));

            // Nodes: exactly those created and not deleted, of their layers.
            assertThat(created).extracting(Node::id).as("ids created").doesNotHaveDuplicates();
            Map<String, Node> createdById = created.stream().collect(Collectors.toMap(Node::id, Function.identity()));
            assertThat(deletedBy.keySet()).as("deleted ids").isSubsetOf(createdById.keySet());
            Set<String> survivors = new HashSet<>(createdById.keySet());
            survivors.removeAll(deletedBy.keySet());
            Map<String, Node> stored = cairn.find(NodeQuery.all()).stream()
                    .collect(Collectors.toMap(Node::id, Function.identity()));
            assertThat(cairn.count(NodeQuery.all())).isEqualTo(created.size() - deletedBy.size());
            assertThat(stored.keySet()).isEqualTo(survivors);
            assertThat(cairn.countByLayerAndStatus()).containsExactlyInAnyOrderElementsOf(
                    multiset(survivors.stream().map(id -> createdById.get(id).layer())).entrySet().stream()
                            .map(layer -> new StatusCount(layer.getKey(), Status.PLANNED, layer.getValue())).toList());

            // Labels: those given at creation and those added since, every one still known.
            Map<String, Set<String>> labelsOf = new HashMap<>();
            created.forEach(node -> labelsOf.put(node.id(), new TreeSet<>(node.labels())));
            written.stream().filter(write -> write.label() != null)
                    .forEach(write -> labelsOf.get(write.id()).add(write.label()));
            assertThat(labelsOf(stored.values())).isEqualTo(restricted(labelsOf, survivors));
            Set<String> everyLabel = labelsOf.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
            assertThat(cairn.labels()).extracting(Label::name).hasSize(everyLabel.size())
                    .containsExactlyInAnyOrderElementsOf(everyLabel);

            // Versions: each update and label bumps a node's version by one, so the versions its successful
            // writes returned are 2 .. n + 1, each once; two writes returning one version is a lost update.
            Map<String, List<Long>> versionsWritten = new HashMap<>();
            created.forEach(node -> versionsWritten.put(node.id(), new ArrayList<>()));
            written.forEach(write -> versionsWritten.get(write.id()).add(write.version()));
            versionsWritten.values().forEach(Collections::sort);
            Map<String, List<Long>> versionsExpected = new HashMap<>();
            versionsWritten.forEach((id, versions) -> versionsExpected.put(id,
                    LongStream.rangeClosed(2, versions.size() + 1).boxed().toList()));
            assertThat(versionsWritten).isEqualTo(versionsExpected);
            Map<String, Long> versionsStored = versionsOf(stored.values());
            Map<String, Long> versionsCounted = new HashMap<>();
            survivors.forEach(id -> versionsCounted.put(id, 1L + versionsWritten.get(id).size()));
            assertThat(versionsStored).isEqualTo(versionsCounted);

            // Links: each made once, and there exactly when both its ends survive (nothing unlinks but deletes).
            assertThat(linked).doesNotHaveDuplicates();
            List<Link> storedLinks = cairn.links();
            assertThat(storedLinks).doesNotHaveDuplicates();
            assertThat(Set.copyOf(storedLinks)).isEqualTo(linked.stream()
                    .filter(link -> survivors.contains(link.parentId()) && survivors.contains(link.childId()))
                    .collect(Collectors.toSet()));

            // Events: one per successful write, of its kind, read page by page without a gap or a repeat.
            List<Event> trail = trailInPages(997);
            Map<EventType, List<Event>> byType = trail.stream().collect(
                    Collectors.groupingBy(Event::type, () -> new EnumMap<>(EventType.class), Collectors.toList()));
            assertThat(trail).extracting(Event::actor).containsOnly(ACTOR);
            assertThat(byType).doesNotContainKeys(EventType.STATUS_CHANGED, EventType.UNLABELLED);
            assertThat(multiset(ofType(byType, EventType.CREATED).map(Event::nodeId)))
                    .isEqualTo(multiset(created.stream().map(Node::id)));
            assertThat(multiset(ofType(byType, EventType.LINKED).map(Concurrency::linkOf)))
                    .isEqualTo(multiset(linked.stream()));
            assertThat(multiset(ofType(byType, EventType.UPDATED).map(Event::nodeId)))
                    .isEqualTo(multiset(written.stream().filter(write -> write.label() == null).map(Written::id)));
            assertThat(multiset(ofType(byType, EventType.LABELLED)
                    .map(event -> List.of(event.nodeId(), event.details().get("labels")))))
                    .isEqualTo(multiset(written.stream().filter(write -> write.label() != null)
                            .map(write -> List.of(write.id(), List.of(write.label())))));
            assertThat(multiset(ofType(byType, EventType.DELETED)
                    .map(event -> List.of(event.nodeId(), event.details().get("mode")))))
                    .isEqualTo(multiset(deletedBy.entrySet().stream().map(deleted -> List.of(deleted.getKey(),
                            deleted.getValue().mode().name().toLowerCase(Locale.ROOT)))));
            replay(trail, deletedBy, versionsStored, storedLinks);
        }

        /** The whole trail, read in pages each after the last one's sequence. */
        private List<Event> trailInPages(int pageSize) {
            List<Event> trail = new ArrayList<>();
            long after = 0;
            for (List<Event> page = cairn.events(after, pageSize); !page.isEmpty();
                 page = cairn.events(after, pageSize)) {
                assertThat(page).hasSizeLessThanOrEqualTo(pageSize);
                assertThat(page.get(0).sequence()).as("first sequence after %s", after).isGreaterThan(after);
                assertThat(page).extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
                trail.addAll(page);
                after = page.get(page.size() - 1).sequence();
            }
            assertThat(trail).isEqualTo(cairn.events(0, Integer.MAX_VALUE));
            return trail;
        }

        /**
         * Replays the trail, in sequence order, over a model of the nodes' versions and the links, checking
         * that each event fits the state before it: a link joins two live nodes and is made once; UNLINKED
         * removes a link of a node being deleted to a child that stays; by its DELETED event a node has no
         * link left to a child outside its delete. The model must end as the store is.
         */
        private void replay(List<Event> trail, Map<String, Deletion> deletedBy, Map<String, Long> versionsStored,
                            List<Link> storedLinks) {
            Map<String, Long> versions = new HashMap<>();
            Set<Link> links = new HashSet<>();
            for (Event event : trail) {
                String id = event.nodeId();
                switch (event.type()) {
                    case CREATED -> assertThat(versions.put(id, 1L)).as("%s created again", id).isNull();
                    case UPDATED, LABELLED -> assertThat(versions.computeIfPresent(id, (key, version) -> version + 1))
                            .as("%s of %s, which is not there", event.type(), id).isNotNull();
                    case LINKED -> {
                        Link link = linkOf(event);
                        assertThat(link.childId()).isEqualTo(id);
                        assertThat(versions).as("the ends of %s", link).containsKeys(link.parentId(), id);
                        assertThat(links.add(link)).as("%s linked again", link).isTrue();
                    }
                    case UNLINKED -> {
                        Link link = linkOf(event);
                        assertThat(link.childId()).isEqualTo(id);
                        assertThat(links.remove(link)).as("%s unlinked, but not there", link).isTrue();
                        assertThat(deletedBy).as("the deleted parent of %s", link).containsKey(link.parentId());
                        assertThat(deletedBy.get(link.parentId()).doomed()).as("the delete that unlinked %s", link)
                                .doesNotContain(id);
                    }
                    case DELETED -> {
                        assertThat(versions.remove(id)).as("%s deleted, but not there", id).isNotNull();
                        assertThat(deletedBy).containsKey(id);
                        List<String> doomed = deletedBy.get(id).doomed();
                        links.removeIf(link -> link.childId().equals(id));
                        List<Link> below = links.stream().filter(link -> link.parentId().equals(id)).toList();
                        assertThat(below).as("links of deleted %s to children that stay, with no UNLINKED event", id)
                                .filteredOn(link -> !doomed.contains(link.childId())).isEmpty();
                        below.forEach(links::remove);
                    }
                    default -> throw new AssertionError("No write of this test makes a " + event.type() + " event: "
                            + event);
                }
            }
            assertThat(versions).as("versions replayed from the trail").isEqualTo(versionsStored);
            assertThat(links).as("links replayed from the trail").isEqualTo(Set.copyOf(storedLinks));
        }

        private static Link linkOf(Event event) {
            return new Link((String) event.details().get("parent"), (String) event.details().get("child"));
        }

        private static Stream<Event> ofType(Map<EventType, List<Event>> byType, EventType type) {
            return byType.getOrDefault(type, List.of()).stream();
        }

        private static <T> List<T> merged(List<MixedWriter> writers, Function<MixedWriter, List<T>> part) {
            return writers.stream().flatMap(writer -> part.apply(writer).stream()).toList();
        }

        private static <T> Map<T, Long> multiset(Stream<T> items) {
            return items.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        }

        private static Map<String, Set<String>> labelsOf(Collection<Node> nodes) {
            return nodes.stream().collect(Collectors.toMap(Node::id, node -> Set.copyOf(node.labels())));
        }

        private static Map<String, Long> versionsOf(Collection<Node> nodes) {
            return nodes.stream().collect(Collectors.toMap(Node::id, Node::version));
        }

        private static <V> Map<String, V> restricted(Map<String, V> map, Set<String> keys) {
            Map<String, V> kept = new HashMap<>(map);
            kept.keySet().retainAll(keys);
            return kept;
        }

        /** A node a writer may pick, with its layer, so that links are attempted the right way round. */
        private record Pooled(String id, Layer layer) {
        }

        /** A successful update (label null) or label, and the version it returned. */
        private record Written(String id, long version, String label) {
        }

        /** A successful delete: its mode and every node it removed, the one named first. */
        private record Deletion(DeleteMode mode, List<String> doomed) {
        }

        /**
         * The nodes the writers pick their targets from, made by all of them and left when deleted. Half of
         * the picks go to the last 16 entries, mostly the newest, so that threads meet on the same nodes
         * instead of spreading thin over thousands. Thread-safe.
         */
        private static final class SharedIds {
            private static final int HOT = 16;
            private final List<Pooled> entries = new ArrayList<>();
            private final Map<String, Integer> positions = new HashMap<>();

            synchronized void add(Pooled entry) {
                if (positions.putIfAbsent(entry.id(), entries.size()) == null) {
                    entries.add(entry);
                }
            }

            /** Fills the gap with the last entry: constant time, and the hot end keeps changing. */
            synchronized void remove(String id) {
                Integer position = positions.remove(id);
                if (position == null) {
                    return;
                }
                Pooled last = entries.remove(entries.size() - 1);
                if (position < entries.size()) {
                    entries.set(position, last);
                    positions.put(last.id(), position);
                }
            }

            synchronized Optional<Pooled> pick(Random random) {
                int size = entries.size();
                if (size == 0) {
                    return Optional.empty();
                }
                return Optional.of(entries.get(random.nextBoolean()
                        ? size - 1 - random.nextInt(Math.min(size, HOT)) : random.nextInt(size)));
            }
        }

        /** One thread's share of the mixed load, and what of it succeeded. Confined to its thread. */
        private final class MixedWriter {
            private final int thread;
            private final Random random;
            private final SharedIds shared;
            private final List<Node> created = new ArrayList<>();
            private final List<Link> linked = new ArrayList<>();
            private final List<Written> written = new ArrayList<>();
            private final List<Deletion> deletions = new ArrayList<>();
            /** Successes by kind ("link"), refusals by kind and exception ("link: InvalidLinkException"). */
            private final Map<String, Integer> outcomes = new TreeMap<>();

            MixedWriter(int thread, SharedIds shared) {
                this.thread = thread;
                // Seeded, so that each thread makes the same choices every run; only the interleaving varies.
                this.random = new Random(2026_03_01L + thread);
                this.shared = shared;
            }

            void run(int operations) {
                for (int operation = 0; operation < operations; operation++) {
                    String tag = "t" + thread + "-" + operation;
                    Optional<Pooled> target = shared.pick(random);
                    int roll = random.nextInt(100);
                    if (target.isEmpty() || roll < 30) {
                        create(tag);
                    } else if (roll < 55) {
                        update(target.get(), tag);
                    } else if (roll < 75) {
                        link(target.get());
                    } else if (roll < 90) {
                        label(target.get(), tag);
                    } else {
                        delete(target.get());
                    }
                }
            }

            /** A parent deleted meanwhile refuses the create. */
            private void create(String tag) {
                Layer layer = MIXED_LAYERS[random.nextInt(MIXED_LAYERS.length)];
                NodeDraft draft = NodeDraft.of(layer, "Node " + tag);
                Optional<Pooled> parent = shared.pick(random).filter(candidate -> candidate.layer().isAbove(layer));
                parent.ifPresent(chosen -> draft.parents(chosen.id()));
                if (random.nextBoolean()) {
                    draft.labels(tag);
                }
                attempt("create", () -> cairn.create(draft), NoSuchNodeException.class).ifPresent(node -> {
                    created.add(node);
                    parent.ifPresent(chosen -> linked.add(new Link(chosen.id(), node.id())));
                    shared.add(new Pooled(node.id(), layer));
                });
            }

            /** Read, then write expecting the version read: another thread's write in between refuses it. */
            private void update(Pooled target, String tag) {
                Optional<Node> read = cairn.findById(target.id());
                if (read.isEmpty()) {
                    outcomes.merge("update: gone before it was read", 1, Integer::sum);
                    return;
                }
                long version = read.get().version();
                // A new title every time, so that every successful update changes the node.
                NodePatch patch = NodePatch.create().title("Renamed " + tag).progress(random.nextInt(101))
                        .expectVersion(version);
                attempt("update", () -> cairn.update(target.id(), patch), VersionConflictException.class,
                        NoSuchNodeException.class).ifPresent(node -> {
                    assertThat(node.version()).isEqualTo(version + 1);
                    written.add(new Written(node.id(), node.version(), null));
                });
            }

            /** Another thread making the same link first, or deleting an end, refuses it. */
            private void link(Pooled one) {
                Pooled other = shared.pick(random).orElseThrow();
                for (int tries = 0; other.layer() == one.layer() && tries < 20; tries++) {
                    other = shared.pick(random).orElseThrow();
                }
                Pooled parent = one.layer().isAbove(other.layer()) ? one : other;
                Pooled child = parent == one ? other : one;
                attempt("link", () -> {
                    cairn.link(parent.id(), child.id());
                    return new Link(parent.id(), child.id());
                }, NoSuchNodeException.class, InvalidLinkException.class).ifPresent(linked::add);
            }

            /** A label of its own each time, so that every successful label changes the node. */
            private void label(Pooled target, String tag) {
                attempt("label", () -> cairn.label(target.id(), tag), NoSuchNodeException.class).ifPresent(node -> {
                    assertThat(node.labels()).contains(tag);
                    written.add(new Written(node.id(), node.version(), tag));
                });
            }

            /** Cascade mostly, detach now and then: both delete a node with children and say what went. */
            private void delete(Pooled target) {
                DeleteMode mode = random.nextInt(4) == 0 ? DeleteMode.DETACH : DeleteMode.CASCADE;
                Optional<List<String>> deleted =
                        attempt("delete", () -> cairn.delete(target.id(), mode), NoSuchNodeException.class);
                deleted.ifPresent(doomed -> {
                    assertThat(doomed).startsWith(target.id()).doesNotHaveDuplicates();
                    if (mode == DeleteMode.DETACH) {
                        assertThat(doomed).containsExactly(target.id());
                    }
                    deletions.add(new Deletion(mode, doomed));
                    doomed.forEach(shared::remove);
                });
            }

            /** Runs a write; a refusal of one of the exact types a race explains counts, anything else fails. */
            @SafeVarargs
            private <T> Optional<T> attempt(String kind, Supplier<T> write, Class<? extends CairnException>... races) {
                try {
                    T result = write.get();
                    outcomes.merge(kind, 1, Integer::sum);
                    return Optional.of(result);
                } catch (RuntimeException failure) {
                    boolean explained = false;
                    for (Class<? extends CairnException> race : races) {
                        explained |= race == failure.getClass();
                    }
                    if (!explained) {
                        throw new AssertionError("A " + kind + " on thread " + thread + " failed with " + failure
                                + ", which no race between the writers explains", failure);
                    }
                    outcomes.merge(kind + ": " + failure.getClass().getSimpleName(), 1, Integer::sum);
                    return Optional.empty();
                }
            }
        }
    }

    /** Each mistake gives one exception type, the same on every store; asserted exactly, subclass excluded. */
    @Nested
    class SameMistakeSameException {
        @BeforeEach
        void createGraph() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1");
            cairn.create(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-1").command(CommandSpec.of("AC-1", "make")));
        }

        private void assertFails(ThrowingCallable call, Class<? extends CairnException> type) {
            assertThatThrownBy(call).isExactlyInstanceOf(type).isInstanceOf(CairnException.class)
                    .hasMessageNotContaining("SQL").hasMessageNotContaining("jdbc");
        }

        @Test
        void aMissingNodeIsNoSuchNode() {
            assertFails(() -> cairn.get("TSK-none"), NoSuchNodeException.class);
            assertFails(() -> cairn.update("TSK-none", NodePatch.create().title("x")), NoSuchNodeException.class);
            assertFails(() -> cairn.delete("TSK-none"), NoSuchNodeException.class);
            assertFails(() -> cairn.link("GOAL-1", "TSK-none"), NoSuchNodeException.class);
            assertFails(() -> create(Layer.TASK, "TSK-2", "GOAL-none"), NoSuchNodeException.class);
            assertFails(() -> cairn.descendants("GOAL-none"), NoSuchNodeException.class);
        }

        @Test
        void aTakenIdIsDuplicateNode() {
            assertFails(() -> create(Layer.TASK, "TSK-1"), DuplicateNodeException.class);
            assertFails(() -> cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.TASK, "x").id("TSK-2"));
                graph.create(NodeDraft.of(Layer.TASK, "y").id("TSK-2"));
            }), DuplicateNodeException.class);
        }

        @Test
        void aBrokenRuleIsValidation() {
            assertFails(() -> cairn.setProgress("TSK-1", 250), ValidationException.class);
            assertFails(() -> cairn.create(NodeDraft.of(Layer.TASK, "")), ValidationException.class);
            assertFails(() -> create(Layer.TASK, "../x"), ValidationException.class);
            assertFails(() -> cairn.label("TSK-1", ""), ValidationException.class);
            assertFails(() -> cairn.update("CMD-1", NodePatch.create().command(CommandSpec.of("AC-2", "x"))),
                    ValidationException.class);
        }

        @Test
        void aLinkAgainstTheOrderOrTwiceIsInvalidLink() {
            assertFails(() -> cairn.link("TSK-1", "GOAL-1"), InvalidLinkException.class);
            assertFails(() -> cairn.link("GOAL-1", "TSK-1"), InvalidLinkException.class);
            assertFails(() -> cairn.unlink("GOAL-1", "CMD-1"), InvalidLinkException.class);
            assertFails(() -> cairn.delete("AC-1"), InvalidLinkException.class);
        }

        @Test
        void aTransitionOutsideTheTableIsInvalidTransition() {
            assertFails(() -> cairn.setStatus("TSK-1", Status.COMPLETED), InvalidTransitionException.class);
            assertFails(() -> cairn.reopen("TSK-1"), InvalidTransitionException.class);
        }

        @Test
        void aStaleVersionIsVersionConflict() {
            assertFails(() -> cairn.update("TSK-1", NodePatch.create().title("x").expectVersion(7)),
                    VersionConflictException.class);
        }

        @Test
        void deletingAParentIsNodeHasChildren() {
            assertFails(() -> cairn.delete("GOAL-1"), NodeHasChildrenException.class);
        }
    }

    @Nested
    class Persistence {
        @BeforeEach
        void requirePersistentStore() {
            assumeThat(capabilities()).as("the store declares PERSISTENT").contains(StoreCapability.PERSISTENT);
        }

        @Test
        void everythingSurvivesReopening() {
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1");
            cairn.create(NodeDraft.of(Layer.GOAL, "Goal").id("GOAL-1").description("Why").owner("ana")
                    .severity(Severity.MEDIUM).workType(WorkType.DOCS).labels("a", "b")
                    .customField("meta", Map.of("n", 1, "list", List.of("x", true))));
            cairn.create(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-1").parents("GOAL-1", "AC-1")
                    .command(new CommandSpec("AC-1", new RunSpec("make", "dir", Map.of("K", "v")), List.of("o"))));
            cairn.setStatus("CMD-1", Status.IN_PROGRESS);
            cairn.defineLabel("a", "The a label");
            Snapshot before = snapshot(cairn);
            cairn.close();

            store = reopen(store);
            cairn = over(store);

            assertThat(snapshot(cairn)).isEqualTo(before);
            Node next = cairn.setStatus("CMD-1", Status.COMPLETED);
            assertThat(next.version()).isEqualTo(3);
            List<Event> events = cairn.events(0, Integer.MAX_VALUE);
            assertThat(events).startsWith(before.events().toArray(Event[]::new))
                    .hasSizeGreaterThan(before.events().size())
                    .extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
        }
    }

    /**
     * {@link Cairn#batch}: the same rules, the same nodes and the same events as single creates and links,
     * all or nothing, in chunks the store writes as it can. The chunk is 1,000 nodes and links; tests that
     * write more than that cross chunk boundaries, where what an earlier chunk wrote is found in the store.
     */
    @Nested
    class Batches {
        /** More nodes than one chunk holds, so that a batch of them has written a chunk before it goes on. */
        private static final int PAST_ONE_CHUNK = 1_500;

        @BeforeEach
        void createGraph() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");
        }

        /** Adds {@code count} tasks below GOAL-1, with ids {@code TSK-<tail><i>}. */
        private void addTasks(Batch batch, String tail, int count) {
            for (int i = 0; i < count; i++) {
                batch.add(NodeDraft.of(Layer.TASK, "Task " + i).id("TSK-" + tail + i).parents("GOAL-1"));
            }
        }

        /** Asserts that {@code call} fails with exactly {@code type} and leaves the store as it found it. */
        private void assertBatchFails(ThrowingCallable call, Class<? extends CairnException> type) {
            Snapshot before = snapshot(cairn);

            assertThatThrownBy(call).isExactlyInstanceOf(type).hasMessageNotContaining("SQL");

            assertThat(snapshot(cairn)).isEqualTo(before);
        }

        /** A few drafts of every kind, each id ending in {@code tail}; the command verifies AC-1. */
        private List<NodeDraft> drafts(String tail) {
            return List.of(
                    NodeDraft.of(Layer.PHASE, "Phase").id("PH-" + tail).parents("GOAL-1").labels("batch", "phase"),
                    NodeDraft.of(Layer.TASK, "Task").id("TSK-" + tail).parents("PH-" + tail).description("Why")
                            .owner("ana").assignee("bo").severity(Severity.HIGH).workType(WorkType.TEST)
                            .customField("meta", Map.of("n", 1, "list", List.of("x", true))),
                    NodeDraft.of(Layer.TASK, "Done").id("TSK-done" + tail).parents("GOAL-1", "PH-" + tail)
                            .status(Status.COMPLETED).createdAt(START.minus(Duration.ofDays(3)))
                            .startedAt(START.minus(Duration.ofDays(2))).completedAt(START.minus(Duration.ofDays(1))),
                    NodeDraft.of(Layer.TASK, "Started").id("TSK-started" + tail).status(Status.IN_PROGRESS),
                    NodeDraft.of(Layer.COMMAND, "Run").id("CMD-" + tail).parents("TSK-" + tail)
                            .command(new CommandSpec("AC-1", new RunSpec("make test", "dir", Map.of("K", "v")),
                                    List.of("out.txt"))));
        }

        /** What a node is, its id aside, so that nodes made under two ids compare. */
        private List<Object> withoutId(Node node) {
            return Arrays.asList(node.layer(), node.title(), node.description(), node.status(), node.progress(),
                    node.owner(), node.assignee(), node.severity(), node.workType(), node.labels(), node.startedAt(),
                    node.completedAt(), node.createdAt(), node.updatedAt(), node.version(), node.customFields(),
                    node.command());
        }

        /** {@code count} events after {@code afterSequence}, sequence left out and {@code tail} made {@code #}. */
        private List<List<Object>> trail(long afterSequence, int count, String tail) {
            return cairn.events(afterSequence, count).stream()
                    .map(event -> Arrays.<Object>asList(event.nodeId().replace(tail, "#"), event.type(), event.at(),
                            event.actor(), event.details().toString().replace(tail, "#")))
                    .toList();
        }

        private long lastSequence() {
            List<Event> events = cairn.events(0, Integer.MAX_VALUE);
            return events.get(events.size() - 1).sequence();
        }

        @Test
        void aBatchWritesTheNodesLinksAndEventsThatCreateAndLinkWrite() {
            tick();
            long beforeBatch = lastSequence();
            BatchResult result = cairn.batch(batch -> {
                drafts("_b").forEach(batch::add);
                batch.link("GOAL-1", "TSK-started_b");
            });
            long beforeSingles = lastSequence();
            drafts("_s").forEach(cairn::create);
            cairn.link("GOAL-1", "TSK-started_s");

            assertThat(result).isEqualTo(new BatchResult(5, 6, 11));
            assertThat(beforeSingles - beforeBatch).isEqualTo(11);
            for (String id : List.of("PH-", "TSK-", "TSK-done", "TSK-started", "CMD-")) {
                assertThat(withoutId(cairn.get(id + "_b"))).as(id).isEqualTo(withoutId(cairn.get(id + "_s")));
                assertThat(ids(cairn.parents(id + "_b"))).as(id)
                        .isEqualTo(ids(cairn.parents(id + "_s")).stream().map(parent -> parent.replace("_s", "_b"))
                                .toList());
            }
            assertThat(cairn.labels()).extracting(Label::name).contains("batch", "phase");
            assertThat(trail(beforeBatch, 11, "_b")).hasSize(11).isEqualTo(trail(beforeSingles, 11, "_s"));
        }

        @Test
        void aBatchLargerThanAChunkWritesEverythingInOrder() {
            BatchResult result = cairn.batch(batch -> {
                for (int i = 0; i < 1_250; i++) {
                    batch.add(NodeDraft.of(Layer.TASK, "Task " + i).id("TSK-n" + i).parents("GOAL-1"));
                }
                for (int i = 0; i < 1_250; i++) {
                    // Parents written by earlier chunks, found in the store.
                    batch.add(NodeDraft.of(Layer.SUB_TASK, "Sub " + i).id("SUB-n" + i).parents("TSK-n" + i)
                            .labels("sub"));
                }
            });

            assertThat(result).isEqualTo(new BatchResult(2_500, 2_500, 5_000));
            assertThat(cairn.count(NodeQuery.all())).isEqualTo(2_503);
            assertThat(cairn.count(NodeQuery.all().withAnyLabel("sub"))).isEqualTo(1_250);
            assertThat(cairn.descendants("GOAL-1")).hasSize(2_501);
            assertThat(ids(cairn.parents("SUB-n1249"))).containsExactly("TSK-n1249");
            assertThat(cairn.history("SUB-n1249")).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.LINKED);
            List<Event> events = cairn.events(0, Integer.MAX_VALUE);
            assertThat(events).hasSize(3 + 1 + 5_000).extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(events.get(events.size() - 1).nodeId()).isEqualTo("SUB-n1249");
        }

        @Test
        void aBatchReturnsTheIdsItGenerates() {
            List<String> added = new ArrayList<>();

            cairn.batch(batch -> {
                String phase = batch.add(NodeDraft.of(Layer.PHASE, "Phase").parents("GOAL-1"));
                added.add(phase);
                added.add(batch.add(NodeDraft.of(Layer.TASK, "Task").parents(phase)));
            });

            assertThat(added).hasSize(2).allSatisfy(id -> assertThat(cairn.findById(id)).isPresent());
            assertThat(added.get(0)).matches("PH-[0-9A-F]{12}");
            assertThat(ids(cairn.children(added.get(0)))).containsExactly(added.get(1));
        }

        @Test
        void anEmptyBatchWritesNothing() {
            Snapshot before = snapshot(cairn);

            assertThat(cairn.batch(batch -> { })).isEqualTo(new BatchResult(0, 0, 0));

            assertThat(snapshot(cairn)).isEqualTo(before);
        }

        @Test
        void aCommandMayVerifyAcceptanceCriteriaAddedEarlierInTheBatch() {
            cairn.batch(batch -> {
                batch.add(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "Near").id("AC-near"));
                batch.add(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-near").command(CommandSpec.of("AC-near", "make")));
                batch.add(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "Far").id("AC-far"));
                addTasks(batch, "between", PAST_ONE_CHUNK);
                batch.add(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-far").command(CommandSpec.of("AC-far", "make")));
                batch.add(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-old").command(CommandSpec.of("AC-1", "make")));
            });

            assertThat(cairn.get("CMD-near").command()).isEqualTo(CommandSpec.of("AC-near", "make"));
            assertThat(cairn.get("CMD-far").command()).isEqualTo(CommandSpec.of("AC-far", "make"));
            assertThat(cairn.get("CMD-old").command()).isEqualTo(CommandSpec.of("AC-1", "make"));
            assertThatThrownBy(() -> cairn.delete("AC-far")).isExactlyInstanceOf(InvalidLinkException.class)
                    .hasMessageContaining("CMD-far");
        }

        @Test
        void anInvalidDraftFailsTheWholeBatch() {
            assertBatchFails(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.add(NodeDraft.of(Layer.TASK, " "));
            }), ValidationException.class);
            assertBatchFails(() -> cairn.batch(batch -> batch.add(NodeDraft.of(Layer.TASK, "Task").id("GOAL-2"))),
                    ValidationException.class);
        }

        @Test
        void anIdInTheStoreFailsTheWholeBatch() {
            assertBatchFails(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.add(NodeDraft.of(Layer.TASK, "Again").id("TSK-1"));
            }), DuplicateNodeException.class);
            assertThatThrownBy(() -> cairn.batch(batch -> batch.add(NodeDraft.of(Layer.TASK, "Again").id("TSK-1"))))
                    .isExactlyInstanceOf(DuplicateNodeException.class).hasMessageContaining("TSK-1");
        }

        @Test
        void anIdAddedTwiceFailsTheWholeBatch() {
            assertBatchFails(() -> cairn.batch(batch -> {
                batch.add(NodeDraft.of(Layer.TASK, "Once").id("TSK-2"));
                batch.add(NodeDraft.of(Layer.TASK, "Twice").id("TSK-2"));
            }), DuplicateNodeException.class);
            // The first written by an earlier chunk.
            assertBatchFails(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.add(NodeDraft.of(Layer.TASK, "Twice").id("TSK-x0"));
            }), DuplicateNodeException.class);
        }

        @Test
        void aLinkToANodeThatIsNowhereFailsTheWholeBatch() {
            assertBatchFails(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.link("GOAL-1", "TSK-none");
            }), NoSuchNodeException.class);
            assertBatchFails(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.add(NodeDraft.of(Layer.SUB_TASK, "Orphan").id("SUB-1").parents("TSK-none"));
            }), NoSuchNodeException.class);
            assertBatchFails(() -> cairn.batch(batch -> batch.link("no id", "TSK-1")), NoSuchNodeException.class);
            // An end must come before the link, as with single calls.
            assertBatchFails(() -> cairn.batch(batch -> {
                batch.link("GOAL-1", "TSK-later");
                batch.add(NodeDraft.of(Layer.TASK, "Later").id("TSK-later"));
            }), NoSuchNodeException.class);
        }

        @Test
        void aLinkAgainstTheLayerOrderFailsTheWholeBatch() {
            assertBatchFails(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.link("TSK-x7", "GOAL-1");
            }), InvalidLinkException.class);
            assertBatchFails(() -> cairn.batch(batch ->
                    batch.add(NodeDraft.of(Layer.GOAL, "Under a task").id("GOAL-2").parents("TSK-1"))),
                    InvalidLinkException.class);
            assertBatchFails(() -> cairn.batch(batch -> batch.link("TSK-1", "TSK-1")), InvalidLinkException.class);
        }

        @Test
        void aLinkThatExistsFailsTheWholeBatch() {
            assertBatchFails(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.link("GOAL-1", "TSK-1");
            }), InvalidLinkException.class);
            assertBatchFails(() -> cairn.batch(batch -> {
                batch.link("AC-1", "TSK-1");
                batch.link("AC-1", "TSK-1");
            }), InvalidLinkException.class);
            assertBatchFails(() -> cairn.batch(batch -> {
                batch.link("AC-1", "TSK-1");
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.link("AC-1", "TSK-1");
            }), InvalidLinkException.class);
        }

        @Test
        void aCommandVerifyingNothingFailsTheWholeBatch() {
            assertBatchFails(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.add(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-1").command(CommandSpec.of("AC-none", "make")));
            }), ValidationException.class);
            // The criteria must come first, as with single creates.
            assertBatchFails(() -> cairn.batch(batch -> {
                batch.add(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-1").command(CommandSpec.of("AC-2", "make")));
                batch.add(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "Later").id("AC-2"));
            }), ValidationException.class);
        }

        @Test
        void workThatThrowsFailsTheWholeBatchWithItsException() {
            Snapshot before = snapshot(cairn);
            IllegalStateException failure = new IllegalStateException("changed my mind");

            Throwable thrown = catchThrowable(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                throw failure;
            }));

            assertThat(thrown).isSameAs(failure);
            assertThat(snapshot(cairn)).isEqualTo(before);
        }

        @Test
        void aBatchInATransactionIsSeenByItAndRolledBackWithIt() {
            Snapshot before = snapshot(cairn);

            assertThatThrownBy(() -> cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.TASK, "Before").id("TSK-before"));
                graph.batch(batch -> addTasks(batch, "x", PAST_ONE_CHUNK));
                assertThat(graph.get("TSK-x1499").title()).isEqualTo("Task 1499");
                assertThat(graph.count(NodeQuery.all())).isEqualTo(3 + 1 + PAST_ONE_CHUNK);
                cairn.batch(batch -> addTasks(batch, "y", 10));
                throw new IllegalStateException("roll it all back");
            })).hasMessage("roll it all back");

            assertThat(snapshot(cairn)).isEqualTo(before);
        }

        @Test
        void aFailedBatchInATransactionUndoesOnlyItself() {
            cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.TASK, "Kept").id("TSK-kept"));
                assertThatThrownBy(() -> graph.batch(batch -> {
                    addTasks(batch, "x", PAST_ONE_CHUNK);
                    batch.add(NodeDraft.of(Layer.TASK, "Again").id("TSK-1"));
                })).isExactlyInstanceOf(DuplicateNodeException.class);
                graph.create(NodeDraft.of(Layer.TASK, "After").id("TSK-after").parents("GOAL-1"));
            });

            assertThat(cairn.findById("TSK-kept")).isPresent();
            assertThat(cairn.findById("TSK-after")).isPresent();
            assertThat(cairn.findById("TSK-x0")).isEmpty();
            assertThat(cairn.count(NodeQuery.all())).isEqualTo(5);
            assertThat(cairn.history("TSK-x0")).isEmpty();
        }

        @Test
        void aBatchIsUsableOnlyWhileItsWorkRuns() {
            List<Batch> kept = new ArrayList<>();
            cairn.batch(kept::add);

            assertThatThrownBy(() -> kept.get(0).add(NodeDraft.of(Layer.TASK, "Late")))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private static ValidationException catchValidation(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isExactlyInstanceOf(ValidationException.class);
        return (ValidationException) thrown;
    }

    /**
     * The streaming reads an export or a copy uses: every node in id order, labels and command specs
     * included, and every link in order, across more than one page of a SQL store's stream.
     */
    @Nested
    class Streaming {
        /** More nodes than a SQL store's stream reads in one page (500), and not a multiple of it. */
        private static final int PAST_TWO_PAGES = 1_234;

        /** Tasks, every seventh labelled, and below each fifth a Command, in ids that sort across pages. */
        private void fillPastTwoPages() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1", "GOAL-1");
            cairn.defineLabel("seventh", "Every seventh task");
            cairn.batch(batch -> {
                // Added in reverse, so that the order streamed is the store's, not the order of insertion.
                for (int i = PAST_TWO_PAGES; i > 0; i--) {
                    String task = String.format(Locale.ROOT, "TSK-%05d", i);
                    NodeDraft draft = NodeDraft.of(Layer.TASK, "Task " + i).id(task).parents("GOAL-1");
                    batch.add(i % 7 == 0 ? draft.labels("seventh", "t" + i) : draft);
                    if (i % 5 == 0) {
                        batch.add(NodeDraft.of(Layer.COMMAND, "Check " + i).id(String.format(Locale.ROOT,
                                        "CMD-%05d", i)).parents(task, "AC-1")
                                .command(new CommandSpec("AC-1", new RunSpec("make check N=" + i, "dir" + i,
                                        Map.of("N", Integer.toString(i))), List.of("out/" + i + ".txt"))));
                    }
                }
            });
        }

        private List<Node> streamedNodes() {
            return store.read(tx -> {
                List<Node> nodes = new ArrayList<>();
                tx.forEachNode(nodes::add);
                return nodes;
            });
        }

        private List<Link> streamedLinks() {
            return store.read(tx -> {
                List<Link> links = new ArrayList<>();
                tx.forEachLink(links::add);
                return links;
            });
        }

        @Test
        void anEmptyStoreStreamsNothing() {
            assertThat(streamedNodes()).isEmpty();
            assertThat(streamedLinks()).isEmpty();
        }

        @Test
        void everyNodeComesOnceSortedByIdWithItsLabelsAndCommandSpec() {
            fillPastTwoPages();

            List<Node> streamed = streamedNodes();

            assertThat(streamed).hasSize(2 + PAST_TWO_PAGES + PAST_TWO_PAGES / 5);
            assertThat(ids(streamed)).isSorted().doesNotHaveDuplicates();
            assertThat(streamed).containsExactlyElementsOf(cairn.find(NodeQuery.all()));
            Node labelled = streamed.stream().filter(node -> node.id().equals("TSK-00700")).findFirst().orElseThrow();
            assertThat(labelled.labels()).containsExactly("seventh", "t700");
            Node command = streamed.stream().filter(node -> node.id().equals("CMD-00505")).findFirst().orElseThrow();
            assertThat(command.command()).isEqualTo(new CommandSpec("AC-1", new RunSpec("make check N=505", "dir505",
                    Map.of("N", "505")), List.of("out/505.txt")));
            assertThat(streamed).filteredOn(node -> node.layer() == Layer.COMMAND).allSatisfy(node ->
                    assertThat(node.command().run().shell()).endsWith("=" + Integer.parseInt(node.id().substring(4))));
            assertThat(streamed).filteredOn(node -> node.layer() != Layer.COMMAND)
                    .allSatisfy(node -> assertThat(node.command()).isNull());
        }

        @Test
        void everyLinkComesOnceSortedByParentThenChild() {
            fillPastTwoPages();

            List<Link> streamed = streamedLinks();

            assertThat(streamed).hasSize(1 + PAST_TWO_PAGES + 2 * (PAST_TWO_PAGES / 5));
            assertThat(streamed).containsExactlyElementsOf(cairn.links());
            assertThat(streamed).isSortedAccordingTo(Comparator.comparing(Link::parentId)
                    .thenComparing(Link::childId));
        }

        @Test
        void anActionMayQueryTheSameTransactionWhileTheStreamIsOpen() {
            fillPastTwoPages();

            Map<String, List<String>> parentsSeen = store.read(tx -> {
                Map<String, List<String>> seen = new TreeMap<>();
                tx.forEachNode(node -> {
                    if (node.layer() == Layer.COMMAND) {
                        seen.put(node.id(), tx.parentIds(node.id()));
                    }
                });
                return seen;
            });

            assertThat(parentsSeen).hasSize(PAST_TWO_PAGES / 5)
                    .containsEntry("CMD-00005", List.of("AC-1", "TSK-00005"));
        }

        @Test
        void whatTheActionThrowsEndsTheStreamAndIsRethrownAsItWas() {
            fillPastTwoPages();
            IllegalStateException stop = new IllegalStateException("enough");
            AtomicInteger seen = new AtomicInteger();

            Throwable thrown = catchThrowable(() -> store.read(tx -> {
                tx.forEachNode(node -> {
                    if (seen.incrementAndGet() == 600) {
                        throw stop;
                    }
                });
                return null;
            }));

            assertThat(thrown).isSameAs(stop);
            assertThat(seen).hasValue(600);
            assertThat(streamedNodes()).hasSize(2 + PAST_TWO_PAGES + PAST_TWO_PAGES / 5);
        }

        @Test
        void aStreamInsideAWriteSeesTheWritesOwnChanges() {
            create(Layer.GOAL, "GOAL-1");

            List<String> seen = cairn.inTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.TASK, "New").id("TSK-new").parents("GOAL-1"));
                return store.read(tx -> {
                    List<String> ids = new ArrayList<>();
                    tx.forEachNode(node -> ids.add(node.id()));
                    tx.forEachLink(link -> ids.add(link.parentId() + ">" + link.childId()));
                    return ids;
                });
            });

            assertThat(seen).containsExactly("GOAL-1", "TSK-new", "GOAL-1>TSK-new");
        }

        @Test
        void parentIdsOfGivesTheSortedParentsOfEachNodeThatHasAny() {
            create(Layer.GOAL, "GOAL-2");
            create(Layer.GOAL, "GOAL-1");
            create(Layer.REQUIREMENTS, "R-1", "GOAL-2", "GOAL-1");
            create(Layer.TASK, "TSK-1", "R-1");

            Map<String, List<String>> parents = store.read(tx -> tx.parentIdsOf(List.of("TSK-1", "GOAL-1", "R-1",
                    "TSK-none")));

            assertThat(parents).containsOnly(Map.entry("TSK-1", List.of("R-1")),
                    Map.entry("R-1", List.of("GOAL-1", "GOAL-2")));
        }
    }
}
