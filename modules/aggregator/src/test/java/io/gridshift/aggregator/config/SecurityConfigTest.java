package io.gridshift.aggregator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.aggregator.AggregatorOptions;
import io.gridshift.aggregator.api.auth.ApiRole;
import io.gridshift.aggregator.api.auth.ApiToken;
import io.gridshift.aggregator.api.auth.AuditEntry;
import io.gridshift.aggregator.api.auth.JsonLinesAuditLog;
import io.gridshift.domain.error.InvalidFieldException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityConfigTest {
    @TempDir Path dir;

    private static AggregatorOptions options(Map<String, String> env) {
        return AggregatorConfig.options(AggregatorConfig.load(null, env));
    }

    @Test
    void byDefaultNoCredentialOpensTheApiAndCoapIsPlain() {
        AggregatorOptions o = options(Map.of());
        assertThat(o.api().anyCredential()).isFalse();
        assertThat(o.api().auditFile()).isEqualTo(Path.of("data/audit.jsonl"));
        assertThat(o.coapDtls()).isNull();
    }

    @Test
    void tokensComeHashedFromTheEnvironmentAndAFile() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(
                file, "# operators\n" + ApiToken.entry("ops", ApiRole.OPERATOR, "t-ops") + "\n");
        AggregatorOptions o =
                options(
                        Map.of(
                                "GRIDSHIFT_AGGREGATOR_API_TOKENS",
                                ApiToken.entry("dash", ApiRole.VIEWER, "t-dash"),
                                "GRIDSHIFT_AGGREGATOR_API_TOKENS_FILE",
                                file.toString()));
        assertThat(o.api().tokens())
                .extracting(ApiToken::name, ApiToken::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dash", ApiRole.VIEWER),
                        org.assertj.core.groups.Tuple.tuple("ops", ApiRole.OPERATOR));
        assertThat(o.api().tokens().toString()).doesNotContain("t-ops");
    }

    @Test
    void aPastedTokenInsteadOfItsHashIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(
                        () ->
                                options(
                                        Map.of(
                                                "GRIDSHIFT_AGGREGATOR_API_TOKENS",
                                                "ops:operator:my-very-secret-token")))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("api.tokens")
                .hasMessageContaining("SHA-256")
                .hasMessageNotContaining("my-very-secret-token");
        assertThatThrownBy(
                        () ->
                                options(
                                        Map.of(
                                                "GRIDSHIFT_AGGREGATOR_API_TOKENS",
                                                "ops:root:" + "0".repeat(64))))
                .hasMessageContaining("must be one of viewer, operator, admin");
    }

    @Test
    void aShortJwtSecretIsRefusedAtStart() throws Exception {
        Path key = dir.resolve("jwt.key");
        Files.writeString(key, "short");
        assertThatThrownBy(
                        () ->
                                options(
                                        Map.of(
                                                "GRIDSHIFT_AGGREGATOR_API_JWT_KEY_FILE",
                                                key.toString())))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("api.jwt.keyFile")
                .hasMessageContaining("at least 32")
                .hasMessageNotContaining("short");
    }

    @Test
    void coapKeysComeFromAPskFileAndAreChecked() throws Exception {
        Path psk = dir.resolve("coap.psk");
        Files.writeString(psk, "dc-a:secret-of-site-a-0123\n# gone\ndc-b:secret-of-site-b-4567\n");
        AggregatorOptions o = options(Map.of("GRIDSHIFT_AGGREGATOR_COAP_PSK_FILE", psk.toString()));
        assertThat(o.coapDtls().keys()).containsOnlyKeys("dc-a", "dc-b");
        assertThat(o.coapDtls().toString()).doesNotContain("secret");
        Files.writeString(psk, "dc-a:short\n");
        assertThatThrownBy(
                        () -> options(Map.of("GRIDSHIFT_AGGREGATOR_COAP_PSK_FILE", psk.toString())))
                .hasMessageContaining("coap.pskFile")
                .hasMessageContaining("at least 16 bytes");
    }

    @Test
    void theAuditLogAppendsOneJsonObjectALine() throws Exception {
        JsonLinesAuditLog log = new JsonLinesAuditLog(dir.resolve("audit/audit.jsonl"));
        Instant at = Instant.parse("2025-06-01T12:00:00Z");
        log.record(
                new AuditEntry(
                        "ops", "POST /api/v1/dispatches", "/api/v1/dispatches/d1", "201", at));
        log.record(
                new AuditEntry("dash", "POST /api/v1/dispatches", "/api/v1/dispatches", "403", at));
        var lines = Files.readAllLines(log.file());
        assertThat(lines).hasSize(2);
        JsonObject first = new JsonObject(lines.get(0));
        assertThat(first.getString("actor")).isEqualTo("ops");
        assertThat(first.getString("target")).isEqualTo("/api/v1/dispatches/d1");
        assertThat(first.getString("at")).isEqualTo("2025-06-01T12:00:00Z");
    }
}
