package dev.cairn.core.io;

import dev.cairn.core.Cairn;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Reads a plan in: a one-file plan (YAML or JSON, as {@link PlanExport} writes it, history included) or a
 * ToDoWrite tree. Everything is checked first, against the model's rules and what the store holds; every
 * problem is reported with its file, line, field, value and rule, in an {@link ImportException}. Only then
 * is it all written, in one transaction, or nothing.
 *
 * <pre>{@code
 * ImportReport report = PlanImport.into(cairn).fromTree(Path.of("todowrite/configs"));
 * PlanImport.into(cairn).fromTree(TreeFolders.split(Path.of("app/todos/plans"), Path.of("commands")));
 * PlanImport.into(cairn).mode(ImportMode.SKIP).dryRun().fromFile(Path.of("backup.yaml"));
 * }</pre>
 *
 * A one-file plan is read twice (to check, then to write), one node at a time, so a million nodes need no
 * more heap than a few thousand. Thread-safe once configured; each import runs on the calling thread.
 */
public final class PlanImport {
    private final Cairn cairn;
    private final ImportMode mode;
    private final boolean dryRun;
    private final LongConsumer progress;
    private final boolean lenient;

    private PlanImport(Cairn cairn, ImportMode mode, boolean dryRun, LongConsumer progress, boolean lenient) {
        this.cairn = cairn;
        this.mode = mode;
        this.dryRun = dryRun;
        this.progress = progress;
        this.lenient = lenient;
    }

    /**
     * An import into {@code cairn} that fails on a node the store holds already, and writes.
     *
     * @param cairn the open store to import into
     * @return an import that has not read anything yet
     */
    public static PlanImport into(Cairn cairn) {
        return new PlanImport(Objects.requireNonNull(cairn, "cairn"), ImportMode.FAIL, false, null, false);
    }

    /**
     * This import, doing {@code mode} with nodes the store holds already.
     *
     * @param mode fail, skip or update
     * @return a new import; this one is unchanged
     */
    public PlanImport mode(ImportMode mode) {
        return new PlanImport(cairn, Objects.requireNonNull(mode, "mode"), dryRun, progress, lenient);
    }

    /**
     * {@return a new import that checks and reports what it would do, writing nothing; problems are in the
     * report}
     */
    public PlanImport dryRun() {
        return new PlanImport(cairn, mode, true, progress, lenient);
    }

    /**
     * This import, telling {@code progress} the number of nodes read every thousand nodes, on each pass.
     *
     * @param progress given the number of nodes read so far
     * @return a new import; this one is unchanged
     */
    public PlanImport progress(LongConsumer progress) {
        return new PlanImport(cairn, mode, dryRun, Objects.requireNonNull(progress, "progress"), lenient);
    }

    /**
     * This import, taking a ToDoWrite tree as ToDoWrite itself took it: a link naming no node, a link against
     * the layer order, a link naming what is no node id, an id without its layer's prefix, a file whose name is
     * not its id. The nodes are imported; what Cairn cannot store as a link or an id is kept with the node, in
     * reserved custom fields ({@code todowrite.unresolved_links}, {@code todowrite.id}, {@code todowrite.file},
     * and {@code todowrite.unlisted_links} for a link only one side names), each reported as a warning with its
     * file and line; a tree export writes it all back as the owner wrote it. Everything else, and every write
     * through the API, keeps the strict rules. A one-file plan is read as before.
     *
     * @return a new import; this one is unchanged
     */
    public PlanImport lenient() {
        return new PlanImport(cairn, mode, dryRun, progress, true);
    }

    /**
     * Imports a one-file plan, in the format its extension names.
     *
     * @param file the file to read, {@code .json}, {@code .yaml} or {@code .yml}
     * @return what was imported, or would be on a dry run
     * @throws ImportException when anything in it is wrong (not on a dry run): nothing was written
     */
    public ImportReport fromFile(Path file) {
        return fromFile(file, PlanFormat.of(file));
    }

    /**
     * Imports a one-file plan in {@code format}.
     *
     * @param file   the file to read
     * @param format the encoding it is written in
     * @return what was imported, or would be on a dry run
     */
    public ImportReport fromFile(Path file, PlanFormat format) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        return new ImportRun(cairn, mode, dryRun, progress).run(new PlanFile(file, format, now()));
    }

    /**
     * Imports a ToDoWrite tree: the folder holding {@code plans/} and {@code commands/}. Each link is taken
     * from either of its nodes' files; one named by only one of them is imported and listed among the
     * report's warnings. Nodes get a created event, their links a linked one.
     *
     * @param folder the folder holding {@code plans/} and {@code commands/}
     * @return what was imported, or would be on a dry run
     * @throws ImportException when anything in it is wrong (not on a dry run): nothing was written
     */
    public ImportReport fromTree(Path folder) {
        Objects.requireNonNull(folder, "folder");
        return fromTree(TreeFolders.of(folder));
    }

    /**
     * Imports a ToDoWrite plan from its folders, in one folder or apart ({@link TreeFolders#split}): all files
     * of all folders are one import, checked together and written in one transaction, so a Command's
     * {@code ac_ref} may name an AcceptanceCriteria of the other folder.
     *
     * @param folders the folders of the plan
     * @return what was imported, or would be on a dry run
     * @throws ImportException when anything in it is wrong (not on a dry run): nothing was written
     */
    public ImportReport fromTree(TreeFolders folders) {
        Objects.requireNonNull(folders, "folders");
        Problems warnings = new Problems();
        ImportRun run = new ImportRun(cairn, mode, dryRun, progress, warnings);
        return run.run(new TreeSource(folders, now(), warnings, lenient
                ? ids -> ImportRun.existing(cairn, ids) : null));
    }

    private Instant now() {
        return cairn.config().clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
