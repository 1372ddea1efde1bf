package dev.cairn.migrations.internal;

import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.MigrationVersion;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flyway-style file name: {@code V1__init.sql}, {@code V1.1__add_index.sql}, undo {@code U1__init.sql}.
 * Immutable and thread-safe.
 *
 * @param undo whether this is an undo file
 * @param version the version
 * @param description the description, underscores made spaces
 * @param fileName the file name
 */
public record MigrationFileName(boolean undo, MigrationVersion version, String description, String fileName) {
    private static final Pattern NAME = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    /**
     * Parses a file name.
     *
     * @throws MigrationConfigurationException naming the file when it does not parse
     */
    public static MigrationFileName parse(String fileName, String where) {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new MigrationConfigurationException("Cannot parse migration file name '" + fileName + "' in "
                    + where + ": expected V<version>__<description>.sql, U<version>__<description>.sql,"
                    + " R__<description>.sql or a callback (beforeMigrate.sql, afterMigrate.sql, ...), such as"
                    + " V1__init.sql or V1.1__add_index.sql. Rename or remove the file.");
        }
        return new MigrationFileName(matcher.group(1).equals("U"), MigrationVersion.parse(matcher.group(2)),
                matcher.group(3).replace('_', ' ').strip(), fileName);
    }
}
