package io.gridshift.agent.gpu;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One GPU as {@code nvidia-smi --query-gpu} reports it. Everything past the identity may be absent
 * ({@code [N/A]}): boards without power management or in a VM without access report no limits.
 *
 * @param index nvidia-smi's index, used with {@code -i}
 * @param uuid the board's stable id (indexes may change across reboots)
 * @param name the product name
 * @param powerDrawW board power now
 * @param powerLimitW the enforced limit now
 * @param defaultLimitW the limit at boot
 * @param minLimitW the lowest limit the board accepts
 * @param maxLimitW the highest limit the board accepts
 * @param utilizationPct share of time a kernel ran
 * @param memoryUsedMiB memory in use
 * @param memoryTotalMiB memory on the board
 * @param temperatureC core temperature
 */
public record GpuReading(
        int index,
        String uuid,
        String name,
        OptionalDouble powerDrawW,
        OptionalDouble powerLimitW,
        OptionalDouble defaultLimitW,
        OptionalDouble minLimitW,
        OptionalDouble maxLimitW,
        OptionalDouble utilizationPct,
        OptionalDouble memoryUsedMiB,
        OptionalDouble memoryTotalMiB,
        OptionalDouble temperatureC) {
    public GpuReading {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(powerDrawW, "powerDrawW");
        Objects.requireNonNull(powerLimitW, "powerLimitW");
        Objects.requireNonNull(defaultLimitW, "defaultLimitW");
        Objects.requireNonNull(minLimitW, "minLimitW");
        Objects.requireNonNull(maxLimitW, "maxLimitW");
        Objects.requireNonNull(utilizationPct, "utilizationPct");
        Objects.requireNonNull(memoryUsedMiB, "memoryUsedMiB");
        Objects.requireNonNull(memoryTotalMiB, "memoryTotalMiB");
        Objects.requireNonNull(temperatureC, "temperatureC");
    }

    /** Whether the board reports what capping needs: draw, current, min and max limit. */
    public boolean cappable() {
        return powerDrawW.isPresent()
                && powerLimitW.isPresent()
                && minLimitW.isPresent()
                && maxLimitW.isPresent();
    }
}
