package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.DuplicateNodeException;
import dev.cairn.core.InvalidLinkException;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.RunSpec;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.ValidationException;
import dev.cairn.core.Violation;
import dev.cairn.core.WorkType;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Creating nodes: generated and given ids, every field kept as given and the limits on each, custom fields,
 * command specs, the parents a node is created with, and the dates a create stamps.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class NodesContractTest extends AbstractStoreContractTest {
    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected NodesContractTest(StoreFixture fixture) {
        super(fixture);
    }

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
}
