package dev.cairn.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.StoreConfigurationException;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {
    @Test
    void readsHostsDatabaseAndPercentEscapedCredentialsKeepingPlusSigns() {
        PostgresUrl url = PostgresUrl.parse(CairnConfig.of("postgresql://app:pa+ss%40w0rd@db1:5432,db2/plan?schema=x"));

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db1:5432,db2/plan");
        assertThat(url.host()).isEqualTo("db1");
        assertThat(url.user()).contains("app");
        assertThat(url.password()).contains("pa+ss@w0rd");
    }

    @Test
    void theUrlsCredentialsWinOverProperties() {
        CairnConfig config = CairnConfig.builder("postgresql://app@db/plan").property("user", "other")
                .property("password", "s3cret").build();

        PostgresUrl url = PostgresUrl.parse(config);

        assertThat(url.user()).contains("app");
        assertThat(url.password()).contains("s3cret");
    }

    @Test
    void aStrayPercentSignIsAConfigurationErrorThatKeepsThePasswordMasked() {
        assertThatThrownBy(() -> PostgresUrl.parse(CairnConfig.of("postgresql://app:50%off@db/plan")))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("postgresql://app:****@db/plan")
                .hasMessageNotContaining("50%off");
    }
}
