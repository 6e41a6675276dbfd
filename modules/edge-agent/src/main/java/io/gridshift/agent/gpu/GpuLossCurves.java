package io.gridshift.agent.gpu;

import io.gridshift.agent.sim.GpuPowerCurve;
import io.gridshift.domain.flex.LossCurve;
import java.util.ArrayList;
import java.util.List;

/**
 * The default loss curve: the measured H200 duty-cycle curve ({@link GpuPowerCurve#h200()}) read as
 * "how much throughput is lost when a GPU drawing X W is made to draw Y W less".
 *
 * <p>Pessimistic for power capping: the curve was measured by throttling the duty cycle, where
 * every watt removed costs work in proportion. A DVFS power limit lowers clocks and voltage first
 * and usually loses less throughput for a partial cut. An operator who measured their own workload
 * under caps should pass {@link GpuAdapterOptions#lossCurve()}.
 */
final class GpuLossCurves {
    private static final int POINTS = 8;

    private GpuLossCurves() {}

    /**
     * A curve up to {@code offerKw}, for {@code gpus} boards drawing {@code avgDrawW} each on
     * average, the cut spread evenly.
     */
    static LossCurve fromDutyCycle(double offerKw, int gpus, double avgDrawW) {
        if (offerKw <= 0 || gpus <= 0) {
            // PowerCap needs a valid curve even when it offers nothing.
            return LossCurve.linear(1, 1);
        }
        GpuPowerCurve curve = GpuPowerCurve.h200();
        double fromDuty = curve.dutyAtPowerW(avgDrawW);
        List<LossCurve.Point> points = new ArrayList<>();
        points.add(new LossCurve.Point(0, 0));
        double last = 0;
        for (int k = 1; k <= POINTS; k++) {
            double kw = offerKw * k / POINTS;
            double perGpuW = kw * 1000 / gpus;
            // Interpolation can wobble by rounding; the curve must never fall.
            last = Math.max(last, curve.throughputLost(fromDuty, perGpuW));
            points.add(new LossCurve.Point(kw, last));
        }
        return new LossCurve(points);
    }
}
