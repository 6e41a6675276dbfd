package io.gridshift.vtn.oadr;

import io.gridshift.openadr.event.XcalTime;
import io.gridshift.openadr.message.OadrResponseCode;
import io.gridshift.vtn.VtnConfig;
import io.gridshift.vtn.VtnTls;
import io.gridshift.vtn.ven.Ven;
import io.gridshift.vtn.ven.VenRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.openadr.oadr20b.OadrCancelPartyRegistrationType;
import org.openadr.oadr20b.OadrCanceledPartyRegistrationType;
import org.openadr.oadr20b.OadrCreatePartyRegistrationType;
import org.openadr.oadr20b.OadrCreatedPartyRegistrationType;
import org.openadr.oadr20b.OadrProfiles;
import org.openadr.oadr20b.OadrQueryRegistrationType;
import org.openadr.oadr20b.OadrTransportType;
import org.openadr.oadr20b.OadrTransports;
import org.openadr.oadr20b.ei.EiResponseType;
import org.openadr.oadr20b.xcal.DurationPropType;

/**
 * EiRegisterParty: {@code oadrQueryRegistration}, {@code oadrCreatePartyRegistration} and {@code
 * oadrCancelPartyRegistration}. The VTN offers profile 2.0b over simpleHttp, pull or push (a push
 * VEN names its {@code oadrTransportAddress}), without XML signatures; a registration asking for
 * anything else is refused with 451 (not allowed). Over TLS the registration is bound to the
 * fingerprint of the VEN's certificate; a certificate the operator did not admit, or a venID bound
 * to another certificate, is refused with 463 (not registered or authorized).
 */
public final class RegistrationService implements OadrService {
    static final String PROFILE = "2.0b";

    private final VtnConfig config;
    private final VtnTls tls;
    private final VenRegistry vens;
    private final Clock clock;

