package io.gridshift.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a long-running command alive until the JVM is asked to stop, then closes what it ran. */
final class Processes {
    private Processes() {}

    @SuppressWarnings("checkstyle:noPrint")
    static void runUntilStopped(String name, AutoCloseable running) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        running.close();
                                    } catch (Exception e) {
                                        System.err.println(name + ": closing failed: " + e);
                                    } finally {
                                        stopped.countDown();
                                    }
                                },
                                "gridshift-" + name + "-shutdown"));
        stopped.await();
    }
}
