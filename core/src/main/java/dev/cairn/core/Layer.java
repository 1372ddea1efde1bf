package dev.cairn.core;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The twelve layers of a plan, from {@link #GOAL} down to the executable {@link #COMMAND}.
 *
 * <p>A parent's layer always comes strictly before its child's. Immutable and thread-safe.
 */
public enum Layer {
    /** Why the plan exists: the outcome wanted. */
    GOAL("Goal", "GOAL", "plans/goals"),
    /** An idea the plan is built on. */
    CONCEPT("Concept", "CON", "plans/concepts"),
    /** What surrounds the work: the situation, the people, the systems. */
    CONTEXT("Context", "CTX", "plans/contexts"),
    /** A limit the work must respect. */
    CONSTRAINTS("Constraints", "CST", "plans/constraints"),
    /** What the result must do. */
    REQUIREMENTS("Requirements", "R", "plans/requirements"),
    /** A check that a requirement is met. */
    ACCEPTANCE_CRITERIA("AcceptanceCriteria", "AC", "plans/acceptance_criteria"),
    /** The shape of an interface between parts. */
    INTERFACE_CONTRACT("InterfaceContract", "IF", "plans/interface_contracts"),
    /** A stage of the work. */
    PHASE("Phase", "PH", "plans/phases"),
    /** A step of a phase. */
    STEP("Step", "STP", "plans/steps"),
    /** A unit of work one person takes on. */
    TASK("Task", "TSK", "plans/tasks"),
    /** A part of a task. */
    SUB_TASK("SubTask", "SUB", "plans/subtasks"),
    /** A shell command that verifies acceptance criteria; the only executable layer. */
    COMMAND("Command", "CMD", "commands");

    private static final Map<String, Layer> BY_KEY = Stream.of(values())
            .flatMap(layer -> Stream.of(
                            layer.displayName, layer.name(), layer.prefix,
                            layer.folder.substring(layer.folder.lastIndexOf('/') + 1))
                    .map(key -> Map.entry(normalize(key), layer)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));

    private static final Map<String, Layer> BY_PREFIX = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(Layer::prefix, Function.identity()));

    private final String displayName;
    private final String prefix;
    private final String folder;

    Layer(String displayName, String prefix, String folder) {
        this.displayName = displayName;
        this.prefix = prefix;
        this.folder = folder;
    }

    /** {@return the position in the hierarchy, 1 for Goal to 12 for Command} */
    public int index() {
        return ordinal() + 1;
    }

    /** {@return the name ToDoWrite writes, such as {@code AcceptanceCriteria}} */
    public String displayName() {
        return displayName;
    }

    /** {@return the id prefix, such as {@code AC}} */
    public String prefix() {
        return prefix;
    }

    /** {@return the folder of a ToDoWrite tree that holds this layer's files, such as {@code plans/goals}} */
    public String folder() {
        return folder;
    }

    /**
     * Whether this layer comes strictly before {@code other}, so may be its parent.
     *
     * @param other another layer
     * @return whether this layer comes before {@code other}
     */
    public boolean isAbove(Layer other) {
        return ordinal() < other.ordinal();
    }

    /**
     * Parses a layer leniently: the exact names ({@code AcceptanceCriteria}), enum names, snake and
     * kebab case ({@code acceptance_criteria}, {@code sub-task}), prefixes ({@code ac}) and folder names,
     * ignoring case.
     *
     * @param text a layer's name, prefix or folder
     * @return the layer
     * @throws ValidationException naming the value and the accepted names when nothing matches
     */
    public static Layer parse(String text) {
        return find(text).orElseThrow(() -> new ValidationException(Violation.of("layer", text,
                "must be one of " + Stream.of(values()).map(Layer::displayName).toList())));
    }

    /**
     * Like {@link #parse(String)}, but empty when nothing matches.
     *
     * @param text a layer's name, prefix or folder
     * @return the layer, or empty
     */
    public static Optional<Layer> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = normalize(text);
        Layer layer = BY_KEY.get(key);
        if (layer == null && key.length() > 1 && key.endsWith("s")) {
            layer = BY_KEY.get(key.substring(0, key.length() - 1));
        }
        if (layer == null && !key.isEmpty()) {
            layer = BY_KEY.get(key + "s");
        }
        return Optional.ofNullable(layer);
    }

    /**
     * The layer whose id prefix is exactly {@code prefix} (upper case), if any.
     *
     * @param prefix an id prefix, such as {@code AC}
     * @return the layer, or empty
     */
    public static Optional<Layer> forPrefix(String prefix) {
        return Optional.ofNullable(BY_PREFIX.get(prefix));
    }

    private static String normalize(String text) {
        return text.trim().replace("_", "").replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
