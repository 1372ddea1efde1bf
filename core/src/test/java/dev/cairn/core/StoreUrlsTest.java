package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreUrlsTest {
    @Test
    void schemeIsWhatComesBeforeTheFirstColonWithoutJdbc() {
        assertThat(StoreUrls.scheme("sqlite:plan.db")).isEqualTo("sqlite");
        assertThat(StoreUrls.scheme("memory:")).isEqualTo("memory");
        assertThat(StoreUrls.scheme("h2:mem:x")).isEqualTo("h2");
        assertThat(StoreUrls.scheme("jdbc:postgresql://db/plan")).isEqualTo("postgresql");
        assertThat(StoreUrls.scheme("plan.db")).isEmpty();
        assertThat(StoreUrls.location("h2:mem:x")).isEqualTo("mem:x");
        assertThat(StoreUrls.location("sqlite:plan.db?migrate=off")).isEqualTo("plan.db");
    }

    @Test
    void passwordsAreMaskedInUserInfoAndParameters() {
        assertThat(StoreUrls.mask("postgresql://app:s3cret@db/plan"))
                .isEqualTo("postgresql://app:****@db/plan");
        assertThat(StoreUrls.mask("postgresql://db/plan?user=app&password=s3cret&schema=x"))
                .isEqualTo("postgresql://db/plan?user=app&password=****&schema=x");
        assertThat(StoreUrls.mask("sqlite:plan.db")).isEqualTo("sqlite:plan.db");
    }

    @Test
    void passwordsHoldingAtSignsSlashesOrColonsAreMaskedWhole() {
        assertThat(StoreUrls.mask("postgresql://app:p@ss@db/plan")).isEqualTo("postgresql://app:****@db/plan");
        assertThat(StoreUrls.mask("postgresql://app:pa/ss@db/plan")).isEqualTo("postgresql://app:****@db/plan");
        assertThat(StoreUrls.mask("postgresql://app:a:b@db:5432/plan?schema=x"))
                .isEqualTo("postgresql://app:****@db:5432/plan?schema=x");
        assertThat(StoreUrls.mask("postgresql://db:5432/plan?user=a@b")).isEqualTo("postgresql://db:5432/plan?user=a@b");
        assertThat(StoreUrls.mask("postgresql://db/plan?sslpassword=k3y&sslmode=verify-full"))
                .isEqualTo("postgresql://db/plan?sslpassword=****&sslmode=verify-full");
    }

    @Test
    void queryParametersAreDecoded() {
        assertThat(StoreUrls.queryParameters("postgresql://db/plan?schema=tenant%201&migrate=off"))
                .containsEntry("schema", "tenant 1")
                .containsEntry("migrate", "off");
    }
}
