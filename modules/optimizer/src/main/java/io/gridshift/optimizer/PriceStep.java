package io.gridshift.optimizer;

/**
 * One step of a price-quantity curve: at {@code pricePerKwh} or more the fleet offers {@code kw}
 * (firm, cumulative).
 *
 * @param pricePerKwh the marginal cost of the last kW in the step (currency/kWh)
 * @param kw the firm quantity offered at that price, cumulative
 */
public record PriceStep(double pricePerKwh, double kw) {}
