package io.gridshift.cli.demo;

import io.gridshift.domain.site.GridZone;
import io.gridshift.optimizer.ZoneMarket;
import java.util.List;

/**
 * A grid zone of the demo's fleet. The tariff and grid carbon intensity are the demo's assumptions
 * (inputs, illustrative, not measured): the orchestrator moves work by them, and the summary prices
 * the energy the sites measured with them.
 *
 * @param code the zone code the sites report
 * @param name where it is
 * @param character what the grid there is like
 * @param pricePerKwh the assumed tariff during the event, CNY per kWh
 * @param carbonKgPerKwh the assumed grid intensity, kg CO2 per kWh
 */
public record DemoZone(
        String code, String name, String character, double pricePerKwh, double carbonKgPerKwh) {
    /** Two expensive, coal-heavy coastal zones and two cheap, wind- and solar-rich ones. */
    public static final List<DemoZone> ALL =
            List.of(
                    new DemoZone("CN-SH", "Shanghai", "high price, low green share", 1.10, 0.58),
                    new DemoZone("CN-GD", "Guangdong", "high price, low green share", 1.05, 0.50),
                    new DemoZone("CN-NM", "Inner Mongolia", "cheap, wind-rich", 0.40, 0.25),
                    new DemoZone("CN-GS", "Gansu", "cheap, wind- and solar-rich", 0.35, 0.20));

    /** The zones the demo's peak-shaving event asks to shed load: the dear, dirty ones. */
    public static final List<String> EVENT_ZONES = List.of("CN-SH", "CN-GD");

    /** The zone of the {@code i}-th site (0-based): the sites go round the zones in turn. */
    public static DemoZone of(int i) {
        return ALL.get(i % ALL.size());
    }

    /** The zone with {@code code}; fails naming it when the demo has none such. */
    public static DemoZone byCode(String code) {
        return ALL.stream()
                .filter(z -> z.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("zone: unknown " + code));
    }

    /** The orchestrator's view: where moving work to is cheaper and cleaner. */
    public static List<ZoneMarket> markets() {
        return ALL.stream()
                .map(
                        z ->
                                new ZoneMarket(
                                        GridZone.of(z.code()), z.pricePerKwh(), z.carbonKgPerKwh()))
                .toList();
    }
}
