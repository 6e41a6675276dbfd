package io.gridshift.aggregator.config;

import io.gridshift.aggregator.api.auth.ApiAuthOptions;
import io.gridshift.aggregator.api.auth.ApiJwt;
import io.gridshift.aggregator.api.auth.ApiRole;
import io.gridshift.aggregator.api.auth.ApiToken;
import io.gridshift.aggregator.coap.CoapDtlsOptions;
import io.gridshift.domain.config.Option;
import io.gridshift.domain.config.Parsers;
import io.gridshift.domain.config.Settings;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.error.InvalidFieldException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The security options of a node: who may use the REST API (hashed tokens, a JWT key, an optional
 * anonymous role), its per-client rate limit and audit file, and the CoAP ingress's DTLS keys.
 * Secrets are read from files, checked at start, and never logged.
 */
final class SecurityConfig {
    static final Option<String> API_TOKENS =
            Option.optional(
                    "api.tokens",
                    Parsers.text(),
                    "API tokens as `name:role:sha256hex`, comma-separated (role viewer, operator or"
                            + " admin; the SHA-256 of the token, never the token).");
    static final Option<Path> API_TOKENS_FILE =
            Option.optional(
                    "api.tokensFile",
                    Parsers.path(),
                    "File of API tokens, one `name:role:sha256hex` a line (# comments).");
    static final Option<Path> API_JWT_KEY_FILE =
            Option.optional(
                    "api.jwt.keyFile",
                    Parsers.path(),
                    "File with the JWT key: the HMAC secret (HS*) or a PEM public key (RS256,"
                            + " ES256); unset: JWTs are refused.");
    static final Option<String> API_JWT_ALGORITHM =
            Option.of(
                    "api.jwt.algorithm",
                    "HS256",
                    Parsers.text(),
                    "JWT signature algorithm: HS256, HS384, HS512, RS256 or ES256.");
    static final Option<String> API_JWT_ISSUER =
            Option.optional("api.jwt.issuer", Parsers.text(), "The `iss` every JWT must carry.");
    static final Option<String> API_JWT_AUDIENCE =
            Option.optional("api.jwt.audience", Parsers.text(), "The `aud` every JWT must carry.");
    static final Option<String> API_ANONYMOUS =
            Option.optional(
                    "api.anonymousRole",
                    Parsers.text(),
                    "Role of a request without credentials (viewer, operator or admin); unset:"
                            + " refused with 401.");
    static final Option<Double> API_CLIENT_RATE =
            Option.of(
                    "api.clientRate",
                    "20",
                    Parsers.number(0, 1_000_000),
                    "Requests a second one API client may make (0: no limit).");
    static final Option<Double> API_CLIENT_BURST =
            Option.of(
                    "api.clientBurst",
                    "100",
                    Parsers.number(1, 1_000_000),
                    "Requests one API client may make at once.");
    static final Option<Path> API_AUDIT_FILE =
            Option.of(
                    "api.auditFile",
                    "data/audit.jsonl",
                    Parsers.path(),
                    "Where changes made through the API (and refused attempts) are appended, one"
                            + " JSON object a line.");
    static final Option<Path> COAP_PSK_FILE =
            Option.optional(
                    "coap.pskFile",
                    Parsers.path(),
                    "File of DTLS pre-shared keys, one `site:secret` a line; set: the CoAP port"
                            + " speaks only DTLS and a site may use only its own resources.");

    private SecurityConfig() {}

    static List<Option<?>> all() {
        return List.of(
                API_TOKENS,
                API_TOKENS_FILE,
                API_JWT_KEY_FILE,
                API_JWT_ALGORITHM,
                API_JWT_ISSUER,
                API_JWT_AUDIENCE,
                API_ANONYMOUS,
                API_CLIENT_RATE,
                API_CLIENT_BURST,
                API_AUDIT_FILE,
                COAP_PSK_FILE);
    }

    static ApiAuthOptions api(Settings s) {
        List<ApiToken> tokens = new ArrayList<>();
        s.find(API_TOKENS).ifPresent(t -> tokens.addAll(entries(t.split(","))));
        s.find(API_TOKENS_FILE)
                .ifPresent(f -> tokens.addAll(entries(read(f, API_TOKENS_FILE.key()).split("\n"))));
        long names = tokens.stream().map(ApiToken::name).distinct().count();
        if (names != tokens.size()) {
            throw new InvalidFieldException(
                    API_TOKENS.key(), "unique", null, "a token name appears twice");
        }
        ApiJwt jwt =
                s.find(API_JWT_KEY_FILE)
                        .map(
                                f ->
                                        new ApiJwt(
                                                s.get(API_JWT_ALGORITHM),
                                                read(f, API_JWT_KEY_FILE.key()),
                                                s.find(API_JWT_ISSUER).orElse(null),
                                                s.find(API_JWT_AUDIENCE).orElse(null)))
                        .orElse(null);
        return new ApiAuthOptions(
                tokens,
                jwt,
                s.find(API_ANONYMOUS).map(r -> ApiRole.parse(API_ANONYMOUS.key(), r)).orElse(null),
                s.get(API_CLIENT_RATE),
                s.get(API_CLIENT_BURST),
                s.get(API_AUDIT_FILE));
    }

    static CoapDtlsOptions coapDtls(Settings s) {
        return s.find(COAP_PSK_FILE)
                .map(f -> CoapDtlsOptions.parse(read(f, COAP_PSK_FILE.key())))
                .orElse(null);
    }

    private static List<ApiToken> entries(String[] lines) {
        List<ApiToken> out = new ArrayList<>();
        for (String line : lines) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                out.add(ApiToken.parse(l));
            }
        }
        return out;
    }

    private static String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new GridshiftException(
                    ErrorKind.BAD_INPUT,
                    "config_unreadable",
                    option + ": cannot read " + file + ": " + e.getClass().getSimpleName(),
                    e);
        }
    }
}
