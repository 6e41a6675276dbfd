package io.gridshift.aggregator.api.auth;

import java.nio.file.Path;
import java.util.List;

/**
 * Who may use the REST API and how fast.
 *
 * @param tokens the API tokens (hashed); may be empty
 * @param jwt how JWTs are checked; {@code null}: JWTs are not accepted
 * @param anonymous the role of a request without credentials; {@code null} (the default): none,
 *     such a request gets 401
 * @param clientRate requests a second one client may make, sustained (0: no limit)
 * @param clientBurst requests one client may make at once
 * @param auditFile where operator actions are appended as JSON lines; {@code null}: the log only
 *     keeps them through the {@link AuditLog} the node is given
 */
public record ApiAuthOptions(
        List<ApiToken> tokens,
        ApiJwt jwt,
        ApiRole anonymous,
        double clientRate,
        double clientBurst,
        Path auditFile) {

    public ApiAuthOptions {
        tokens = List.copyOf(tokens);
        if (clientRate < 0 || clientBurst < 1) {
            throw new io.gridshift.domain.error.InvalidFieldException(
                    "api.clientRate",
                    "range",
                    clientRate,
                    "must be >= 0, and api.clientBurst >= 1");
        }
    }

    /** No credentials: every API request is refused until tokens or a JWT key are configured. */
    public static ApiAuthOptions defaults() {
        return new ApiAuthOptions(List.of(), null, null, 20, 100, Path.of("data/audit.jsonl"));
    }

    public ApiAuthOptions withTokens(List<ApiToken> t) {
        return new ApiAuthOptions(t, jwt, anonymous, clientRate, clientBurst, auditFile);
    }

    public ApiAuthOptions withJwt(ApiJwt j) {
        return new ApiAuthOptions(tokens, j, anonymous, clientRate, clientBurst, auditFile);
    }

    public ApiAuthOptions withAnonymous(ApiRole r) {
        return new ApiAuthOptions(tokens, jwt, r, clientRate, clientBurst, auditFile);
    }

    public ApiAuthOptions withClientRate(double perSecond, double burst) {
        return new ApiAuthOptions(tokens, jwt, anonymous, perSecond, burst, auditFile);
    }

    public ApiAuthOptions withAuditFile(Path f) {
        return new ApiAuthOptions(tokens, jwt, anonymous, clientRate, clientBurst, f);
    }

    /** Whether any credential can succeed at all. */
    public boolean anyCredential() {
        return !tokens.isEmpty() || jwt != null || anonymous != null;
    }
}
