// Both schemas have the history and the tables, the placeholder from the project's properties; info listed them.
import java.sql.Connection

String jdbc = context.get('jdbc')
List<String> schemas = context.get('schemas')
String text = new File(basedir, 'build.log').getText('UTF-8')

assert text.contains('<serverId>no-such-server</serverId>: settings.xml has no <server> with that id')

Connection connection = new org.postgresql.Driver().connect(jdbc, new Properties())
connection.withCloseable {
    try {
        for (String schema : schemas) {
            assert text.contains("schema ${schema}: applied app 1 people, app 2 first person")
            def history = []
            connection.createStatement().withCloseable { statement ->
                statement.executeQuery("SELECT version, success, installed_by FROM ${schema}.cairn_schema_history "
                        + 'ORDER BY installed_rank').withCloseable { rows ->
                    while (rows.next()) {
                        history << [rows.getString(1), rows.getBoolean(2), rows.getString(3)]
                    }
                }
                statement.executeQuery("SELECT name FROM ${schema}.person").withCloseable { rows ->
                    assert rows.next() && rows.getString(1) == 'Grace'
                }
            }
            // installed_by is the database user, which only the settings.xml server named.
            // 1.5 came after 2, out of order.
            assert history == [['1', true, 'postgres'], ['2', true, 'postgres'], ['1.5', true, 'postgres']] : history
            assert text.contains("schema ${schema}: applied app 1.5 late")
            assert text =~ /(?m)app\s+2\s+first person\s+applied\s+\d{4}-/
        }
    } finally {
        connection.createStatement().withCloseable { statement ->
            schemas.each { statement.execute("DROP SCHEMA IF EXISTS ${it} CASCADE") }
        }
    }
}
return true
