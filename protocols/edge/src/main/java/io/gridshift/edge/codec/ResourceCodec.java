package io.gridshift.edge.codec;

import static io.gridshift.edge.codec.ActionCodec.bits;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.DeferrableJobs;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.flex.LossCurve;
import io.gridshift.domain.flex.MigratableJob;
import io.gridshift.domain.flex.MigratableJobs;
import io.gridshift.domain.flex.OnsiteGeneration;
import io.gridshift.domain.flex.PowerCap;
import io.gridshift.domain.flex.ResourceKind;
import io.gridshift.domain.flex.ThermalStorage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One resource of an envelope, by {@code kind}. The fields of all six kinds are read into one table
 * because {@code kind} may come after them; each kind then takes the ones it defines and the rest
 * are ignored.
 */
final class ResourceCodec {
    private static final FieldSet FIELDS =
            FieldSet.of(
                    "id",
                    "kind",
                    "maxReductionKw",
                    "maxDurationS",
                    "rampS",
                    "costPerKwh",
                    "reboundFactor",
                    "lossCurve",
                    "valuePerKwhOfWork",
                    "maxDischargeKw",
                    "energyKwh",
                    "socPct",
                    "minSocPct",
                    "wearCostPerKwh",
                    "jobs",
                    "maxKw",
                    "co2KgPerKwh");
    private static final int ID = 0;
    private static final int KIND = 1;
    private static final int MAX_REDUCTION = 2;
    private static final int MAX_DURATION_S = 3;
    private static final int RAMP_S = 4;
    private static final int COST = 5;
    private static final int REBOUND = 6;
    private static final int LOSS_CURVE = 7;
    private static final int VALUE_OF_WORK = 8;
    private static final int MAX_DISCHARGE = 9;
    private static final int ENERGY = 10;
    private static final int SOC = 11;
    private static final int MIN_SOC = 12;
    private static final int WEAR_COST = 13;
    private static final int JOBS = 14;
    private static final int MAX_KW = 15;
    private static final int CO2 = 16;

    /** Required fields by {@link ResourceKind} ordinal. */
    private static final long[] REQUIRED = {
        bits(ID, KIND, MAX_REDUCTION, MAX_DURATION_S, RAMP_S, COST, REBOUND),
        bits(ID, KIND, MAX_REDUCTION, RAMP_S, LOSS_CURVE, VALUE_OF_WORK),
        bits(ID, KIND, MAX_DISCHARGE, ENERGY, SOC, MIN_SOC, RAMP_S, WEAR_COST),
        bits(ID, KIND, MAX_REDUCTION, MAX_DURATION_S, RAMP_S, COST),
        bits(ID, KIND, JOBS, RAMP_S),
        bits(ID, KIND, MAX_KW, RAMP_S, COST, CO2)
    };

    private static final ResourceKind[] KINDS = ResourceKind.values();
    private static final String KIND_RULE =
            "must be one of DEFERRABLE_JOBS, POWER_CAP, BATTERY, THERMAL, MIGRATABLE_JOBS,"
                    + " ONSITE_GENERATION";

    private ResourceCodec() {}

    static FlexResource read(WireReader r) throws IOException {
        r.startObject();
        String id = null;
        ResourceKind kind = null;
        double[] number = new double[FIELDS.size()];
        Duration maxDuration = null;
        Duration ramp = null;
        List<LossCurve.Point> curve = null;
        List<MigratableJob> jobs = null;
        long seen = 0;
        Set<String> unknown = null;
        int f = -1;
        while ((f = r.nextField(FIELDS, f + 1)) != WireReader.END) {
            seen = r.mark(seen, f);
            switch (f) {
                case WireReader.UNKNOWN -> unknown = r.skipUnknown(unknown);
                case ID -> id = r.string();
                case KIND -> kind = r.enumValue(KINDS, KIND_RULE);
                case MAX_DURATION_S -> maxDuration = r.optionalSeconds(WireLimits.MAX_HOLD_S);
                case RAMP_S -> ramp = r.seconds(WireLimits.MAX_RAMP_S);
                case LOSS_CURVE -> curve = JobsCodec.readLossCurve(r);
                case JOBS -> jobs = JobsCodec.readJobs(r);
                default -> number[f] = r.number();
            }
        }
        r.requireAll(seen, bits(KIND), FIELDS);
        long required = REQUIRED[kind.ordinal()];
        if (maxDuration == null) {
            // An explicit null reads as absent: required for some kinds, unbounded for others.
            seen &= ~bits(MAX_DURATION_S);
        }
        r.requireAll(seen, required, FIELDS);
        try {
            return build(kind, id, number, maxDuration, ramp, curve, jobs);
        } catch (InvalidFieldException e) {
            throw r.nest(e);
        }
    }

