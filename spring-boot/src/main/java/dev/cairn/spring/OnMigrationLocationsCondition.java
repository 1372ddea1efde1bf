package dev.cairn.spring;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code cairn.migrations.locations} names at least one location, written as a comma-separated value
 * or as an indexed list in YAML (which {@code @ConditionalOnProperty} would not see).
 */
final class OnMigrationLocationsCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        List<String> locations = Binder.get(context.getEnvironment())
                .bind("cairn.migrations.locations", Bindable.listOf(String.class)).orElse(List.of());
        return locations.stream().anyMatch(location -> !location.isBlank())
                ? ConditionOutcome.match("cairn.migrations.locations is " + locations)
                : ConditionOutcome.noMatch("cairn.migrations.locations is not set");
    }
}
