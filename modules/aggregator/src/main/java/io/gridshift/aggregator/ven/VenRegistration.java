package io.gridshift.aggregator.ven;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.openadr.message.OadrResponseCode;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.openadr.oadr20b.OadrCancelPartyRegistrationType;
import org.openadr.oadr20b.OadrCanceledPartyRegistrationType;
import org.openadr.oadr20b.OadrCreatePartyRegistrationType;
import org.openadr.oadr20b.OadrCreatedPartyRegistrationType;
import org.openadr.oadr20b.OadrQueryRegistrationType;
import org.openadr.oadr20b.OadrResponseType;
import org.openadr.oadr20b.OadrTransportType;
import org.openadr.oadr20b.ei.EiResponseType;

/**
 * The VEN's registration with its VTN: {@code oadrQueryRegistration}, then {@code
 * oadrCreatePartyRegistration} (profile 2.0b, simpleHttp, pull, or push to the VEN's own endpoint
 * when {@link VenOptions#pushUrl()} is set, no XML signatures). The venID and registrationID are
 * kept in {@value #FILE} in the options' folder, so a restarted VEN reuses them instead of
 * registering again; {@link #reRegister()} is for when the VTN says it does not know the VEN (463
 * or 452).
 */
public final class VenRegistration {
    static final String FILE = "ven-registration.properties";
    static final String SERVICE = "EiRegisterParty";
    private static final String PROFILE = "2.0b";
    private static final String SCHEMA_VERSION = "2.0b";

    /**
     * What the VTN gave the VEN.
     *
     * @param venId the VEN's id
     * @param registrationId the registration's id
     * @param vtnId the VTN's id
     */
    public record Registration(String venId, String registrationId, String vtnId) {
        public Registration {
            Objects.requireNonNull(venId, "venId");
            Objects.requireNonNull(registrationId, "registrationId");
        }
    }

    private final VenOptions options;
    private final VtnClient client;
    private final RegistrationStore store;
    private final AtomicReference<CompletableFuture<Registration>> registering =
            new AtomicReference<>();
    private final AtomicReference<Registration> current = new AtomicReference<>();

    /** A registration kept in {@value #FILE} in the options' folder. */
    public VenRegistration(VenOptions options, VtnClient client) {
        this(options, client, fileStore(options));
    }

