package io.gridshift.edge.codec;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one generated input on a worker thread with a time limit, so that a hang fails the property
 * instead of stalling the build. One long-lived daemon worker: the codec keeps a parser per thread,
 * and a fresh thread per input would measure parser creation, not the input.
 */
final class Bounded {
    private static ExecutorService worker = newWorker();

    private Bounded() {}

    /**
     * What {@code work} returned, or what it threw (unwrapped); an AssertionError past the limit.
     */
    static synchronized <T> T call(Duration limit, Callable<T> work) throws Exception {
        Future<T> future = worker.submit(work);
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            // The stuck thread may never end: later inputs get a fresh one.
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError("no answer within " + limit + " (a hang)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(
                r -> {
                    Thread t = new Thread(r, "hostile-input");
                    t.setDaemon(true);
                    return t;
                });
    }
}
