package dev.cairn.cli;

import dev.cairn.core.copy.CopyResult;
import dev.cairn.core.copy.Verification;
import dev.cairn.core.doctor.DoctorReport;
import dev.cairn.core.io.ExportReport;
import dev.cairn.core.io.ImportProblem;
import dev.cairn.core.io.ImportReport;
import dev.cairn.core.trace.TraceReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON and YAML shapes of the reports of {@code export}, {@code import}, {@code copy}, {@code doctor} and
 * {@code trace}, kept as {@link Shapes} keeps the others (cli/README.md documents them): every key always
 * present, enum values in lower case, durations in milliseconds.
 */
final class ReportShapes {
    private ReportShapes() {
    }

    static Map<String, Object> export(String target, String format, ExportReport report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("target", target);
        map.put("format", format);
        map.put("nodes", report.nodes());
        map.put("links", report.links());
        map.put("labels", report.labels());
        map.put("events", report.events());
        map.put("stalePartialsRemoved", report.stalePartialsRemoved());
        map.put("staleFiles", report.staleFiles());
        map.put("staleFilesRemoved", report.staleFilesRemoved());
        return map;
    }

    static Map<String, Object> importReport(String source, ImportReport report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("source", source);
        map.put("dryRun", report.dryRun());
        map.put("mode", lower(report.mode()));
        map.put("created", report.created());
        map.put("updated", report.updated());
        map.put("skipped", report.skipped());
        map.put("linksAdded", report.linksAdded());
        map.put("linksRemoved", report.linksRemoved());
        map.put("events", report.events());
        map.put("createdIds", report.createdIds());
        map.put("updatedIds", report.updatedIds());
        map.put("skippedIds", report.skippedIds());
        map.put("warnings", problems(report.warnings()));
        map.put("problems", problems(report.problems()));
        map.put("problemCount", report.problemCount());
        return map;
    }

    private static List<Map<String, Object>> problems(List<ImportProblem> problems) {
        List<Map<String, Object>> list = new ArrayList<>(problems.size());
        for (ImportProblem problem : problems) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("source", problem.source());
            map.put("line", problem.line() == 0 ? null : problem.line());
            map.put("field", problem.field());
            map.put("value", problem.value());
            map.put("rule", problem.rule());
            map.put("text", problem.toString());
            list.add(map);
        }
        return list;
    }

    static Map<String, Object> copy(CopyResult result) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("source", result.source());
        map.put("target", result.target());
        map.put("mode", lower(result.mode()));
        map.put("nodesCopied", result.nodesCopied());
        map.put("nodesSkipped", result.nodesSkipped());
        map.put("nodesUpdated", result.nodesUpdated());
        map.put("linksCopied", result.linksCopied());
        map.put("linksSkipped", result.linksSkipped());
        map.put("labelsCopied", result.labelsCopied());
        map.put("eventsCopied", result.eventsCopied());
        map.put("eventsSkipped", result.eventsSkipped());
        map.put("durationMillis", result.duration().toMillis());
        map.put("verification", verification(result.verification()));
        return map;
    }

    private static Map<String, Object> verification(Verification verification) {
        if (verification == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ok", verification.ok());
        map.put("sourceCounts", counts(verification.sourceCounts()));
        map.put("targetCounts", counts(verification.targetCounts()));
        List<Map<String, Object>> differences = new ArrayList<>();
        for (Verification.Difference difference : verification.differences()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("nodeId", difference.nodeId());
            entry.put("kind", lower(difference.kind()));
            entry.put("fields", difference.fields());
            differences.add(entry);
        }
        map.put("differences", differences);
        map.put("differenceCount", verification.differenceCount());
        map.put("labelDifferences", verification.labelDifferences());
        map.put("durationMillis", verification.duration().toMillis());
        return map;
    }

    private static Map<String, Object> counts(Verification.Counts counts) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("nodes", counts.nodes());
        map.put("links", counts.links());
        map.put("labels", counts.labels());
        map.put("events", counts.events());
        return map;
    }

    static Map<String, Object> doctor(DoctorReport report) {
        List<Map<String, Object>> findings = new ArrayList<>();
        for (DoctorReport.Finding finding : report.findings()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", lower(finding.kind()));
            entry.put("nodeId", finding.nodeId());
            entry.put("detail", finding.detail());
            entry.put("repairable", finding.repairable());
            findings.add(entry);
        }
        List<Map<String, Object>> repairs = new ArrayList<>();
        for (DoctorReport.Repair repair : report.repairs()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("nodeId", repair.nodeId());
            entry.put("field", repair.field());
            entry.put("from", repair.from());
            entry.put("to", repair.to());
            repairs.add(entry);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("healthy", report.healthy());
        map.put("findings", findings);
        map.put("repairs", repairs);
        return map;
    }

    static Map<String, Object> trace(TraceReport report, String csv, String graphJson) {
        List<Map<String, Object>> requirements = new ArrayList<>();
        for (TraceReport.Requirement requirement : report.requirements()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", requirement.id());
            entry.put("title", requirement.title());
            entry.put("acceptanceCriteria", requirement.acceptanceCriteria());
            requirements.add(entry);
        }
        List<Map<String, Object>> criteria = new ArrayList<>();
        for (TraceReport.Criterion criterion : report.criteria()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", criterion.id());
            entry.put("title", criterion.title());
            entry.put("commands", criterion.commands());
            criteria.add(entry);
        }
        List<Map<String, Object>> broken = new ArrayList<>();
        for (TraceReport.BrokenAcRef command : report.brokenCommands()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("commandId", command.commandId());
            entry.put("acRef", command.acRef());
            broken.add(entry);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("complete", report.complete());
        map.put("requirementsCovered", report.requirementsCovered());
        map.put("requirementCoverage", Shapes.rounded(report.requirementCoverage()));
        map.put("criteriaCovered", report.criteriaCovered());
        map.put("criteriaCoverage", Shapes.rounded(report.criteriaCoverage()));
        map.put("requirementsWithoutCriteria", report.requirementsWithoutCriteria());
        map.put("criteriaWithoutCommands", report.criteriaWithoutCommands());
        map.put("brokenCommands", broken);
        map.put("requirements", requirements);
        map.put("criteria", criteria);
        map.put("csv", csv);
        map.put("graphJson", graphJson);
        return map;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
