package io.gridshift.aggregator.coap;

import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.aggregator.fleet.Origin;
import io.gridshift.aggregator.ingest.EdgeIngest;
import io.gridshift.aggregator.schedule.ScheduleBoard;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.Channel;
import io.gridshift.edge.EdgeAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.server.resources.Resource;

/**
 * {@code /v1/sites}: every valid site id has its resources, made on the site's first request (the
 * aggregator knows no site list; the fleet state takes any site that reports). The resources hang
 * in Californium's tree so that their URIs, discovery and observe relations work as usual.
 */
final class SitesResource extends CoapResource {
    /** The most sites one node serves over CoAP (one small resource subtree each). */
    static final int MAX_SITES = 200_000;

    private final EdgeIngest ingest;
    private final DispatchService dispatch;
    private final EdgeCodecs codecs;
    private final Origin origin;
    private final ScheduleBoard board;
    private final ConcurrentHashMap<SiteId, Site> sites = new ConcurrentHashMap<>();

    SitesResource(
            EdgeIngest ingest,
            DispatchService dispatch,
            EdgeCodecs codecs,
            Origin origin,
            ScheduleBoard board) {
        super("sites");
        this.board = board;
        this.ingest = ingest;
        this.dispatch = dispatch;
        this.codecs = codecs;
        this.origin = origin;
    }

    /**
     * The resource an address names, making the site's resources if needed.
     *
     * @throws GridshiftException {@link ErrorKind#UNAVAILABLE} ({@code site_limit}) when this node
     *     already serves {@link #MAX_SITES} sites: a peer inventing site ids cannot grow the
     *     resource tree without bound (authenticated sites come with the security issue)
     */
    Resource resource(EdgeAddress address) {
        Site site = sites.get(address.site());
        if (site == null) {
            if (sites.size() >= MAX_SITES) {
                throw new GridshiftException(
                        ErrorKind.UNAVAILABLE,
                        "site_limit",
                        "site: this node already serves " + MAX_SITES + " CoAP sites");
            }
            site = sites.computeIfAbsent(address.site(), this::create);
        }
        return site.channels().get(address.channel());
    }

    /** The site's dispatch resource if it exists; never makes one. */
    DispatchResource existingDispatch(SiteId site) {
        Site s = sites.get(site);
        return s == null ? null : s.dispatch();
    }

    /** The site's plan resource if it exists; never makes one. */
    PlanResource existingPlan(SiteId site) {
        Site s = sites.get(site);
        return s == null ? null : (PlanResource) s.channels().get(Channel.PLAN);
    }

    private Site create(SiteId site) {
        CoapResource parent = new CoapResource(site.value());
        Map<Channel, Resource> channels = new EnumMap<>(Channel.class);
        DispatchResource dispatchResource = null;
        for (Channel c : Channel.values()) {
            CoapResource r;
            if (c == Channel.DISPATCH) {
                dispatchResource = new DispatchResource(site, dispatch, codecs);
                r = dispatchResource;
            } else if (c == Channel.PLAN) {
                r = new PlanResource(site, board, codecs);
            } else {
                r = new UplinkResource(new EdgeAddress(site, c), ingest, codecs, origin);
            }
            parent.add(r);
            channels.put(c, r);
        }
        add(parent);
        return new Site(Map.copyOf(channels), dispatchResource);
    }

    /** One site's five resources. */
    private record Site(Map<Channel, Resource> channels, DispatchResource dispatch) {}
}
