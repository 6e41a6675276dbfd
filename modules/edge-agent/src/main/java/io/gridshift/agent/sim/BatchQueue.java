package io.gridshift.agent.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The batch partition's scheduler. Each step it picks the jobs that run within the partition and,
 * during a hold, within a power budget. Priority: a job that must start now to meet its deadline,
 * then the jobs already running (no churn), then the queue earliest-slack first; first fit. Under a
 * budget the running jobs with the most slack are the ones suspended, so a hold breaks no deadline
 * it was checked against. A job whose slack is gone runs even over the budget: the deadline wins
 * over the order, and the achieved reduction shows it.
 */
final class BatchQueue {
    private static final double EPS_KW = 1e-9;
    private static final int MUST_RUN = 0;
    private static final int RUNNING = 1;
    private static final int QUEUED = 2;
    private static final Comparator<BatchJob> PRIORITY =
            Comparator.comparingInt((BatchJob j) -> j.rank).thenComparingDouble(j -> j.slack);

    private final double partitionKw;
    private final List<BatchJob> jobs = new ArrayList<>();
    private double runningKw;
    private int runningCount;
    private int queuedCount;
    private long deadlinesMissed;

    BatchQueue(double partitionKw) {
        this.partitionKw = partitionKw;
    }

    void submit(List<BatchJobSpec> specs) {
        for (BatchJobSpec spec : specs) {
            jobs.add(new BatchJob(spec));
        }
    }

    /**
     * Chooses the jobs that run in the step {@code [startS, startS + stepS)}.
     *
     * @param budgetKw most batch power allowed by active holds; infinite without one
     */
    void schedule(long startS, long stepS, double budgetKw) {
        double limit = Math.min(partitionKw, budgetKw);
        for (BatchJob job : jobs) {
            job.slack = job.slackS(startS);
            job.rank = job.slack <= stepS ? MUST_RUN : job.running ? RUNNING : QUEUED;
        }
        jobs.sort(PRIORITY);
        double used = 0;
        int count = 0;
        for (BatchJob job : jobs) {
            boolean mustRun = job.rank == MUST_RUN;
            boolean fits = used + job.kw() <= limit + EPS_KW;
            boolean fitsPartition = used + job.kw() <= partitionKw + EPS_KW;
            job.running = fits || (mustRun && fitsPartition);
            if (job.running) {
                used += job.kw();
                count++;
            }
        }
        runningKw = used;
        runningCount = count;
        queuedCount = jobs.size() - count;
    }

    /** Runs the chosen jobs for one step ending at {@code endS}; finished jobs leave. */
    void advance(long endS, long stepS) {
        Iterator<BatchJob> it = jobs.iterator();
        while (it.hasNext()) {
            BatchJob job = it.next();
            if (!job.running) {
                continue;
            }
            job.remainingS -= stepS;
            if (job.remainingS <= 0) {
                double finishedAtS = endS + job.remainingS;
                if (finishedAtS > job.spec.deadlineS()) {
                    deadlinesMissed++;
                }
                it.remove();
            }
        }
    }

    /** Power of the jobs running in the last step. */
    double runningKw() {
        return runningKw;
    }

    int runningCount() {
        return runningCount;
    }

    int queuedCount() {
        return queuedCount;
    }

    long deadlinesMissed() {
        return deadlinesMissed;
    }

    /** Running jobs, least slack first: what a hold would suspend last to first. */
    List<BatchJob> runningJobs() {
        List<BatchJob> running = new ArrayList<>();
        for (BatchJob job : jobs) {
            if (job.running) {
                running.add(job);
            }
        }
        return running;
    }

    /** Power of running jobs that can wait at least {@code holdS} from {@code nowS}. */
    double holdableKw(long nowS, long holdS) {
        double kw = 0;
        for (BatchJob job : jobs) {
            if (job.running && job.slackS(nowS) >= holdS) {
                kw += job.kw();
            }
        }
        return kw;
    }
}
