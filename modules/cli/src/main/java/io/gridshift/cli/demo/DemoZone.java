package io.gridshift.cli.demo;

import java.util.List;

/**
 * A grid zone of the demo's fleet. The descriptions say why a zone is where load should leave or
 * go; the demo prints no price or carbon figure it did not measure.
 *
 * @param code the zone code the sites report
 * @param name where it is
 * @param character what the grid there is like
 */
public record DemoZone(String code, String name, String character) {
    /** Two expensive, coal-heavy coastal zones and two cheap, wind- and solar-rich ones. */
    public static final List<DemoZone> ALL =
            List.of(
                    new DemoZone("CN-SH", "Shanghai", "high price, low green share"),
                    new DemoZone("CN-GD", "Guangdong", "high price, low green share"),
                    new DemoZone("CN-NM", "Inner Mongolia", "cheap, wind-rich"),
                    new DemoZone("CN-GS", "Gansu", "cheap, wind- and solar-rich"));

    /** The zone of the {@code i}-th site (0-based): the sites go round the zones in turn. */
    public static DemoZone of(int i) {
        return ALL.get(i % ALL.size());
    }
}
