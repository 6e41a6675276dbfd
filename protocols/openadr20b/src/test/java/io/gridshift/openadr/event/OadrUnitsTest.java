package io.gridshift.openadr.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openadr.oadr20b.BaseUnitType;
import org.openadr.oadr20b.CurrencyType;
import org.openadr.oadr20b.power.PowerRealType;

class OadrUnitsTest {

    @ParameterizedTest
    @CsvSource({
        "kW, powerReal",
        "MW, powerReal",
        "W, powerReal",
        "kWh, energyReal",
        "EUR/kWh, currencyPerKWh",
        "USD/kW, currencyPerKW",
        "USD, currency",
        "kV, customUnit",
        "XYZ/kWh, customUnit"
    })
    void unitTextSurvivesTheItsElement(String unit, String element) {
        var item = OadrUnits.item(unit, PowerAttributes.NORTH_AMERICA_480V);

        assertThat(item.getName().getLocalPart()).isEqualTo(element);
        assertThat(OadrUnits.unit(item)).isEqualTo(unit);
    }

    @Test
    void powerCarriesTheGridsAttributesAndScale() {
        var item = OadrUnits.item("MW", PowerAttributes.NORTH_AMERICA_480V);

        PowerRealType power = (PowerRealType) item.getValue();
        assertThat(power.getItemUnits()).isEqualTo("W");
        assertThat(power.getSiScaleCode()).isEqualTo("M");
        assertThat(power.getPowerAttributes().getHertz()).isEqualByComparingTo("60");
        assertThat(power.getPowerAttributes().getVoltage()).isEqualByComparingTo("480");
        assertThat(power.getPowerAttributes().isAc()).isTrue();
    }

    @Test
    void currencyAndCustomUnitsAreSpelledOut() {
        CurrencyType price =
                (CurrencyType) OadrUnits.item("EUR/kWh", PowerAttributes.EUROPE_400V).getValue();
        BaseUnitType custom =
                (BaseUnitType) OadrUnits.item("kV", PowerAttributes.EUROPE_400V).getValue();

        assertThat(price.getItemUnits().value()).isEqualTo("EUR");
        assertThat(price.getItemDescription().value()).isEqualTo("currencyPerKWh");
        assertThat(price.getSiScaleCode()).isEqualTo("none");
        assertThat(custom.getItemDescription()).isEqualTo("kV");
        assertThat(OadrUnits.item(null, PowerAttributes.EUROPE_400V)).isNull();
        assertThat(OadrUnits.unit(null)).isNull();
    }
}
