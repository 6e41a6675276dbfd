package io.gridshift.optimizer.schedule;

/**
 * A job the plan could not place without breaking a limit, with the reason ({@code
 * no_time_in_horizon}, {@code no_allowed_site}, {@code no_capacity}). The caller runs it as it
 * would without a plan (at arrival at its origin) and sees it here.
 */
public record Unplaced(String jobId, String reason) {}
