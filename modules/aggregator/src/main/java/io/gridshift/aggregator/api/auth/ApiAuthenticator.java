package io.gridshift.aggregator.api.auth;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.List;

/**
 * Turns an {@code Authorization} header into an {@link ApiClient}: {@code Bearer <token>} where the
 * token is a configured API token (compared by SHA-256 in constant time) or, when a JWT key is
 * configured, a JWT checked by Vert.x auth-jwt (signature, expiry, issuer, audience). Failures say
 * why without echoing the credential.
 */
public final class ApiAuthenticator {
    static final int MAX_HEADER = 8192;

    private final List<ApiToken> tokens;
    private final ApiRole anonymous;
    private final JWTAuth jwt;

    public ApiAuthenticator(Vertx vertx, ApiAuthOptions options) {
        this.tokens = options.tokens();
        this.anonymous = options.anonymous();
        this.jwt = options.jwt() == null ? null : jwtAuth(vertx, options.jwt());
    }

    private static JWTAuth jwtAuth(Vertx vertx, ApiJwt j) {
        JWTOptions checks = new JWTOptions().setLeeway(5);
        if (j.issuer() != null) {
            checks.setIssuer(j.issuer());
        }
        if (j.audience() != null) {
            checks.setAudience(List.of(j.audience()));
        }
        return JWTAuth.create(
                vertx,
                new JWTAuthOptions()
                        .addPubSecKey(
                                new PubSecKeyOptions()
                                        .setAlgorithm(j.algorithm())
                                        .setBuffer(j.key()))
                        .setJWTOptions(checks));
    }

    /** The client {@code authorization} (the header's value, {@code null} when absent) proves. */
    public Future<ApiClient> authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return anonymous == null
                    ? refuse("missing_credentials", "Authorization: a Bearer token is required")
                    : Future.succeededFuture(new ApiClient("anonymous", anonymous, "none"));
        }
        if (authorization.length() > MAX_HEADER
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refuse("bad_scheme", "Authorization: must be 'Bearer <token>'");
        }
        String credential = authorization.substring(7).strip();
        if (jwt != null && credential.chars().filter(c -> c == '.').count() == 2) {
            return jwt.authenticate(new TokenCredentials(credential))
                    .recover(
                            e ->
                                    refuse(
                                            "invalid_jwt",
                                            "Authorization: the JWT is invalid or expired"))
                    .compose(ApiAuthenticator::fromJwt);
        }
        byte[] digest = ApiToken.digest(credential);
        ApiToken found = null;
        for (ApiToken t : tokens) {
            // every entry is compared, so the time taken does not tell which one matched
            if (t.matches(digest)) {
                found = t;
            }
        }
        return found == null
                ? refuse("invalid_token", "Authorization: the token is not known")
                : Future.succeededFuture(new ApiClient(found.name(), found.role(), "token"));
    }

    private static Future<ApiClient> fromJwt(User user) {
        JsonObject claims = user.attributes().getJsonObject("accessToken", user.principal());
        String subject = claims.getString("sub");
        if (subject == null || subject.isBlank() || subject.length() > 128) {
            return refuse("invalid_jwt", "sub: the JWT must name its subject");
        }
        if (!(claims.getValue("exp") instanceof Number)) {
            // a token that never expires cannot be withdrawn short of changing the key
            return refuse("invalid_jwt", "exp: the JWT must carry an expiry");
        }
        ApiRole role = null;
        Object roles = claims.getValue("roles");
        if (roles instanceof JsonArray a) {
            for (Object r : a) {
                ApiRole one = roleOrNull(r);
                if (one != null && (role == null || one.includes(role))) {
                    role = one;
                }
            }
        } else {
            role = roleOrNull(claims.getValue("role"));
        }
        if (role == null) {
            return Future.failedFuture(
                    new GridshiftException(
                            ErrorKind.FORBIDDEN,
                            "no_role",
                            "roles: the JWT grants none of viewer, operator, admin"));
        }
        return Future.succeededFuture(new ApiClient(subject, role, "jwt"));
    }

    private static ApiRole roleOrNull(Object claim) {
        if (!(claim instanceof String s)) {
            return null;
        }
        for (ApiRole r : ApiRole.values()) {
            if (r.label().equals(s)) {
                return r;
            }
        }
        return null;
    }

    private static <T> Future<T> refuse(String reason, String message) {
        return Future.failedFuture(
                new GridshiftException(ErrorKind.UNAUTHENTICATED, reason, message));
    }
}
