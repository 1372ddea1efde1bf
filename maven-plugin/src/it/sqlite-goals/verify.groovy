// Checks what the invocations of invoker.properties left: the history rows, the tables, the dry-run script, the info
// table, validate failing on the changed file and passing after repair, and the baselined database.
import java.sql.Connection

Connection open(File file) {
    assert file.isFile() : "no database at ${file}"
    return new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties())
}

List<List<Object>> rows(Connection connection, String sql) {
    def result = []
    connection.createStatement().withCloseable { statement ->
        statement.executeQuery(sql).withCloseable { rows ->
            int columns = rows.metaData.columnCount
            while (rows.next()) {
                result << (1..columns).collect { rows.getObject(it) }
            }
        }
    }
    return result
}

File log = new File(basedir, 'build.log')
String text = log.getText('UTF-8')

// 1: migrate -Dcairn.target=1 applied V1 alone; 3: migrate applied the rest.
assert text.contains('applied app 1 people') : 'the first migrate applies V1 alone'
assert text.contains('applied app 2 first person, app 3 cities') : 'the second migrate applies V2 and V3'

// 2: the dry run wrote V2 and V3's statements, and V1's not, which was applied by then.
String pending = new File(basedir, 'target/pending.sql').getText('UTF-8')
assert pending.contains('2 pending migrations')
assert pending.contains("INSERT INTO person (id, name) VALUES (1, 'Ada')") : pending
assert pending.contains('CREATE TABLE city') : pending
assert !pending.contains('CREATE TABLE person') : pending

// 4: info listed the three migrations, applied.
assert text =~ /(?m)MODULE\s+VERSION\s+DESCRIPTION\s+STATE\s+INSTALLED/
assert text =~ /(?m)app\s+1\s+people\s+applied\s+\d{4}-/
assert text =~ /(?m)app\s+3\s+cities\s+applied\s+\d{4}-/

assert text =~ /(?s):info \(default-cli\).*:validate \(default-cli\).*app\.db: valid.*:undo \(default-cli\)/

// 5: undo undid V3 with its undo file.
assert text.contains('undid app 3 cities')

// 6: validate failed, naming the changed file; 7: repair realigned its checksum; 8: validate passed.
assert text.contains("V1__people.sql (module 'app', version 1) changed after it was applied")
assert text =~ /(?s):validate \(default-cli\).*BUILD FAILURE.*changed after it was applied.*:repair \(default-cli\)/ :
        'the first validate failed the build'
assert text.contains('realigned checksums [app 1 V1__people.sql]')
assert text.contains(': valid')

Connection app = open(new File(basedir, 'target/app.db'))
app.withCloseable {
    def history = rows(app, 'SELECT module, version, success FROM cairn_schema_history ORDER BY installed_rank')
    assert history.collect { it[0] + ' ' + it[1] } == ['app 1', 'app 2'] : history
    assert history.every { it[2] == 1 }
    assert rows(app, 'SELECT name FROM person') == [['Ada']]
    assert rows(app, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'city'").isEmpty()
}

// 9: the legacy database was baselined at 2 and no migration was run on it.
Connection legacy = open(new File(basedir, 'target/legacy.db'))
legacy.withCloseable {
    def history = rows(legacy, 'SELECT module, version, type FROM cairn_schema_history')
    assert history.size() == 1 && history[0][0] == 'app' && history[0][1] == '2' : history
    assert rows(legacy, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'person'").isEmpty()
}
// 10: info on a missing file failed and made none.
assert text =~ /No store at \S*target\/missing\.db .*the file does not exist/
assert !new File(basedir, 'target/missing.db').exists()
return true

// 11: check found no drift in a database its migrations made.
assert text =~ /checked\.db: no drift/ : 'check reports no drift on a freshly migrated database'
