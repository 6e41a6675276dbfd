package io.gridshift.agent.slurm;

import java.time.Instant;

/**
 * One job as {@code squeue --json} lists it, before the Gridshift convention is read.
 *
 * @param id the job id (an array task has its own)
 * @param partition its partition
 * @param state Slurm's state, e.g. {@code PENDING}, {@code RUNNING}, {@code SUSPENDED}
 * @param reason Slurm's state reason, e.g. {@code JobHeldAdmin}, {@code Resources}, {@code None}
 * @param priority 0 for a held job
 * @param cpus CPUs it has or asks for
 * @param nodes the nodes it runs on; empty while pending
 * @param requeue whether Slurm may requeue it
 * @param comment the user's comment ({@code --comment}); empty when none
 * @param adminComment the administrators' comment, where the adapter marks what it changed
 * @param slurmDeadline Slurm's own {@code --deadline} (by when it must finish); {@code null} when
 *     none
 * @param timeLimitMinutes its time limit; {@code null} when unlimited or unknown
 */
record SlurmJob(
        String id,
        String partition,
        String state,
        String reason,
        long priority,
        int cpus,
        String nodes,
        boolean requeue,
        String comment,
        String adminComment,
        Instant slurmDeadline,
        Long timeLimitMinutes) {

    boolean pending() {
        return "PENDING".equals(state);
    }

    boolean running() {
        return "RUNNING".equals(state);
    }

    boolean suspended() {
        return "SUSPENDED".equals(state);
    }

    /**
     * Priority 0 while pending: held by an administrator, a user or a requeue-hold (a job requeued
     * and held is COMPLETING with priority 0 until its processes are gone).
     */
    boolean held() {
        return priority == 0 && (pending() || "COMPLETING".equals(state));
    }
}
