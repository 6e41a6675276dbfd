package io.gridshift.optimizer.signals;

import io.gridshift.domain.site.GridZone;
import java.util.Map;

/**
 * Standard-time UTC offset (hours, no daylight saving) of a zone, for the synthetic price model's
 * local peak hours. Approximate: one offset per country or US region; unknown zones get 0.
 */
public final class UtcOffsets {
    private static final Map<String, Integer> COUNTRY =
            Map.ofEntries(
                    Map.entry("AU-WA", 8),
                    Map.entry("AU-SA", 10),
                    Map.entry("AU", 10),
                    Map.entry("BR", -3),
                    Map.entry("CA", -5),
                    Map.entry("CL", -4),
                    Map.entry("PE", -5),
                    Map.entry("PA", -5),
                    Map.entry("UY", -3),
                    Map.entry("GB", 0),
                    Map.entry("IE", 0),
                    Map.entry("PT", 0),
                    Map.entry("FI", 2),
                    Map.entry("EE", 2),
                    Map.entry("LV", 2),
                    Map.entry("LT", 2),
                    Map.entry("GR", 2),
                    Map.entry("BG", 2),
                    Map.entry("RO", 2),
                    Map.entry("CY", 2),
                    Map.entry("IL", 2),
                    Map.entry("ZA", 2),
                    Map.entry("TR", 3),
                    Map.entry("IN", 5),
                    Map.entry("SG", 8),
                    Map.entry("HK", 8),
                    Map.entry("TW", 8),
                    Map.entry("ID", 7),
                    Map.entry("JP", 9),
                    Map.entry("KR", 9),
                    Map.entry("NZ", 12),
                    Map.entry("US-CAL", -8),
                    Map.entry("US-NW", -8),
                    Map.entry("US-SW", -7),
                    Map.entry("US-CENT", -6),
                    Map.entry("US-MIDW", -6),
                    Map.entry("US-TEX", -6),
                    Map.entry("US-TEN", -6),
                    Map.entry("US-HI", -10),
                    Map.entry("US", -5));

    private UtcOffsets() {}

    /** Offset in hours; Central European (+1) for the other European zones, 0 if unknown. */
    public static int of(GridZone zone) {
        String code = zone.code();
        for (String key = code; ; key = key.substring(0, key.lastIndexOf('-'))) {
            Integer h = COUNTRY.get(key);
            if (h != null) {
                return h;
            }
            if (key.indexOf('-') < 0) {
                break;
            }
        }
        return code.length() == 2 || code.contains("-") && code.indexOf('-') == 2 ? 1 : 0;
    }
}
