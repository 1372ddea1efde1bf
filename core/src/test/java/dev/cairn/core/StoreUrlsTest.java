package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** Passwords holding each character that means something in a URL, raw and percent-encoded. */
    static Stream<String> passwords() {
        String special = " !\"#$%&'()*+,/:;<=>?@[\\]^`{|}~";
        List<String> passwords = new ArrayList<>();
        for (char c : special.toCharArray()) {
            passwords.add("Sekr" + c + "tZ9");
            passwords.add(c + "Sekr" + c + c + "tZ9" + c);
        }
        passwords.add("Sekr" + special + "tZ9");
        return passwords.stream();
    }

    @ParameterizedTest
    @MethodSource("passwords")
    void noPasswordSurvivesMaskingWhateverItHolds(String password) {
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
        List<String> urls = List.of(
                "postgresql://ana:" + password + "@db.example:5432/plan?schema=t",
                "postgresql://ana:" + password + "@db.example/plan",
                "postgresql://ana:" + encoded + "@db.example:5432/plan?schema=t&ApplicationName=me@work",
                "postgresql:/ana:" + password + "@db.example/plan",
                "postgresql:ana:" + password + "@db.example/plan",
                "jdbc:postgresql://ana:" + password + "@db-1,db-2:5433/plan",
                "postgresql://ana:" + password + "@db.example",
                "postgresql://db.example/plan?user=ana&password=" + encoded + "&schema=t",
                "h2:mem:x;PASSWORD=" + password.replace(";", ""));
        for (String url : urls) {
            String secret = url.startsWith("h2:") ? password.replace(";", "") : url.contains(encoded) ? encoded : password;
            CairnConfig config = CairnConfig.builder(url).build();
            assertThat(StoreUrls.mask(url)).as(url).doesNotContain(secret).contains("****");
            assertThat(config.mask("driver said: password " + secret + " was wrong for " + url))
                    .as(url).doesNotContain(secret);
            assertThat(StoreUrls.withoutSecrets(url)).as(url).doesNotContain(secret);
        }
    }

    @Test
    void aQuestionMarkInThePasswordDoesNotStartTheQuery() {
        String url = "postgresql://ana:pa?ss#w@db.example/plan?schema=t";
        assertThat(StoreUrls.location(url)).isEqualTo("//ana:pa?ss#w@db.example/plan");
        assertThat(StoreUrls.queryParameters(url)).containsExactly(Map.entry("schema", "t"));
    }

    @Test
    void withoutSecretsKeepsEverythingElse() {
        assertThat(StoreUrls.withoutSecrets("postgresql://ana:pw@db/plan?schema=t&password=x&sslmode=require"))
                .isEqualTo("postgresql://ana@db/plan?schema=t&sslmode=require");
        assertThat(StoreUrls.withoutSecrets("sqlite:plan.db")).isEqualTo("sqlite:plan.db");
    }
}
