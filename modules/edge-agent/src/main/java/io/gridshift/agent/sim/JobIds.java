package io.gridshift.agent.sim;

import io.gridshift.domain.Ids;
import io.gridshift.domain.site.SiteId;
import java.util.Locale;

/**
 * Job ids of the simulated sites, unique across the fleet: a job that migrates lands at another
 * site under its own id, so two sites must never name two jobs alike. Each id starts with the site
 * id; a site id too long to leave room for the job's own part is cut and given a hash of the whole,
 * so that two long ids that share their start still differ.
 */
final class JobIds {
    /** Room kept for the job's own part (e.g. {@code -t12-345}). */
    private static final int ROOM = 14;

    private JobIds() {}

    /** The prefix of every job id of {@code site}, ending in {@code tag}. */
    static String prefix(SiteId site, String tag) {
        String s = site.value();
        int keep = Ids.MAX_LENGTH - ROOM - tag.length();
        if (s.length() > keep) {
            String hash = Integer.toHexString(s.hashCode() & 0x7fffffff);
            s = s.substring(0, keep - hash.length() - 1) + "-" + hash;
        }
        return (s + tag).toLowerCase(Locale.ROOT);
    }
}
