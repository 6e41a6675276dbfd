package io.gridshift.optimizer.signals;

import io.gridshift.domain.error.InvalidFieldException;

/** Parsing of forecast-model names as the CLI and config take them. */
public final class ForecastModels {
    private ForecastModels() {}

    /**
     * {@code perfect}, {@code persistence}, or {@code ar1:SIGMA:PHI:SEED} (e.g. {@code
     * ar1:0.15:0.9:7}); {@code ar1} alone is {@code ar1:0.15:0.9:1}.
     */
    public static ForecastModel parse(String text) {
        if (text == null) {
            throw new InvalidFieldException("forecast", "required", null, "is required");
        }
        String[] parts = text.trim().split(":");
        switch (parts[0]) {
            case "perfect":
                return new ForecastModel.Perfect();
            case "persistence":
                return new ForecastModel.Persistence();
            case "ar1":
                try {
                    double sigma = parts.length > 1 ? Double.parseDouble(parts[1]) : 0.15;
                    double phi = parts.length > 2 ? Double.parseDouble(parts[2]) : 0.9;
                    long seed = parts.length > 3 ? Long.parseLong(parts[3]) : 1;
                    return new ForecastModel.Ar1(sigma, phi, seed);
                } catch (NumberFormatException e) {
                    throw new InvalidFieldException(
                            "forecast", "pattern", text, "must be ar1:SIGMA:PHI:SEED", e);
                }
            default:
                throw new InvalidFieldException(
                        "forecast",
                        "pattern",
                        text,
                        "must be perfect, persistence or ar1:SIGMA:PHI:SEED");
        }
    }
}
