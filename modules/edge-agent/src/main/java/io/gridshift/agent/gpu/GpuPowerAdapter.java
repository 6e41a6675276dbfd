package io.gridshift.agent.gpu;

import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.agent.site.SiteReading;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.LossCurve;
import io.gridshift.domain.flex.PowerCap;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A site adapter for a GPU server (or a pod of them under one nvidia-smi): reads board power and
 * offers one {@link PowerCap} resource, {@value #RESOURCE}, carried out by lowering power limits
 * with {@code nvidia-smi -pl}.
 *
 * <p>Figures: IT load is the boards' draw plus a fixed host share per GPU; the facility is IT times
 * a constant PUE and all of it comes from the grid (no generation, no battery). The offered and
 * achieved kW are board power only: the facility overhead (cooling) follows a cap slowly, so
 * leaving it out keeps the promise a lower bound.
 *
 * <p>Nothing changes unless {@link GpuAdapterOptions#allowPowerLimit()} is set: changing limits
 * needs root and affects every job on the board, so it is the operator's decision, not a default.
 *
 * <p>Safe across a crash: every cap is written to the journal ({@link GpuCapJournal}, {@code
 * gpu.stateFile}) before a board is touched, with the limits it replaces and the order's end. A
 * restarted adapter reads it back: the caps of orders whose end has passed are lifted at its first
 * reading or envelope, the others at their revert.
 */
public final class GpuPowerAdapter implements SiteAdapter {
    /** The id of the adapter's only resource. */
    public static final String RESOURCE = "gpu";

    private static final Logger LOG = LoggerFactory.getLogger(GpuPowerAdapter.class);
    private static final double EPS_KW = 1e-6;

    private final GpuAdapterOptions options;
    private final NvidiaSmi smi;
    private final Map<DispatchId, List<CapPlan.Change>> applied = new LinkedHashMap<>();
    private final Map<DispatchId, Instant> ends = new LinkedHashMap<>();
    private final GpuCapJournal journal;
    private boolean toldNoRight;

    public GpuPowerAdapter(GpuAdapterOptions options, NvidiaSmi smi) {
        this(options, smi, null);
    }

    /**
     * @param journal the caps held, kept across restarts ({@code gpu.stateFile}); {@code null}:
     *     memory only
     */
    public GpuPowerAdapter(GpuAdapterOptions options, NvidiaSmi smi, Path journal) {
        this.options = Objects.requireNonNull(options, "options");
        this.smi = Objects.requireNonNull(smi, "smi");
        this.journal = new GpuCapJournal(journal);
        this.journal
                .load()
                .forEach(
                        (id, held) -> {
                            applied.put(id, List.copyOf(held.changes()));
                            ends.put(id, held.until());
                        });
    }

    /** Lifts the caps of orders whose end has passed (a revert that never came: a crash). */
    private void liftEnded(Instant now) {
        for (DispatchId id : List.copyOf(ends.keySet())) {
            if (!ends.get(id).isAfter(now)) {
                LOG.warn("Order {} ended at {} but still caps GPUs: lifting", id, ends.get(id));
                try {
                    revert(id);
                } catch (GridshiftException e) {
                    LOG.warn("Cannot lift the caps of order {}: {}", id, e.getMessage());
                }
            }
        }
    }

    private void journal() {
        Map<DispatchId, GpuCapJournal.Held> held = new LinkedHashMap<>();
        applied.forEach(
                (id, changes) -> held.put(id, new GpuCapJournal.Held(ends.get(id), changes)));
        journal.save(held);
    }

    @Override
    public SiteReading read(Instant now) {
        liftEnded(now);
        double itKw = itKw(smi.query());
        double facilityKw = itKw * options.pue();
        return new SiteReading(facilityKw, itKw, facilityKw, 0, null);
    }

    private double itKw(List<GpuReading> gpus) {
        double w = 0;
        for (GpuReading gpu : gpus) {
            // A board that reports no draw counts as 0 W: an underestimate, never a made-up number.
            w += gpu.powerDrawW().orElse(0) + options.hostWPerGpu();
        }
        return w / 1000;
    }

    @Override
    public FlexEnvelope envelope(Instant now, Duration validity) {
        liftEnded(now);
        List<GpuReading> gpus = smi.query();
        double offerKw = offerKw(gpus);
        LossCurve curve = lossCurve(gpus, offerKw);
        PowerCap cap =
                new PowerCap(
                        RESOURCE,
                        Math.min(offerKw, curve.maxReductionKw()),
                        null,
                        options.ramp(),
                        curve,
                        options.valuePerKwhOfWork());
        double baselineKw = (itKw(gpus) + activeCutKw(gpus)) * options.pue();
        return new FlexEnvelope(
                options.site(),
                now,
                now.plus(validity),
                options.zone(),
                baselineKw,
                0,
                List.of(cap));
    }

    /** What the boards can give now, in kW; 0 without the operator's consent. */
    private double offerKw(List<GpuReading> gpus) {
        if (!options.allowPowerLimit()) {
            if (!toldNoRight) {
                toldNoRight = true;
                LOG.info(
                        "GPU power capping offers 0 kW: allowPowerLimit is off, the operator has"
                                + " not granted the right to change power limits");
            }
            return 0;
        }
        double kw = CapPlan.totalHeadroomW(gpus, options.floorWPerGpu()) / 1000;
        // An operator's curve that stops short bounds the offer: no loss is known beyond it.
        return options.lossCurve() == null
                ? kw
                : Math.min(kw, options.lossCurve().maxReductionKw());
    }

    private LossCurve lossCurve(List<GpuReading> gpus, double offerKw) {
        if (options.lossCurve() != null) {
            return options.lossCurve();
        }
        int cappable = 0;
        double drawW = 0;
        for (GpuReading gpu : gpus) {
            if (CapPlan.headroomW(gpu, options.floorWPerGpu()) > 0) {
                cappable++;
                drawW += gpu.powerDrawW().getAsDouble();
            }
        }
        return GpuLossCurves.fromDutyCycle(offerKw, cappable, cappable == 0 ? 0 : drawW / cappable);
    }

    @Override
    public Optional<String> check(DispatchOrder order, Instant now) {
        double kw = 0;
        for (DispatchAction action : order.actions()) {
            if (action instanceof DispatchAction.Reduce r) {
                if (!RESOURCE.equals(r.resource())) {
                    return reason("unknown resource '%s'", r.resource());
                }
                kw += r.reductionKw();
            } else if (action instanceof DispatchAction.LimitRebound l) {
                return reason(
                        "LIMIT_REBOUND on '%s': a GPU power cap gives nothing back after an event"
                                + " (the work it slowed is lost, not deferred), so there is no"
                                + " rebound to limit",
                        l.resource());
            } else {
                return reason("this GPU site has no jobs to migrate (%s)", action.kind());
            }
        }
        if (kw <= 0) {
            return Optional.empty();
        }
        if (!options.allowPowerLimit()) {
            return reason(
                    "resource '%s' may not be capped: the operator has not granted"
                            + " allowPowerLimit",
                    RESOURCE);
        }
        List<GpuReading> gpus;
        try {
            gpus = smi.query();
        } catch (GridshiftException e) {
            return Optional.of(e.getMessage());
        }
        // An earlier revision of this order is reverted before this one applies: count its cut.
        double availableKw = offerKw(gpus) + ownCutKw(order.id(), gpus);
        if (kw > availableKw + EPS_KW) {
            return reason(
                    "cannot cap %.1f kW of GPU power: the limits can give at most %.1f kW"
                            + " above the floors",
                    kw, availableKw);
        }
        return Optional.empty();
    }

    @Override
    public void apply(DispatchOrder order, Instant now) {
        Optional<String> why = check(order, now);
        if (why.isPresent()) {
            throw new GridshiftException(ErrorKind.CONFLICT, "adapter_refused", why.get());
        }
        if (applied.containsKey(order.id())) {
            revert(order, now);
        }
        double cutW = order.netReductionKw() * 1000;
        List<CapPlan.Change> plan = CapPlan.plan(smi.query(), options.floorWPerGpu(), cutW);
        // written ahead: after a crash the journal names every board this order may have capped
        applied.put(order.id(), List.copyOf(plan));
        ends.put(order.id(), order.end());
        journal();
        List<CapPlan.Change> done = new ArrayList<>();
        for (CapPlan.Change change : plan) {
            try {
                smi.setPowerLimit(change.index(), change.newLimitW());
                done.add(change);
            } catch (GridshiftException e) {
                rollBack(done, e);
                applied.remove(order.id());
                ends.remove(order.id());
                journal();
                throw e;
            }
        }
        LOG.info("Order {} capped {} GPUs by {} W", order.id(), done.size(), Math.round(cutW));
    }

    /** All or nothing: puts back the limits set so far; failures to do so ride on {@code cause}. */
    private void rollBack(List<CapPlan.Change> done, GridshiftException cause) {
        for (int i = done.size() - 1; i >= 0; i--) {
            CapPlan.Change c = done.get(i);
            try {
                smi.setPowerLimit(c.index(), Math.round(c.previousLimitW()));
            } catch (GridshiftException e) {
                cause.addSuppressed(e);
            }
        }
    }

    @Override
    public void revert(DispatchOrder order, Instant now) {
        revert(order.id());
    }

    private void revert(DispatchId id) {
        List<CapPlan.Change> changes = applied.get(id);
        if (changes == null) {
            return;
        }
        boolean alone = applied.size() == 1;
        List<GpuReading> gpus = alone ? List.of() : smi.query();
        for (CapPlan.Change c : changes) {
            smi.setPowerLimit(c.index(), restoreW(c, gpus, alone));
        }
        // Forgotten only once every limit is back, so that a failed revert can be retried.
        applied.remove(id);
        ends.remove(id);
        journal();
    }

    /**
     * The limit to put back. Alone, the remembered one. With other caps active on the same boards,
     * only this order's share is given back, so that the other caps stay in force.
     */
    private long restoreW(CapPlan.Change c, List<GpuReading> gpus, boolean alone) {
        if (alone) {
            return Math.round(c.previousLimitW());
        }
        for (GpuReading gpu : gpus) {
            if (gpu.uuid().equals(c.uuid()) && gpu.powerLimitW().isPresent()) {
                double back = gpu.powerLimitW().getAsDouble() + c.previousLimitW() - c.newLimitW();
                double max = gpu.maxLimitW().orElse(c.previousLimitW());
                return Math.round(Math.min(max, back));
            }
        }
        return Math.round(c.previousLimitW());
    }

    /**
     * The reduction now, approximated from the limits: each capped board is assumed to draw what it
     * drew when capped, less what its present limit forbids ({@code drawBefore − limitNow}).
     * Measuring {@code drawBefore − drawNow} instead would credit the order with every job that
     * ended by itself. A limit someone raised again counts as no reduction. If nvidia-smi cannot be
     * read, 0 is reported: claiming a reduction that cannot be seen is worse.
     */
    @Override
    public double achievedKw(DispatchOrder order, Instant now) {
        List<CapPlan.Change> changes = applied.get(order.id());
        if (changes == null || changes.isEmpty()) {
            return 0;
        }
        try {
            return cutKw(changes, smi.query());
        } catch (GridshiftException e) {
            LOG.warn("Cannot read the GPUs for order {}: {}", order.id(), e.getMessage());
            return 0;
        }
    }

    private static double cutKw(List<CapPlan.Change> changes, List<GpuReading> gpus) {
        double w = 0;
        for (CapPlan.Change c : changes) {
            for (GpuReading gpu : gpus) {
                if (gpu.uuid().equals(c.uuid()) && gpu.powerLimitW().isPresent()) {
                    w += c.cutW(gpu.powerLimitW().getAsDouble());
                }
            }
        }
        return w / 1000;
    }

    private double activeCutKw(List<GpuReading> gpus) {
        double kw = 0;
        for (List<CapPlan.Change> changes : applied.values()) {
            kw += cutKw(changes, gpus);
        }
        return kw;
    }

    private double ownCutKw(DispatchId id, List<GpuReading> gpus) {
        List<CapPlan.Change> changes = applied.get(id);
        return changes == null ? 0 : cutKw(changes, gpus);
    }

    private static Optional<String> reason(String format, Object... args) {
        return Optional.of(String.format(Locale.ROOT, format, args));
    }
}
