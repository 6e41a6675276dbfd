package io.gridshift.edge;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import java.util.ArrayList;
import java.util.List;

/**
 * MQTT topic names of the edge protocol: {@code {prefix}/sites/{site}/{channel}}, with the prefix
 * {@code gridshift/v1} unless configured. Aggregator nodes subscribe with MQTT v5 shared
 * subscriptions so that the cluster splits the ingest.
 */
public final class EdgeTopics {
    public static final String DEFAULT_PREFIX = "gridshift/v1";

    /** The share group aggregator nodes join unless configured otherwise. */
    public static final String DEFAULT_SHARE_GROUP = "gridshift";

    private static final String SITES = "sites";
    private static final EdgeTopics DEFAULT = new EdgeTopics(DEFAULT_PREFIX);

    private final String prefix;
    private final int prefixLevels;

    /**
     * @param prefix one or more topic levels without wildcards, e.g. {@code gridshift/v1} or {@code
     *     tenant-a/gridshift/v1}
     */
    public EdgeTopics(String prefix) {
        this.prefix = checkPrefix(prefix);
        this.prefixLevels = prefix.split("/", -1).length;
    }

    /** Topics under {@link #DEFAULT_PREFIX}. */
    public static EdgeTopics defaults() {
        return DEFAULT;
    }

    public String prefix() {
        return prefix;
    }

    /** The topic a message of {@code channel} for {@code site} is published on. */
    public String topic(SiteId site, Channel channel) {
        return prefix + "/" + SITES + "/" + site.value() + "/" + channel.segment();
    }

    /** A filter matching {@code channel} of every site: {@code {prefix}/sites/+/{channel}}. */
    public String filter(Channel channel) {
        return prefix + "/" + SITES + "/+/" + channel.segment();
    }

    /** {@code $share/{group}/{prefix}/sites/+/{channel}} (MQTT v5 §4.8.2). */
    public String sharedFilter(String group, Channel channel) {
        return "$share/" + checkShareGroup(group) + "/" + filter(channel);
    }

    /** The shared filters for every channel an aggregator node receives (agent to aggregator). */
    public List<String> aggregatorFilters(String group) {
        List<String> filters = new ArrayList<>();
        for (Channel c : Channel.values()) {
            if (c.direction() == Channel.Direction.AGENT_TO_AGGREGATOR) {
                filters.add(sharedFilter(group, c));
            }
        }
        return List.copyOf(filters);
    }

    /**
     * The site and channel of a topic a message arrived on.
     *
     * @throws InvalidFieldException (field {@code topic}) when the topic is not {@code
     *     {prefix}/sites/{site}/{channel}} with a valid site id and a known channel
     */
    public EdgeAddress parse(String topic) {
        if (topic == null) {
            throw new InvalidFieldException("topic", "required", null, "is required");
        }
        String[] levels = topic.split("/", -1);
        String shape = "must be " + prefix + "/sites/{site}/{channel}";
        if (levels.length != prefixLevels + 3
                || !topic.startsWith(prefix + "/")
                || !SITES.equals(levels[prefixLevels])) {
            throw new InvalidFieldException("topic", "pattern", topic, shape);
        }
        return Addresses.of("topic", topic, levels[prefixLevels + 1], levels[prefixLevels + 2]);
    }

    private static String checkPrefix(String prefix) {
        if (prefix == null) {
            throw new InvalidFieldException("prefix", "required", null, "is required");
        }
        boolean ok = !prefix.isEmpty() && !prefix.startsWith("$") && prefix.length() <= 128;
        for (String level : prefix.split("/", -1)) {
            ok &= !level.isEmpty() && noReservedChars(level);
        }
        if (!ok) {
            throw new InvalidFieldException(
                    "prefix",
                    "pattern",
                    prefix,
                    "must be topic levels without wildcards, empty levels or a leading $");
        }
        return prefix;
    }

    private static String checkShareGroup(String group) {
        if (group == null
                || group.isEmpty()
                || group.indexOf('/') >= 0
                || !noReservedChars(group)) {
            throw new InvalidFieldException(
                    "group", "pattern", group, "must be one topic level without wildcards");
        }
        return group;
    }

    private static boolean noReservedChars(String level) {
        for (int i = 0; i < level.length(); i++) {
            char c = level.charAt(i);
            if (c == '+' || c == '#' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "EdgeTopics[" + prefix + "]";
    }
}
