package io.gridshift.optimizer;

/**
 * A solver's answer: kW per block and interval and the shortfall per zone and interval.
 *
 * @param x reduction per block and interval
 * @param shortfall target not met per zone and interval
 * @param optimal whether the answer is proven least-cost
 * @param status the solver's own word for it
 */
record Solution(double[][] x, double[][] shortfall, boolean optimal, String status) {}
