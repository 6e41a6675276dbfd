package io.gridshift.agent.sim;

import java.util.List;

/**
 * What the outside world gives the site in one step, shared by the site and its shadow baseline so
 * that the two differ only by the orders.
 *
 * @param epochS end of the step, epoch seconds
 * @param inferenceKw inflexible IT load
 * @param outdoorC outdoor temperature
 * @param arrivals batch jobs submitted during the step
 */
record StepInputs(long epochS, double inferenceKw, double outdoorC, List<BatchJobSpec> arrivals) {}
