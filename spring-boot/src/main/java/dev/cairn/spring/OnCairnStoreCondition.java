package dev.cairn.spring;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Matches when a store is configured: {@code cairn.url} is set, or {@code cairn.datasource=application}. */
final class OnCairnStoreCondition extends AnyNestedCondition {

    OnCairnStoreCondition() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(prefix = "cairn", name = "url")
    static final class UrlSet {
    }

    @ConditionalOnProperty(prefix = "cairn", name = "datasource", havingValue = "application")
    static final class ApplicationDataSource {
    }
}
