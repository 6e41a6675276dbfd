package io.gridshift.agent.sim;

/** The genset's output: what is asked, up to its rating and never more than the site's load. */
final class GensetModel {
    private final GensetOptions options;
    private double outputKw;
    private double energyKwh;

    GensetModel(GensetOptions options) {
        this.options = options;
    }

    double step(double askedKw, double loadKw, long stepS) {
        outputKw = Math.max(0, Math.min(Math.min(askedKw, options.kw()), loadKw));
        energyKwh += outputKw * stepS / 3600.0;
        return outputKw;
    }

    double outputKw() {
        return outputKw;
    }

    /** Energy generated since the start, for fuel and CO2 accounting. */
    double energyKwh() {
        return energyKwh;
    }

    GensetOptions options() {
        return options;
    }
}