    private static FlexResource build(
            ResourceKind kind,
            String id,
            double[] n,
            Duration maxDuration,
            Duration ramp,
            List<LossCurve.Point> curve,
            List<MigratableJob> jobs) {
        return switch (kind) {
            case DEFERRABLE_JOBS ->
                    new DeferrableJobs(
                            id, n[MAX_REDUCTION], maxDuration, ramp, n[COST], n[REBOUND]);
            case POWER_CAP ->
                    new PowerCap(
                            id,
                            n[MAX_REDUCTION],
                            maxDuration,
                            ramp,
                            new LossCurve(curve),
                            n[VALUE_OF_WORK]);
            case BATTERY ->
                    new Battery(
                            id,
                            n[MAX_DISCHARGE],
                            n[ENERGY],
                            n[SOC],
                            n[MIN_SOC],
                            ramp,
                            n[WEAR_COST]);
            case THERMAL -> new ThermalStorage(id, n[MAX_REDUCTION], maxDuration, ramp, n[COST]);
            case MIGRATABLE_JOBS -> new MigratableJobs(id, jobs, ramp);
            case ONSITE_GENERATION ->
                    new OnsiteGeneration(id, n[MAX_KW], maxDuration, ramp, n[COST], n[CO2]);
        };
    }

    static void write(WireWriter w, FlexResource resource) throws IOException {
        w.startObject();
        w.field("id", resource.id());
        w.field("kind", resource.kind().name());
        if (resource instanceof DeferrableJobs d) {
            w.field("maxReductionKw", d.maxReductionKw());
            w.seconds("maxDurationS", d.maxDuration(), false);
            w.field("costPerKwh", d.costPerKwh());
            w.field("reboundFactor", d.reboundFactor());
        } else if (resource instanceof PowerCap p) {
            w.field("maxReductionKw", p.maxReductionKw());
            w.seconds("maxDurationS", p.maxDuration(), false);
            JobsCodec.writeLossCurve(w, p.lossCurve());
            w.field("valuePerKwhOfWork", p.valuePerKwhOfWork());
        } else if (resource instanceof Battery b) {
            w.field("maxDischargeKw", b.maxDischargeKw());
            w.field("energyKwh", b.energyKwh());
            w.field("socPct", b.socPct());
            w.field("minSocPct", b.minSocPct());
            w.field("wearCostPerKwh", b.wearCostPerKwh());
        } else if (resource instanceof ThermalStorage t) {
            w.field("maxReductionKw", t.maxReductionKw());
            w.seconds("maxDurationS", t.maxDuration(), false);
            w.field("costPerKwh", t.costPerKwh());
        } else if (resource instanceof MigratableJobs m) {
            JobsCodec.writeJobs(w, m.jobs());
        } else if (resource instanceof OnsiteGeneration g) {
            w.field("maxKw", g.maxKw());
            w.seconds("maxDurationS", g.maxDuration(), false);
            w.field("costPerKwh", g.costPerKwh());
            w.field("co2KgPerKwh", g.co2KgPerKwh());
        }
        w.seconds("rampS", resource.ramp(), true);
        w.endObject();
    }
}
