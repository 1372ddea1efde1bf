package dev.cairn.migrations.internal;

import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.MigrationSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Orders sets so that a module's dependencies migrate before it. Thread-safe. */
public final class ModuleOrder {

    private ModuleOrder() {
    }

    /**
     * The sets in dependency order (ties keep the given order).
     *
     * @throws MigrationConfigurationException on a missing dependency, a cycle, or two sets for one module
     */
    public static List<MigrationSet> order(List<MigrationSet> sets) {
        Map<String, MigrationSet> byModule = new LinkedHashMap<>();
        for (MigrationSet set : sets) {
            MigrationSet other = byModule.put(set.module(), set);
            if (other != null) {
                throw new MigrationConfigurationException("Two migration sets for module '" + set.module() + "': "
                        + other.getClass().getName() + " and " + set.getClass().getName() + ".");
            }
        }
        for (MigrationSet set : sets) {
            for (String dependency : set.dependsOn()) {
                if (!byModule.containsKey(dependency)) {
                    throw new MigrationConfigurationException("Module '" + set.module() + "' depends on module '"
                            + dependency + "', which has no migration set for " + set.dialect() + ". Available: "
                            + new TreeSet<>(byModule.keySet()) + ". Add the library that ships it, or give its set.");
                }
            }
        }
        List<MigrationSet> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (MigrationSet set : sets) {
            visit(set, byModule, done, new ArrayList<>(), ordered);
        }
        return ordered;
    }

    private static void visit(MigrationSet set, Map<String, MigrationSet> byModule, Set<String> done,
                              List<String> path, List<MigrationSet> ordered) {
        if (done.contains(set.module())) {
            return;
        }
        if (path.contains(set.module())) {
            path.add(set.module());
            throw new MigrationConfigurationException("Module dependencies form a cycle: "
                    + String.join(" -> ", path) + ".");
        }
        path.add(set.module());
        for (String dependency : new TreeSet<>(set.dependsOn())) {
            visit(byModule.get(dependency), byModule, done, path, ordered);
        }
        path.remove(path.size() - 1);
        done.add(set.module());
        ordered.add(set);
    }
}
