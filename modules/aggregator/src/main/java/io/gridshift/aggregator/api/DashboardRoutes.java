package io.gridshift.aggregator.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The operators' dashboard ({@code modules/dashboard}): static files under {@link #ROOT} on the
 * class path, served at {@link #PATH} when its jar is there, with {@code /} sent to it. Without the
 * jar the API serves no pages and nothing else changes.
 */
public final class DashboardRoutes {
    /** Where the dashboard's built files are on the class path. */
    public static final String ROOT = "gridshift-dashboard";

    /** Where the aggregator serves them. */
    public static final String PATH = "/dashboard/";

    private DashboardRoutes() {}

    /** Whether the dashboard's files are on the class path. */
    public static boolean present() {
        return DashboardRoutes.class.getClassLoader().getResource(ROOT + "/index.html") != null;
    }

    static void mount(Router router) {
        if (!present()) {
            return;
        }
        // regular expressions: a plain "/dashboard" route would match "/dashboard/" too and loop
        router.getWithRegex("^/(dashboard)?$").handler(ctx -> ctx.redirect(PATH));
        router.route(PATH + "*").handler(StaticHandler.create(ROOT).setCachingEnabled(false));
    }
}
