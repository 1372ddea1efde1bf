package dev.cairn.spring.actuate;

import dev.cairn.core.Cairn;
import dev.cairn.migrations.Migrator;
import dev.cairn.spring.CairnAutoConfiguration;
import dev.cairn.spring.CairnMigrationsAutoConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * The actuator's view of Cairn: the {@code cairn} health indicator and the {@code cairn} migrations endpoint. Used
 * by Spring while the context starts; holds no state.
 */
@AutoConfiguration(after = {CairnAutoConfiguration.class, CairnMigrationsAutoConfiguration.class})
public final class CairnActuatorAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnBean(Cairn.class)
    @ConditionalOnEnabledHealthIndicator("cairn")
    static final class Health {
        @Bean
        @ConditionalOnMissingBean(name = "cairnHealthIndicator")
        CairnHealthIndicator cairnHealthIndicator(Cairn cairn) {
            return new CairnHealthIndicator(cairn);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    @ConditionalOnAvailableEndpoint(CairnEndpoint.class)
    static final class Migrations {
        @Bean
        @ConditionalOnMissingBean
        CairnEndpoint cairnEndpoint(ObjectProvider<Cairn> cairn, ObjectProvider<Migrator> migrators) {
            Map<String, Migrator> reported = new LinkedHashMap<>();
            Cairn store = cairn.getIfAvailable();
            if (store != null && ClassUtils.isPresent("dev.cairn.store.jdbc.SqlStoreProvider",
                    CairnActuatorAutoConfiguration.class.getClassLoader())) {
                StoreMigrators.of(store).ifPresent(migrator -> reported.put("store", migrator));
            }
            migrators.orderedStream().findFirst().ifPresent(migrator -> reported.put("application", migrator));
            return new CairnEndpoint(reported);
        }
    }
}
