package io.gridshift.openadr.event;

import jakarta.xml.bind.JAXBElement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openadr.oadr20b.BaseUnitType;
import org.openadr.oadr20b.CurrencyItemDescriptionType;
import org.openadr.oadr20b.CurrencyType;
import org.openadr.oadr20b.CurrentType;
import org.openadr.oadr20b.FrequencyType;
import org.openadr.oadr20b.ObjectFactory;
import org.openadr.oadr20b.PulseCountType;
import org.openadr.oadr20b.TemperatureType;
import org.openadr.oadr20b.ThermType;
import org.openadr.oadr20b.currency.ISO3AlphaCurrencyCodeContentType;
import org.openadr.oadr20b.emix.ItemBaseType;
import org.openadr.oadr20b.power.EnergyItemType;
import org.openadr.oadr20b.power.EnergyRealType;
import org.openadr.oadr20b.power.PowerAttributesType;
import org.openadr.oadr20b.power.PowerItemType;
import org.openadr.oadr20b.power.PowerRealType;
import org.openadr.oadr20b.power.VoltageType;

/**
 * A signal's {@code emix:itemBase} as the unit text of the domain ("kW", "kWh", "EUR/kWh") and
 * back. Real power, real energy and currencies are written as their OpenADR elements; any other
 * unit as an {@code oadr:customUnit}.
 */
public final class OadrUnits {
    private static final ObjectFactory OADR = new ObjectFactory();
    private static final org.openadr.oadr20b.power.ObjectFactory POWER =
            new org.openadr.oadr20b.power.ObjectFactory();

    /** siScaleCode → SI prefix of the unit text; "none" has no prefix. */
    private static final Map<String, String> PREFIX_OF_SCALE =
            Map.of(
                    "p", "p", "n", "n", "micro", "µ", "m", "m", "c", "c", "d", "d", "k", "k", "M",
                    "M", "G", "G", "T", "T");

    private static final Map<String, String> SCALE_OF_PREFIX =
            PREFIX_OF_SCALE.entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));
    private static final Pattern REAL = Pattern.compile("(p|n|µ|m|c|d|k|M|G|T)?(W|Wh)");
    private static final Pattern MONEY = Pattern.compile("([A-Z]{3})(?:/(kWh|kW))?");

    private OadrUnits() {}

    /** The unit text of an item, e.g. "kW"; null for none. */
    public static String unit(JAXBElement<? extends ItemBaseType> item) {
        if (item == null || item.getValue() == null) {
            return null;
        }
        ItemBaseType value = item.getValue();
        if (value instanceof CurrencyType money) {
            String per =
                    switch (item.getName().getLocalPart()) {
                        case "currencyPerKWh" -> "/kWh";
                        case "currencyPerKW" -> "/kW";
                        case "currencyPerThm" -> "/thm";
                        default -> "";
                    };
            String code = money.getItemUnits() == null ? "" : money.getItemUnits().value();
            return prefix(money.getSiScaleCode()) + code + per;
        }
        if (value instanceof PowerItemType power) {
            return prefix(power.getSiScaleCode()) + power.getItemUnits();
        }
        if (value instanceof EnergyItemType energy) {
            return prefix(energy.getSiScaleCode()) + energy.getItemUnits();
        }
        if (value instanceof VoltageType v) {
            return prefix(v.getSiScaleCode()) + v.getItemUnits();
        }
        if (value instanceof CurrentType a) {
            return prefix(a.getSiScaleCode()) + a.getItemUnits();
        }
        if (value instanceof FrequencyType f) {
            return prefix(f.getSiScaleCode()) + f.getItemUnits();
        }
        if (value instanceof BaseUnitType custom) {
            return prefix(custom.getSiScaleCode()) + custom.getItemUnits();
        }
        if (value instanceof ThermType therm) {
            return prefix(therm.getSiScaleCode()) + therm.getItemUnits();
        }
        if (value instanceof TemperatureType t) {
            return t.getItemUnits() == null ? "temperature" : t.getItemUnits().value();
        }
        if (value instanceof PulseCountType pulses) {
            return pulses.getItemUnits();
        }
        return item.getName().getLocalPart();
    }

    /** The item for a unit text; null for null. Power needs the grid's attributes. */
    public static JAXBElement<? extends ItemBaseType> item(
            String unit, PowerAttributes attributes) {
        if (unit == null) {
            return null;
        }
        Matcher real = REAL.matcher(unit);
        if (real.matches()) {
            String scale = real.group(1) == null ? "none" : SCALE_OF_PREFIX.get(real.group(1));
            return real.group(2).equals("W") ? power(scale, attributes) : energy(scale);
        }
        Matcher money = MONEY.matcher(unit);
        if (money.matches() && isCurrency(money.group(1))) {
            return currency(money.group(1), money.group(2));
        }
        BaseUnitType custom = new BaseUnitType();
        custom.setItemDescription(unit);
        custom.setItemUnits(unit);
        custom.setSiScaleCode("none");
        return OADR.createCustomUnit(custom);
    }

    private static JAXBElement<PowerRealType> power(String scale, PowerAttributes attributes) {
        PowerRealType power = new PowerRealType();
        power.setItemDescription("RealPower");
        power.setItemUnits("W");
        power.setSiScaleCode(scale);
        PowerAttributesType grid = new PowerAttributesType();
        grid.setHertz(attributes.hertz());
        grid.setVoltage(attributes.voltage());
        grid.setAc(attributes.ac());
        power.setPowerAttributes(grid);
        return POWER.createPowerReal(power);
    }

    private static JAXBElement<EnergyRealType> energy(String scale) {
        EnergyRealType energy = new EnergyRealType();
        energy.setItemDescription("RealEnergy");
        energy.setItemUnits("Wh");
        energy.setSiScaleCode(scale);
        return POWER.createEnergyReal(energy);
    }

    private static JAXBElement<CurrencyType> currency(String code, String per) {
        CurrencyType money = new CurrencyType();
        money.setItemUnits(ISO3AlphaCurrencyCodeContentType.fromValue(code));
        money.setSiScaleCode("none");
        if (per == null) {
            money.setItemDescription(CurrencyItemDescriptionType.CURRENCY);
            return OADR.createCurrency(money);
        }
        if (per.equals("kW")) {
            money.setItemDescription(CurrencyItemDescriptionType.CURRENCY_PER_KW);
            return OADR.createCurrencyPerKW(money);
        }
        money.setItemDescription(CurrencyItemDescriptionType.CURRENCY_PER_K_WH);
        return OADR.createCurrencyPerKWh(money);
    }

    private static boolean isCurrency(String code) {
        try {
            ISO3AlphaCurrencyCodeContentType.fromValue(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String prefix(String scale) {
        return scale == null ? "" : PREFIX_OF_SCALE.getOrDefault(scale, "");
    }
}
