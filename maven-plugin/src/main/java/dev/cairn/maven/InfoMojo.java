package dev.cairn.maven;

import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.MigrationState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugins.annotations.Mojo;

/** Lists every migration, applied and pending, with its state. */
@Mojo(name = "info", threadSafe = true)
public class InfoMojo extends AbstractCairnMojo {
    private static final String[] HEADINGS = {"MODULE", "VERSION", "DESCRIPTION", "STATE", "INSTALLED"};

    @Override
    boolean writes() {
        return false;
    }

    @Override
    void run(Target database) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (MigrationInfo info : database.migrator().info()) {
            rows.add(new String[] {info.module(), info.version() == null ? "R" : info.version().toString(),
                info.description(), state(info.state()),
                info.installedOn() == null ? "" : info.installedOn().toString()});
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        getLog().info(database.name());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length; column++) {
                String format = column == 1 ? "%" + widths[column] + "s" : "%-" + widths[column] + "s";
                line.append(String.format(Locale.ROOT, format, row[column])).append(column < row.length - 1 ? "  " : "");
            }
            getLog().info(line.toString().stripTrailing());
        }
    }

    /** A state as people read it, as {@code cairn migrate info} prints it. */
    static String state(MigrationState state) {
        return state == MigrationState.OUT_OF_ORDER ? "applied out of order" : state.name().toLowerCase(Locale.ROOT);
    }
}