    public RegistrationService(VtnConfig config, VenRegistry vens, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.tls = config.tls();
        this.vens = Objects.requireNonNull(vens, "vens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Object> handle(Object message, Sender sender) {
        if (message instanceof OadrQueryRegistrationType query) {
            return Optional.of(created(Replies.ok(query.getRequestID()), null, null));
        }
        if (message instanceof OadrCreatePartyRegistrationType create) {
            return Optional.of(register(create, sender));
        }
        if (message instanceof OadrCancelPartyRegistrationType cancel) {
            return Optional.of(cancel(cancel));
        }
        return Optional.empty();
    }

    private OadrCreatedPartyRegistrationType register(
            OadrCreatePartyRegistrationType r, Sender sender) {
        String requestId = r.getRequestID();
        String refused = refusal(r);
        if (refused != null) {
            return created(
                    Replies.eiResponse(OadrResponseCode.NOT_ALLOWED, refused, requestId),
                    r.getRegistrationID(),
                    r.getVenID());
        }
        Optional<Ven> known = vens.find(r.getVenID());
        String unauthorized = unauthorized(known, sender);
        if (unauthorized != null) {
            return created(
                    Replies.eiResponse(
                            OadrResponseCode.NOT_REGISTERED_OR_AUTHORIZED, unauthorized, requestId),
                    r.getRegistrationID(),
                    r.getVenID());
        }
        String registrationId = r.getRegistrationID();
        if (registrationId != null
                && !known.map(v -> v.registrationId().equals(registrationId)).orElse(false)) {
            return created(
                    Replies.eiResponse(
                            OadrResponseCode.INVALID_ID, "unknown registrationID", requestId),
                    registrationId,
                    r.getVenID());
        }
        Ven ven =
                vens.register(
                        new Ven(
                                r.getVenID() == null ? vens.newVenId() : r.getVenID(),
                                registrationId == null ? vens.newRegistrationId() : registrationId,
                                r.getOadrVenName(),
                                r.getOadrProfileName(),
                                r.getOadrTransportName().value(),
                                r.getOadrTransportAddress(),
                                !Boolean.FALSE.equals(r.isOadrHttpPullModel()),
                                r.isOadrReportOnly(),
                                r.isOadrXmlSignature(),
                                clock.instant(),
                                sender.fingerprint()));
        return created(Replies.ok(requestId), ven.registrationId(), ven.venId());
    }

    /** Why the VTN cannot serve this registration; null if it can. */
    private static String refusal(OadrCreatePartyRegistrationType r) {
        if (!PROFILE.equals(r.getOadrProfileName())) {
            return "profile " + r.getOadrProfileName() + " is not offered; use " + PROFILE;
        }
        if (r.getOadrTransportName() != OadrTransportType.SIMPLE_HTTP) {
            return "transport " + r.getOadrTransportName().value() + " is not offered";
        }
        if (Boolean.FALSE.equals(r.isOadrHttpPullModel())
                && !isHttpUrl(r.getOadrTransportAddress())) {
            return "push (oadrHttpPullModel=false) needs an http(s) oadrTransportAddress";
        }
        if (r.isOadrXmlSignature()) {
            return "XML signatures are not supported";
        }
        return null;
    }

    private static boolean isHttpUrl(String address) {
        return address != null
                && (address.startsWith("https://") || address.startsWith("http://"))
                && address.length() > "https://".length();
    }

    /**
     * Why this sender may not register (or re-register) this venID; null if it may. Over TLS the
     * certificate must be one the operator admitted, and a venID registered before stays bound to
     * the certificate it was registered with.
     */
    private String unauthorized(Optional<Ven> known, Sender sender) {
        if (tls == null || !sender.authenticated()) {
            return null;
        }
        if (!tls.admits(sender.fingerprint())) {
            return "certificate " + sender.fingerprint() + " is not registered with this VTN";
        }
        if (known.isPresent() && !VenAuthenticator.matches(known.get(), sender)) {
            return "venID " + known.get().venId() + " is registered with another certificate";
        }
        return null;
    }

    private OadrCanceledPartyRegistrationType cancel(OadrCancelPartyRegistrationType c) {
        EiResponseType response;
        if (vens.find(c.getVenID()).isEmpty()) {
            response =
                    Replies.eiResponse(
                            OadrResponseCode.NOT_REGISTERED_OR_AUTHORIZED,
                            "venID is not registered",
                            c.getRequestID());
        } else if (vens.cancel(c.getVenID(), c.getRegistrationID()).isEmpty()) {
            response =
                    Replies.eiResponse(
                            OadrResponseCode.INVALID_ID,
                            "unknown registrationID",
                            c.getRequestID());
        } else {
            response = Replies.ok(c.getRequestID());
        }
        OadrCanceledPartyRegistrationType canceled = new OadrCanceledPartyRegistrationType();
        canceled.setSchemaVersion(Replies.SCHEMA_VERSION);
        canceled.setEiResponse(response);
        canceled.setRegistrationID(c.getRegistrationID());
        canceled.setVenID(c.getVenID());
        return canceled;
    }

    private OadrCreatedPartyRegistrationType created(
            EiResponseType response, String registrationId, String venId) {
        OadrCreatedPartyRegistrationType created = new OadrCreatedPartyRegistrationType();
        created.setSchemaVersion(Replies.SCHEMA_VERSION);
        created.setEiResponse(response);
        created.setRegistrationID(registrationId);
        created.setVenID(venId);
        created.setVtnID(config.vtnId());
        created.setOadrProfiles(profiles());
        DurationPropType poll = new DurationPropType();
        poll.setDuration(XcalTime.text(config.pollFrequency()));
        created.setOadrRequestedOadrPollFreq(poll);
        return created;
    }

    private static OadrProfiles profiles() {
        OadrTransports.OadrTransport http = new OadrTransports.OadrTransport();
        http.setOadrTransportName(OadrTransportType.SIMPLE_HTTP);
        OadrTransports transports = new OadrTransports();
        transports.getOadrTransport().add(http);
        OadrProfiles.OadrProfile profile = new OadrProfiles.OadrProfile();
        profile.setOadrProfileName(PROFILE);
        profile.setOadrTransports(transports);
        OadrProfiles profiles = new OadrProfiles();
        profiles.getOadrProfile().add(profile);
        return profiles;
    }
}
