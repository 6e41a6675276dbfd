package io.gridshift.storage.baseline;

import java.util.List;

/**
 * A method that estimates what a site would have drawn without the event. Implementations are
 * stateless and chosen by {@link #name()} through {@link Baselines}.
 */
public interface Baseline {
    /** The name programs choose it by, e.g. {@code pjm-high-4-of-5}. */
    String name();

    /** The meter data this method reads for {@code request}, besides nothing else. */
    List<Window> windows(BaselineRequest request);

    /**
     * The baseline of each event interval from a site's load.
     *
     * @throws BaselineUnavailableException when the load does not allow it
     */
    BaselineCurve compute(BaselineRequest request, LoadSeries load);
}
