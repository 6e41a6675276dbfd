package io.gridshift.aggregator.green;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The green contracts file: read strictly, every error naming its field and rule. */
class GreenContractsFileTest {
    static final String GOOD =
            """
            {
              "residualMixGPerKwh": { "DE-LU": 700 },
              "contracts": [
                { "site": "dc-a", "id": "ppa-wind-01", "carbonGPerKwh": 10,
                  "profileStart": "2026-07-15T10:00:00Z", "profileKw": [400, 1200] },
                { "site": "dc-b", "id": "green-tariff", "carbonGPerKwh": 0, "annualMwh": 8760 }
              ]
            }
            """;

    @TempDir Path folder;

    @Test
    void profilesAnnualVolumesAndResidualMixAreRead() {
        GreenContracts c = GreenContractsFile.parse(GOOD);
        Instant t10 = Instant.parse("2026-07-15T10:00:00Z");
        assertThat(c.contract(SiteId.of("dc-a")).supplyKwh(t10.plusSeconds(3600))).isEqualTo(1200);
        assertThat(c.contract(SiteId.of("dc-a")).supplyKwh(t10.plusSeconds(7200))).isZero();
        assertThat(c.contract(SiteId.of("dc-b")).supplyKwh(t10)).isEqualTo(1000);
        assertThat(c.contract(SiteId.of("dc-c")).id()).isEqualTo("none");
        assertThat(c.zone(GridZone.of("DE-LU")).residualMixGPerKwh()).isEqualTo(700);
        assertThat(c.zone(GridZone.of("FR")).residualMixGPerKwh()).isZero();
    }

    @Test
    void theZonesGridHeadroomIsReadForTheScheduler() {
        GreenContracts c =
                GreenContractsFile.parse(
                        GOOD.replace(
                                "\"contracts\":",
                                "\"gridHeadroomKw\": { \"FR\": 2500 },\n  \"contracts\":"));
        assertThat(c.zone(GridZone.of("FR")).gridHeadroomKw()).isEqualTo(2500);
        assertThat(c.zone(GridZone.of("DE-LU")).gridHeadroomKw())
                .isEqualTo(io.gridshift.optimizer.signals.ZoneInfo.UNLIMITED_KW);
        assertThat(c.zones()).containsOnlyKeys(GridZone.of("FR"), GridZone.of("DE-LU"));
        assertRule(
                GOOD.replace(
                        "\"contracts\":", "\"gridHeadroomKw\": { \"FR\": -1 },\n  \"contracts\":"),
                "gridHeadroomKw.FR",
                "range");
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertRule(
                GOOD.replace("\"profileKw\": [400, 1200]", "\"profileKw\": [400, -5]"),
                "contracts[0].profileKw[1]",
                "range");
        assertRule(GOOD.replace("10:00:00Z", "10:30:00Z"), "contracts[0].profileStart", "pattern");
        assertRule(
                GOOD.replace("2026-07-15T", "2026-07-35T"), "contracts[0].profileStart", "format");
        assertRule(GOOD.replace("\"dc-b\"", "\"dc-a\""), "contracts[1].site", "unique");
        assertRule(
                GOOD.replace("\"annualMwh\"", "\"annualMWh\""),
                "contracts[1].annualMWh",
                "unknown");
        assertRule(
                GOOD.replace("\"carbonGPerKwh\": 0,", ""),
                "contracts[1].carbonGPerKwh",
                "required");
        assertRule(
                GOOD.replace("\"annualMwh\": 8760", "\"annualMwh\": 1, \"profileKw\": [1]"),
                "contracts[1].profileKw",
                "exclusive");
        assertRule(
                GOOD.replace("\"DE-LU\": 700", "\"de lu\": 700"),
                "residualMixGPerKwh.de lu",
                "pattern");
        assertRule("{ \"contracts\": [ }", "(document)", "json");
    }

    @Test
    void aBadFileIsNamedWithTheFieldAndRule() throws Exception {
        Path file = folder.resolve("contracts.json");
        Files.writeString(file, GOOD.replace("\"carbonGPerKwh\": 10", "\"carbonGPerKwh\": -1"));
        assertThatThrownBy(() -> GreenContractsFile.read(file))
                .hasMessageContaining(file + ": contracts[0].carbonGPerKwh")
                .hasMessageContaining("rule range");
    }

    private static void assertRule(String json, String field, String rule) {
        assertThatThrownBy(() -> GreenContractsFile.parse(json))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> {
                            assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
                            assertThat(e.rule()).as(e.getMessage()).isEqualTo(rule);
                        });
    }
}
