package io.gridshift.domain.event;

import io.gridshift.domain.Check;
import java.util.Set;

/**
 * Whom an event addresses. OpenADR allows several kinds of target at once; an empty set of every
 * kind means the whole VEN.
 *
 * @param venIds VENs addressed by id
 * @param resourceIds resources (in Gridshift: sites) addressed by id
 * @param groupIds groups addressed by id (in Gridshift: zones or named site groups)
 * @param partyIds parties addressed by id
 */
public record EventTargets(
        Set<String> venIds, Set<String> resourceIds, Set<String> groupIds, Set<String> partyIds) {
    public static final EventTargets ALL = new EventTargets(Set.of(), Set.of(), Set.of(), Set.of());

    public EventTargets {
        venIds = copy("venIds", venIds);
        resourceIds = copy("resourceIds", resourceIds);
        groupIds = copy("groupIds", groupIds);
        partyIds = copy("partyIds", partyIds);
    }

    private static Set<String> copy(String field, Set<String> ids) {
        Set<String> copy = Set.copyOf(Check.size(field, ids, 0, Check.MAX_LIST_SIZE));
        for (String id : copy) {
            Check.text(field, id);
        }
        return copy;
    }

    /** True when no target is named: the event is for the whole VEN. */
    public boolean isWholeVen() {
        return venIds.isEmpty()
                && resourceIds.isEmpty()
                && groupIds.isEmpty()
                && partyIds.isEmpty();
    }

    /**
     * Whether the event applies to a VEN: it does when it targets the VEN as a whole or by id, or
     * names any resource, group or party (which the VEN then resolves to its sites).
     */
    public boolean addresses(String venId) {
        return isWholeVen()
                || venIds.contains(venId)
                || !resourceIds.isEmpty()
                || !groupIds.isEmpty()
                || !partyIds.isEmpty();
    }
}
