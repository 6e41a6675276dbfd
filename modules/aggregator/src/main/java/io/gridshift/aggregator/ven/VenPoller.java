package io.gridshift.aggregator.ven;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.openadr.message.OadrMessages;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.openadr.oadr20b.OadrCancelPartyRegistrationType;
import org.openadr.oadr20b.OadrCancelReportType;
import org.openadr.oadr20b.OadrCreateReportType;
import org.openadr.oadr20b.OadrDistributeEventType;
import org.openadr.oadr20b.OadrPayload;
import org.openadr.oadr20b.OadrPollType;
import org.openadr.oadr20b.OadrRegisterReportType;
import org.openadr.oadr20b.OadrRequestReregistrationType;
import org.openadr.oadr20b.OadrResponseType;
import org.openadr.oadr20b.OadrUpdateReportType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of the VTN at a time ({@link #pollOnce()}; the timer is {@link Ven}'s). An {@code
 * oadrDistributeEvent}'s events are mapped to {@link GridEvent}s, decided on against the fleet's
 * summary and, where the VTN requires a response, answered with one {@code oadrCreatedEvent}. An
 * event already answered at its modification number is not answered again. A 463 or 452 answer to
 * the poll, or an {@code oadrRequestReregistration}, makes the VEN register again.
 */
public final class VenPoller {
    private static final Logger LOG = LoggerFactory.getLogger(VenPoller.class);
    static final String POLL = "OadrPoll";
    static final String EI_EVENT = "EiEvent";

    private final VtnClient client;
    private final VenRegistration registration;
    private final VenReports reports;
    private final EventIntake intake;
    private final VenOpts opts;
    private final AtomicReference<CompletableFuture<PollResult>> inFlight = new AtomicReference<>();

    public VenPoller(
            VtnClient client,
            VenRegistration registration,
            VenReports reports,
            EventIntake intake,
            VenOpts opts) {
        this.client = Objects.requireNonNull(client, "client");
        this.registration = Objects.requireNonNull(registration, "registration");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.opts = Objects.requireNonNull(opts, "opts");
    }

    /** Polls once; while a poll is under way, its stage. */
    public CompletionStage<PollResult> pollOnce() {
        CompletableFuture<PollResult> mine = new CompletableFuture<>();
        CompletableFuture<PollResult> running = inFlight.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        registration
                .ensure()
                .thenCompose(reg -> reports.ensureRegistered(reg).thenApply(x -> reg))
                .thenCompose(this::poll)
                .whenComplete(
                        (result, error) -> {
                            inFlight.set(null);
                            if (error != null) {
                                mine.completeExceptionally(error);
                            } else {
                                mine.complete(result);
                            }
                        });
        return mine;
    }

    private CompletionStage<PollResult> poll(VenRegistration.Registration reg) {
        OadrPollType poll = new OadrPollType();
        poll.setSchemaVersion("2.0b");
        poll.setVenID(reg.venId());
        return client.post(POLL, poll).thenCompose(payload -> handle(reg, payload));
    }

    private CompletionStage<PollResult> handle(VenRegistration.Registration reg, OadrPayload p) {
        Object body = OadrMessages.body(p.getOadrSignedObject());
        if (body instanceof OadrResponseType response) {
            String code = response.getEiResponse().getResponseCode();
            if ("200".equals(code)) {
                return CompletableFuture.completedFuture(PollResult.of(PollResult.Outcome.IDLE));
            }
            if ("463".equals(code) || "452".equals(code)) {
                LOG.warn("VTN does not know VEN {} ({}): registering again", reg.venId(), code);
                return reRegister();
            }
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "vtn-poll",
                    "VTN "
                            + POLL
                            + " answered "
                            + code
                            + " "
                            + response.getEiResponse().getResponseDescription());
        }
        if (body instanceof OadrRequestReregistrationType) {
            return reRegister();
        }
        if (body instanceof OadrDistributeEventType distribute) {
            return distribute(reg, distribute);
        }
        if (body instanceof OadrCreateReportType create) {
            return reports.onCreateReport(reg, create).thenApply(x -> reportsResult());
        }
        if (body instanceof OadrCancelReportType cancel) {
            return reports.onCancelReport(reg, cancel).thenApply(x -> reportsResult());
        }
        if (body instanceof OadrUpdateReportType update) {
            return client.exchange(
                            VenReports.EI_REPORT,
                            reports.updateReportOfVtn(reg, update).reply(),
                            OadrResponseType.class)
                    .thenApply(x -> reportsResult());
        }
        if (body instanceof OadrRegisterReportType register) {
            return reports.onRegisterReport(reg, register).thenApply(x -> reportsResult());
        }
        if (body instanceof OadrCancelPartyRegistrationType cancel) {
            return registration
                    .cancelledByVtn(cancel)
                    .thenApply(
                            ours ->
                                    PollResult.of(
                                            ours
                                                    ? PollResult.Outcome.REGISTRATION_CANCELLED
                                                    : PollResult.Outcome.IGNORED));
        }
        LOG.debug(
                "poll answered with {}: not acted on", OadrMessages.name(p.getOadrSignedObject()));
        return CompletableFuture.completedFuture(PollResult.of(PollResult.Outcome.IGNORED));
    }

    private static PollResult reportsResult() {
        return PollResult.of(PollResult.Outcome.REPORTS);
    }

    private CompletionStage<PollResult> reRegister() {
        return registration
                .reRegister()
                .thenApply(r -> PollResult.of(PollResult.Outcome.REREGISTERED));
    }

    private CompletionStage<PollResult> distribute(
            VenRegistration.Registration reg, OadrDistributeEventType distribute) {
        return intake.take(reg.venId(), distribute)
                .thenCompose(in -> answer(reg, distribute.getRequestID(), in));
    }

    /** Sends the oadrCreatedEvent for what {@code in} must answer. */
    CompletionStage<PollResult> answer(
            VenRegistration.Registration reg, String requestId, EventIntake.Intake in) {
        if (in.toAnswer().isEmpty()) {
            return CompletableFuture.completedFuture(
                    new PollResult(PollResult.Outcome.EVENTS, in.events(), List.of()));
        }
        return client.exchange(
                        EI_EVENT,
                        CreatedEvents.of(reg.venId(), requestId, in.toAnswer()),
                        OadrResponseType.class)
                .thenApply(
                        response -> {
                            String code = response.getEiResponse().getResponseCode();
                            if (!"200".equals(code)) {
                                // not marked answered: the next distribute is answered again
                                throw new GridshiftException(
                                        ErrorKind.UNAVAILABLE,
                                        "vtn-created-event",
                                        "VTN "
                                                + EI_EVENT
                                                + " refused oadrCreatedEvent: "
                                                + code
                                                + " "
                                                + response.getEiResponse()
                                                        .getResponseDescription());
                            }
                            intake.answered(in.toAnswer());
                            List<ReceivedEvent> answered =
                                    in.toAnswer().stream().map(ReceivedEvent::asAnswered).toList();
                            Map<String, ReceivedEvent> now = new java.util.HashMap<>();
                            intake.events().forEach(e -> now.put(e.event().id().value(), e));
                            List<ReceivedEvent> all =
                                    in.events().stream()
                                            .map(r -> now.getOrDefault(r.event().id().value(), r))
                                            .toList();
                            return new PollResult(PollResult.Outcome.EVENTS, all, answered);
                        })
                .thenCompose(result -> optOutUnavailableSites(reg, result));
    }

    /**
     * Partial availability: for an event the fleet opted in to that names sites which cannot take
     * part, those sites are opted out of it with {@code oadrCreateOpt}. A refused opt is logged;
     * the event's answer stands.
     */
    private CompletionStage<PollResult> optOutUnavailableSites(
            VenRegistration.Registration reg, PollResult result) {
        CompletionStage<Void> sent = CompletableFuture.completedFuture(null);
        for (ReceivedEvent e : result.answered()) {
            if (e.dispatchable() && !e.decision().unavailableSites().isEmpty()) {
                OptSchedule opt =
                        OptSchedule.outOfEvent(
                                "out-"
                                        + e.event().id().value()
                                        + "-"
                                        + e.event().modificationNumber(),
                                e.event().id().value(),
                                e.event().modificationNumber(),
                                e.decision().unavailableSites());
                sent =
                        sent.thenCompose(x -> opts.create(reg, opt))
                                .exceptionally(
                                        error -> {
                                            LOG.warn(
                                                    "opting sites {} out of event {} failed: {}",
                                                    opt.resourceIds(),
                                                    opt.eventId(),
                                                    error.toString());
                                            return null;
                                        });
            }
        }
        return sent.thenApply(x -> result);
    }
}
