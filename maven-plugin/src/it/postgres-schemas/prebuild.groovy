// The server of Cairn's tests (embedded PostgreSQL, stopped when the build's JVM exits), and two new schema names.
import dev.cairn.test.postgres.PostgresServer

String jdbc = PostgresServer.jdbcUrl()
String server = jdbc.substring('jdbc:'.length()).replaceFirst(/\?.*$/, '')
List<String> schemas = [PostgresServer.unusedSchema('it_tenant_a'), PostgresServer.unusedSchema('it_tenant_b')]
// The invoker passes these to every invocation's build as -D properties.
Properties userProperties = context.get('userProperties')
userProperties.put('cairn.url', server)
userProperties.put('cairn.schemas', schemas.join(','))
context.put('jdbc', jdbc)
context.put('schemas', schemas)
return true
