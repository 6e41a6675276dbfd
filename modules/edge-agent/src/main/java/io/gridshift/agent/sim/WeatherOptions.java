package io.gridshift.agent.sim;

import io.gridshift.domain.Check;

/**
 * Outdoor dry-bulb temperature: a daily cosine with its low near 03:00 and its high near 15:00
 * local time, plus slow noise (3 h correlation).
 *
 * @param dailyMeanC mean temperature of the day
 * @param dailyAmplitudeC half the difference between the day's high and low
 * @param noiseC standard deviation of the slow noise
 */
public record WeatherOptions(double dailyMeanC, double dailyAmplitudeC, double noiseC) {
    public WeatherOptions {
        Check.range("weather.dailyMeanC", dailyMeanC, -40, 45);
        Check.range("weather.dailyAmplitudeC", dailyAmplitudeC, 0, 20);
        Check.range("weather.noiseC", noiseC, 0, 5);
    }

    /** A warm summer day: 24 °C mean, 18 to 30 °C, 0.8 °C of noise. */
    public static WeatherOptions summer() {
        return new WeatherOptions(24, 6, 0.8);
    }
}