    /**
     * @param store where the registration is kept across restarts (and fail-overs)
     */
    public VenRegistration(VenOptions options, VtnClient client, RegistrationStore store) {
        this.options = Objects.requireNonNull(options, "options");
        this.client = Objects.requireNonNull(client, "client");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The file store of {@code options}: {@value #FILE} in its folder. */
    public static RegistrationStore fileStore(VenOptions options) {
        return new FileRegistrationStore(options.folder().resolve(FILE), options.vtnUrl());
    }

    /** The registration in use, if any. */
    public Optional<Registration> current() {
        return Optional.ofNullable(current.get());
    }

    /** The registration kept in the folder, or a new one from the VTN. */
    public CompletionStage<Registration> ensure() {
        Registration known = current.get();
        if (known == null) {
            known = store.load().orElse(null);
            if (known != null) {
                current.set(known);
            }
        }
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        // one registration at a time: a poll and a take-over asking together share it
        CompletableFuture<Registration> mine = new CompletableFuture<>();
        CompletableFuture<Registration> running = registering.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        register(options.venId())
                .whenComplete(
                        (r, e) -> {
                            registering.set(null);
                            if (e != null) {
                                mine.completeExceptionally(e);
                            } else {
                                mine.complete(r);
                            }
                        });
        return mine;
    }

    /**
     * Ends the registration at the VTN ({@code oadrCancelPartyRegistration}) and forgets it here;
     * the next {@link #ensure()} registers anew.
     */
    public CompletionStage<Void> cancel() {
        Registration r = current.get();
        if (r == null) {
            r = store.load().orElse(null);
        }
        if (r == null) {
            return CompletableFuture.completedFuture(null);
        }
        OadrCancelPartyRegistrationType cancel = new OadrCancelPartyRegistrationType();
        cancel.setSchemaVersion(SCHEMA_VERSION);
        cancel.setRequestID(requestId());
        cancel.setRegistrationID(r.registrationId());
        cancel.setVenID(r.venId());
        return client.exchange(SERVICE, cancel, OadrCanceledPartyRegistrationType.class)
                .thenAccept(
                        canceled -> {
                            ok(canceled.getEiResponse(), "oadrCancelPartyRegistration");
                            forget();
                        });
    }

    /**
     * The VTN ended the registration ({@code oadrCancelPartyRegistration}): answers {@code
     * oadrCanceledPartyRegistration} and forgets it; the next {@link #ensure()} registers anew. A
     * cancellation naming another registration is answered 452 and changes nothing.
     */
    public CompletionStage<Boolean> cancelledByVtn(OadrCancelPartyRegistrationType cancel) {
        boolean ours = isCurrent(cancel.getRegistrationID());
        return client.exchange(SERVICE, cancelled(cancel).reply(), OadrResponseType.class)
                .thenApply(x -> ours);
    }

    private boolean isCurrent(String registrationId) {
        Registration r = current.get();
        return r != null && r.registrationId().equals(registrationId);
    }

    /** Forgets the registration if it is the one named; the oadrCanceledPartyRegistration. */
    VenAnswer cancelled(OadrCancelPartyRegistrationType cancel) {
        Registration r = current.get();
        boolean ours = isCurrent(cancel.getRegistrationID());
        OadrCanceledPartyRegistrationType canceled = new OadrCanceledPartyRegistrationType();
        canceled.setSchemaVersion(SCHEMA_VERSION);
        canceled.setRegistrationID(cancel.getRegistrationID());
        canceled.setVenID(r != null ? r.venId() : cancel.getVenID());
        canceled.setEiResponse(
                ours
                        ? OadrResponseCode.OK.response(cancel.getRequestID(), null)
                        : OadrResponseCode.INVALID_ID.response(
                                cancel.getRequestID(),
                                "registrationID "
                                        + cancel.getRegistrationID()
                                        + " is not this VEN's"));
        if (ours) {
            forget();
        }
        return VenAnswer.of(canceled);
    }

    private void forget() {
        current.set(null);
        store.forget();
    }

    /** Registers again, keeping the venID the VEN had (the VTN forgot the VEN). */
    public CompletionStage<Registration> reRegister() {
        Registration old = current.getAndSet(null);
        return register(old != null ? old.venId() : options.venId());
    }

    private CompletionStage<Registration> register(String venId) {
        OadrQueryRegistrationType query = new OadrQueryRegistrationType();
        query.setSchemaVersion(SCHEMA_VERSION);
        query.setRequestID(requestId());
        return client.exchange(SERVICE, query, OadrCreatedPartyRegistrationType.class)
                .thenCompose(
                        offered -> {
                            ok(offered.getEiResponse(), "oadrQueryRegistration");
                            return client.exchange(
                                    SERVICE, create(venId), OadrCreatedPartyRegistrationType.class);
                        })
                .thenApply(
                        created -> {
                            ok(created.getEiResponse(), "oadrCreatePartyRegistration");
                            if (created.getVenID() == null || created.getRegistrationID() == null) {
                                throw new GridshiftException(
                                        ErrorKind.UNAVAILABLE,
                                        "vtn-registration",
                                        "VTN "
                                                + SERVICE
                                                + " registered without venID or"
                                                + " registrationID");
                            }
                            Registration r =
                                    new Registration(
                                            created.getVenID(),
                                            created.getRegistrationID(),
                                            created.getVtnID());
                            store.save(r);
                            current.set(r);
                            return r;
                        });
    }

    private OadrCreatePartyRegistrationType create(String venId) {
        OadrCreatePartyRegistrationType create = new OadrCreatePartyRegistrationType();
        create.setSchemaVersion(SCHEMA_VERSION);
        create.setRequestID(requestId());
        create.setVenID(venId);
        create.setOadrProfileName(PROFILE);
        create.setOadrTransportName(OadrTransportType.SIMPLE_HTTP);
        create.setOadrReportOnly(false);
        create.setOadrXmlSignature(options.xmlSignature());
        create.setOadrVenName(options.venName());
        create.setOadrHttpPullModel(!options.push());
        if (options.push()) {
            create.setOadrTransportAddress(options.pushUrl().toString());
        }
        return create;
    }

    private static void ok(EiResponseType response, String what) {
        if (response == null || !"200".equals(response.getResponseCode())) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "vtn-registration",
                    "VTN "
                            + SERVICE
                            + " refused "
                            + what
                            + (response == null
                                    ? ""
                                    : ": "
                                            + response.getResponseCode()
                                            + " "
                                            + response.getResponseDescription()));
        }
    }

    static String requestId() {
        return UUID.randomUUID().toString();
    }
}
