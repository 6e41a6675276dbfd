package io.gridshift.agent.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Board power and throughput of one GPU against its duty cycle, interpolated linearly between
 * measured points. The bundled {@link #h200()} curve is the H200 calibration of {@code
 * h200-duty-cycle-power.csv} (P ≈ 120 W + 570 W × duty; 648 bf16 TFLOP/s at full duty).
 *
 * <p>Only duty-cycle throttling was measured. The simulator uses this curve both for pausing (duty
 * 0: the idle floor stays while the job holds the device) and for power capping, where real DVFS
 * caps usually lose less work for a partial cut: the loss figures derived from it are pessimistic
 * for partial caps and exact for a pause.
 */
public final class GpuPowerCurve {
    private static final String H200_RESOURCE = "h200-duty-cycle-power.csv";
    private static final GpuPowerCurve H200 = load(H200_RESOURCE);

    private final double[] duty;
    private final double[] tflops;
    private final double[] powerW;

    private GpuPowerCurve(List<double[]> rows) {
        if (rows.size() < 2) {
            throw new IllegalArgumentException("a power curve needs at least two points");
        }
        List<double[]> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(r -> r[0]));
        int n = sorted.size();
        duty = new double[n];
        tflops = new double[n];
        powerW = new double[n];
        for (int i = 0; i < n; i++) {
            duty[i] = sorted.get(i)[0];
            tflops[i] = sorted.get(i)[1];
            powerW[i] = sorted.get(i)[2];
            if (i > 0 && (duty[i] <= duty[i - 1] || powerW[i] <= powerW[i - 1])) {
                throw new IllegalArgumentException(
                        "duty and power must rise together, row " + Arrays.toString(sorted.get(i)));
            }
        }
    }

    /** The measured NVIDIA H200 curve bundled with the agent. */
    public static GpuPowerCurve h200() {
        return H200;
    }

    /** Reads a curve from CSV lines {@code duty,tflops,avg_power_w[,...]} after a header line. */
    public static GpuPowerCurve parse(List<String> lines) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",");
            rows.add(
                    new double[] {
                        Double.parseDouble(cells[0]),
                        Double.parseDouble(cells[1]),
                        Double.parseDouble(cells[2])
                    });
        }
        return new GpuPowerCurve(rows);
    }

    /** Board power in W at {@code dutyCycle} (clamped to the measured range). */
    public double powerW(double dutyCycle) {
        return interpolate(duty, powerW, dutyCycle);
    }

    /** Throughput in TFLOP/s at {@code dutyCycle}. */
    public double tflops(double dutyCycle) {
        return interpolate(duty, tflops, dutyCycle);
    }

    /** The duty cycle at which the board draws {@code watts} (clamped to the measured range). */
    public double dutyAtPowerW(double watts) {
        return interpolate(powerW, duty, watts);
    }

    /** Board power with the device held but idle. */
    public double idlePowerW() {
        return powerW[0];
    }

    /** Board power at the highest measured duty. */
    public double maxPowerW() {
        return powerW[powerW.length - 1];
    }

    /**
     * Share of throughput lost when a GPU running at {@code fromDuty} is throttled to draw {@code
     * watts} less: {@code 1 - TFLOP/s(capped) / TFLOP/s(from)}.
     */
    public double throughputLost(double fromDuty, double watts) {
        double full = tflops(fromDuty);
        if (full <= 0) {
            return 0;
        }
        double capped = tflops(dutyAtPowerW(powerW(fromDuty) - watts));
        return Math.max(0, Math.min(1, 1 - capped / full));
    }

    private static double interpolate(double[] xs, double[] ys, double x) {
        if (x <= xs[0]) {
            return ys[0];
        }
        for (int i = 1; i < xs.length; i++) {
            if (x <= xs[i]) {
                double t = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
                return ys[i - 1] + t * (ys[i] - ys[i - 1]);
            }
        }
        return ys[ys.length - 1];
    }

    private static GpuPowerCurve load(String resource) {
        try (InputStream in = GpuPowerCurve.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing calibration resource " + resource);
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("GpuPowerCurve[");
        for (int i = 0; i < duty.length; i++) {
            text.append(String.format(Locale.ROOT, "(%.2f, %.0f W)", duty[i], powerW[i]));
        }
        return text.append(']').toString();
    }
}
