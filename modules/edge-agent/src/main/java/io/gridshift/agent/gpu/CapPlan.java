package io.gridshift.agent.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * How a cut in kW becomes one new limit per GPU. Each GPU's headroom is what it draws above its
 * floor, no more than its current limit allows: lowering a limit below the draw is what removes
 * power, lowering it from 700 W to 500 W on a board drawing 130 W removes nothing. The cut is
 * spread in proportion to the headroom so that every board ends the same share above its floor.
 */
final class CapPlan {
    private CapPlan() {}

    /**
     * One GPU's part of a cap.
     *
     * @param index nvidia-smi index
     * @param uuid the board's id, to find it again if indexes moved
     * @param previousLimitW the limit before, restored on revert
     * @param newLimitW the limit set
     * @param drawBeforeW the draw when the cap was set, the baseline of the achieved kW
     */
    record Change(
            int index, String uuid, double previousLimitW, long newLimitW, double drawBeforeW) {
        /** What this change takes off the board's draw if the load stays as it was. */
        double cutW(double limitNowW) {
            return Math.max(0, drawBeforeW - limitNowW);
        }
    }

    /** The floor used for {@code gpu}: the configured floor, never below the board's minimum. */
    static double floorW(GpuReading gpu, Double configuredFloorW) {
        double min = gpu.minLimitW().orElseThrow();
        return configuredFloorW == null ? min : Math.max(min, configuredFloorW);
    }

    /** What {@code gpu} can give in W; 0 for a board that cannot be capped. */
    static double headroomW(GpuReading gpu, Double configuredFloorW) {
        if (!gpu.cappable()) {
            return 0;
        }
        double top = Math.min(gpu.powerLimitW().getAsDouble(), gpu.powerDrawW().getAsDouble());
        return Math.max(0, top - floorW(gpu, configuredFloorW));
    }

    static double totalHeadroomW(List<GpuReading> gpus, Double configuredFloorW) {
        double w = 0;
        for (GpuReading gpu : gpus) {
            w += headroomW(gpu, configuredFloorW);
        }
        return w;
    }

    /**
     * The new limits that remove {@code cutW} from {@code gpus}; {@code cutW} must not exceed
     * {@link #totalHeadroomW}. Limits are whole watts, rounded down (a cut a few watts deeper,
     * never shallower) but never below the floor.
     */
    static List<Change> plan(List<GpuReading> gpus, Double configuredFloorW, double cutW) {
        double total = totalHeadroomW(gpus, configuredFloorW);
        List<Change> changes = new ArrayList<>();
        if (cutW <= 0 || total <= 0) {
            return changes;
        }
        double share = Math.min(1, cutW / total);
        for (GpuReading gpu : gpus) {
            double head = headroomW(gpu, configuredFloorW);
            if (head <= 0) {
                continue;
            }
            double draw = gpu.powerDrawW().getAsDouble();
            double top = Math.min(gpu.powerLimitW().getAsDouble(), draw);
            long floor = (long) Math.ceil(floorW(gpu, configuredFloorW));
            long limit = Math.max(floor, (long) Math.floor(top - head * share));
            changes.add(
                    new Change(
                            gpu.index(), gpu.uuid(), gpu.powerLimitW().getAsDouble(), limit, draw));
        }
        return changes;
    }
}
