package dev.cairn.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a sample class only when {@link Samples#run} runs it, whose tests then check what it did: a build that
 * selects it by a pattern ({@code -Dtest=dev/cairn/junit/**}) would run it beside them, sharing their records.
 */
final class SampleOnly implements ExecutionCondition {
    static final String PARAMETER = "cairn.junit.sample";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(PARAMETER).isPresent()
                ? ConditionEvaluationResult.enabled("run by Samples.run")
                : ConditionEvaluationResult.disabled("a sample, run by the test that checks it");
    }
}
