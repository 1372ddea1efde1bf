package dev.cairn.core.io;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a ToDoWrite plan's files are: one folder holding {@code plans/} and {@code commands/} (ToDoWrite's
 * {@code configs}), or the two folders apart, as projects keep them ({@code app/todos/plans} and a
 * {@code commands/} at the repository's root). A {@code plans} folder holds {@code goals/}, {@code tasks/} and
 * the other layer folders; a {@code commands} folder holds the Command files. Immutable, thread-safe.
 *
 * <pre>{@code
 * PlanImport.into(cairn).fromTree(TreeFolders.of(Path.of("todowrite/configs")));
 * PlanImport.into(cairn).fromTree(TreeFolders.split(Path.of("app/todos/plans"), Path.of("commands")));
 * }</pre>
 */
public final class TreeFolders {
    private final Path root;
    private final Path plans;
    private final Path commands;

    private TreeFolders(Path root, Path plans, Path commands) {
        this.root = root;
        this.plans = plans;
        this.commands = commands;
    }

    /**
     * The one-folder layout: {@code tree} holds {@code plans/} and {@code commands/}.
     *
     * @param tree the folder holding {@code plans/} and {@code commands/}
     * @return the layout
     */
    public static TreeFolders of(Path tree) {
        Objects.requireNonNull(tree, "tree");
        return new TreeFolders(tree, tree.resolve("plans"), tree.resolve("commands"));
    }

    /**
     * The two folders apart; either may be {@code null} (a plan without Commands, Commands whose criteria the
     * store holds already), not both.
     *
     * @param plans    the {@code plans/} folder, or {@code null}
     * @param commands the {@code commands/} folder, or {@code null}
     * @return the layout
     */
    public static TreeFolders split(Path plans, Path commands) {
        if (plans == null && commands == null) {
            throw new IllegalArgumentException("Give the plans folder, the commands folder, or both");
        }
        return new TreeFolders(null, plans, commands);
    }

    /** {@return the folder holding both, in the one-folder layout; {@code null} when they were given apart} */
    public Path root() {
        return root;
    }

    /** {@return the folder holding the layer folders ({@code goals/} … {@code subtasks/}), or {@code null}} */
    public Path plans() {
        return plans;
    }

    /** {@return the folder holding the Command files, or {@code null}} */
    public Path commands() {
        return commands;
    }

    @Override
    public String toString() {
        if (root != null) {
            return root.toString();
        }
        return (plans == null ? "" : "plans " + plans) + (plans != null && commands != null ? ", " : "")
                + (commands == null ? "" : "commands " + commands);
    }
}
