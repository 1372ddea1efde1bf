package dev.cairn.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.BatchResult;
import dev.cairn.core.Node;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Each SQL benchmark and its raw-JDBC baseline do the same work, on every backend, on sizes small enough for a
 * unit test. PostgreSQL is the shared server of {@code cairn-test-postgres}.
 */
class SqlStoreBenchmarkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqlStoreBenchmark benchmark = new SqlStoreBenchmark();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable each : opened) {
            each.close();
        }
    }

    @Test
    void everyBenchmarkHasABaselineInTheSameClass() {
        List<JmhResult> results = Stream.of(SqlStoreBenchmark.class.getMethods())
                .filter(method -> method.isAnnotationPresent(Benchmark.class))
                .map(Method::getName)
                .map(name -> new JmhResult(SqlStoreBenchmark.class.getName(), name, "avgt", new TreeMap<>(), 1,
                        Double.NaN, "us/op"))
                .toList();

        Pairing pairing = Pairing.of(results);

        assertThat(results).hasSize(6);
        assertThat(pairing.unpaired()).isEmpty();
        assertThat(pairing.pairs()).extracting(pair -> pair.subject().method())
                .containsExactlyInAnyOrder("batch", "get", "descendants");
    }

    @Test
    void everyBackendIsAParameterOfEveryState() throws NoSuchFieldException {
        List<String> backends = Stream.of(SqlBackend.values()).map(SqlBackend::parameter).toList();

        for (Class<?> state : List.of(SqlStoreBenchmark.EmptyCairn.class, SqlStoreBenchmark.EmptyJdbc.class,
                SqlStoreBenchmark.ReadTree.class)) {
            String[] values = state.getField("backend").getAnnotation(Param.class).value();
            assertThat(values).as(state.getSimpleName()).containsExactlyElementsOf(backends);
            assertThat(Stream.of(values).map(SqlBackend::named)).containsExactly(SqlBackend.values());
        }
    }

    @ParameterizedTest
    @EnumSource(SqlBackend.class)
    void batchWritesTheSameRowsInBoth(SqlBackend backend) throws Exception {
        SqlStoreBenchmark.BatchShape shape = new SqlStoreBenchmark.BatchShape();
        shape.nodes = 2_345;
        shape.build();
        SqlStoreBenchmark.EmptyCairn cairnSide = new SqlStoreBenchmark.EmptyCairn();
        cairnSide.backend = backend.parameter();
        cairnSide.open(shape);
        opened.add(cairnSide::close);
        SqlStoreBenchmark.EmptyJdbc jdbcSide = new SqlStoreBenchmark.EmptyJdbc();
        jdbcSide.backend = backend.parameter();
        jdbcSide.open(shape);
        opened.add(jdbcSide::close);

        BatchResult result = benchmark.batch(shape, cairnSide);
        int inserted = benchmark.batchBaseline(shape, jdbcSide);

        assertThat(result).isEqualTo(new BatchResult(2_345, 2_345, 4_690));
        assertThat(inserted).isEqualTo(2_345);
        try (Connection cairnRows = cairnSide.database.connect()) {
            Connection jdbcRows = jdbcSide.connection;
            for (String table : List.of("cairn_links", "cairn_labels", "cairn_node_labels", "cairn_command_specs")) {
                assertThat(rows(cairnRows, "select * from " + table)).as(table)
                        .isEqualTo(rows(jdbcRows, "select * from " + table));
            }
            // Times differ by when each side ran; everything else is the same.
            String nodes = "select id, layer, title, description, status, progress, owner, assignee, severity, "
                    + "work_type, started_at, completed_at, version, custom_fields from cairn_nodes order by id";
            assertThat(rows(cairnRows, nodes)).hasSize(2_346).isEqualTo(rows(jdbcRows, nodes));
            String events = "select seq, node_id, event_type, actor, details from cairn_events order by seq";
            assertThat(events(cairnRows, events)).hasSize(1 + 4_690).isEqualTo(events(jdbcRows, events));
        }
    }

    @ParameterizedTest
    @EnumSource(SqlBackend.class)
    void getReadsTheSameNodesInBoth(SqlBackend backend) throws SQLException {
        SqlStoreBenchmark.ReadTree tree = readTree(backend, 1_234);
        ProbeCursor cairnCursor = new ProbeCursor();
        ProbeCursor jdbcCursor = new ProbeCursor();

        for (int i = 0; i < 100; i++) {
            Node node = benchmark.get(tree, cairnCursor);
            RawJdbc.Row row = benchmark.getBaseline(tree, jdbcCursor);
            assertThat(row).isNotNull();
            assertThat(fields(row)).isEqualTo(fields(node));
        }
    }

    @ParameterizedTest
    @EnumSource(SqlBackend.class)
    void descendantsReadTheSameNodesInBoth(SqlBackend backend) throws SQLException {
        SqlStoreBenchmark.ReadTree tree = readTree(backend, 1_234);

        List<Node> nodes = benchmark.descendants(tree);
        List<RawJdbc.Row> rows = benchmark.descendantsBaseline(tree);

        assertThat(nodes).hasSize(subtreeSize(TreeShape.of(1_234, SqlStoreBenchmark.READ_FAN_OUT), tree.subtreeId));
        Map<String, List<Object>> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.id(), fields(row)));
        assertThat(byId).hasSize(nodes.size());
        assertThat(nodes).allSatisfy(node -> assertThat(byId.get(node.id())).isEqualTo(fields(node)));
    }

    @Test
    void theReadTreesSubtreeHoldsAbout37000Nodes() {
        TreeShape shape = TreeShape.of(100_000, SqlStoreBenchmark.READ_FAN_OUT);

        assertThat(subtreeSize(shape, shape.entries().get(1).id())).isEqualTo(37_448);
    }

    private SqlStoreBenchmark.ReadTree readTree(SqlBackend backend, int size) throws SQLException {
        SqlStoreBenchmark.ReadTree tree = new SqlStoreBenchmark.ReadTree();
        tree.backend = backend.parameter();
        tree.size = size;
        tree.build();
        opened.add(tree::close);
        return tree;
    }

    private static int subtreeSize(TreeShape shape, String rootId) {
        Set<String> below = new HashSet<>(List.of(rootId));
        for (TreeShape.Entry entry : shape.entries()) {
            if (entry.parentId() != null && below.contains(entry.parentId())) {
                below.add(entry.id());
            }
        }
        return below.size() - 1;
    }

    private static List<Object> fields(Node node) {
        return Arrays.asList(node.id(), node.layer().displayName(), node.title(), node.status().wireName(),
                node.progress(), node.owner(), List.copyOf(node.labels()), node.createdAt().toEpochMilli(),
                node.version(), node.command() == null ? List.of() : List.of(node.command().acRef()));
    }

    private static List<Object> fields(RawJdbc.Row row) {
        return Arrays.asList(row.id(), row.layer(), row.title(), row.status(), row.progress(), row.owner(),
                row.labels().stream().sorted().toList(), row.createdAt(), row.version(),
                row.command().isEmpty() ? List.of() : List.of(row.command().get(0)));
    }

    private static List<List<Object>> rows(Connection connection, String query) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet found = statement.executeQuery(query)) {
            ResultSetMetaData columns = found.getMetaData();
            while (found.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    row.add(found.getObject(column));
                }
                rows.add(row);
            }
        }
        rows.sort((a, b) -> a.toString().compareTo(b.toString()));
        return rows;
    }

    /** Events with their details as maps, so that the order of JSON keys does not matter. */
    private static List<List<Object>> events(Connection connection, String query) throws Exception {
        List<List<Object>> events = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet found = statement.executeQuery(query)) {
            while (found.next()) {
                events.add(Arrays.asList(found.getLong(1), found.getString(2), found.getString(3), found.getString(4),
                        JSON.readValue(found.getString(5), Map.class)));
            }
        }
        return events;
    }
}
