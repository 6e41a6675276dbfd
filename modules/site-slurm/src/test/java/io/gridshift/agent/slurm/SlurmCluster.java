package io.gridshift.agent.slurm;

import io.gridshift.fixtures.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A real single-node Slurm for tests: Debian's munged, slurmctld and slurmd in the foreground, with
 * their own munge key, socket, slurm.conf, state and spool in a temporary folder and their own free
 * loopback ports, so that they touch nothing of the machine's (no /etc/slurm, no /run/munge). The
 * node is {@code localhost} with the machine's real CPUs and memory ({@code slurmd -C}); one
 * partition, {@value #PARTITION}. Needs root (SlurmUser=root), as CI runs.
 *
 * <p>Client commands must use {@link #conf()} as SLURM_CONF; the munge socket is named in it
 * ({@code AuthInfo=socket=...}), so clients find it too.
 */
final class SlurmCluster implements AutoCloseable {
    static final String PARTITION = "batch";
    private static final Pattern CPUS = Pattern.compile("\\bCPUs=(\\d+)");
    private static final Pattern MEMORY = Pattern.compile("\\bRealMemory=(\\d+)");

    private final Path dir;
    private final Path conf;
    private final int cpus;
    private final List<Process> daemons = new ArrayList<>();

    private SlurmCluster(Path dir, Path conf, int cpus) {
        this.dir = dir;
        this.conf = conf;
        this.cpus = cpus;
    }

    /** Starts munged, slurmctld and slurmd and waits until the node is idle. */
    static SlurmCluster start() {
        for (String daemon :
                List.of("/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd")) {
            if (!Files.isExecutable(Path.of(daemon))) {
                throw new IllegalStateException(
                        daemon + " is missing: apt-get install slurm-wlm munge (see .ci/run)");
            }
        }
        try {
            // munged wants its socket's folders searchable by all and its key folder private.
            Path dir = Files.createTempDirectory("gridshift-slurm");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            Path munge = mkdir(dir.resolve("munge"), "rwx------");
            Path run = mkdir(dir.resolve("run"), "rwxr-xr-x");
            Path key = munge.resolve("munge.key");
            byte[] secret = new byte[128];
            new SecureRandom().nextBytes(secret);
            Files.write(key, secret);
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            mkdir(dir.resolve("state"), "rwx------");
            mkdir(dir.resolve("spool"), "rwx------");
            mkdir(dir.resolve("log"), "rwx------");
            String hw = output(List.of("/usr/sbin/slurmd", "-C"), null);
            int cpus = number(CPUS, hw, "CPUs");
            long memory = number(MEMORY, hw, "RealMemory");
            Path conf = dir.resolve("slurm.conf");
            Files.writeString(conf, conf(dir, run, cpus, memory), StandardCharsets.UTF_8);
            SlurmCluster cluster = new SlurmCluster(dir, conf, cpus);
            cluster.daemon(
                    "munged",
                    "/usr/sbin/munged",
                    "--foreground",
                    "--key-file=" + key,
                    "--socket=" + run.resolve("munge.sock"),
                    "--pid-file=" + run.resolve("munged.pid"),
                    "--log-file=" + munge.resolve("munged.log"),
                    "--seed-file=" + munge.resolve("munged.seed"));
            Awaitility.await("munged socket")
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> cluster.alive() && Files.exists(run.resolve("munge.sock")));
            cluster.daemon("slurmctld", "/usr/sbin/slurmctld", "-D", "-f", conf.toString());
            cluster.daemon(
                    "slurmd", "/usr/sbin/slurmd", "-D", "-N", "localhost", "-f", conf.toString());
            Awaitility.await("node localhost idle in sinfo")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(
                            () -> {
                                if (!cluster.alive()) {
                                    throw new IllegalStateException("a Slurm daemon exited");
                                }
                                return cluster.run("sinfo", "-h", "-o", "%t")
                                        .strip()
                                        .equals("idle");
                            });
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up Slurm", e);
        }
    }

    private static String conf(Path dir, Path run, int cpus, long memory) {
        return String.join(
                "\n",
                "ClusterName=gridshift-test",
                "SlurmctldHost=localhost",
                "SlurmctldPort=" + FreePorts.tcp(),
                "SlurmdPort=" + FreePorts.tcp(),
                "SlurmUser=root",
                "SlurmdUser=root",
                "AuthType=auth/munge",
                "CredType=cred/munge",
                "AuthInfo=socket=" + run.resolve("munge.sock"),
                "StateSaveLocation=" + dir.resolve("state"),
                "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + run.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + run.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + dir.resolve("log/slurmctld.log"),
                "SlurmdLogFile=" + dir.resolve("log/slurmd.log"),
                // No cgroups: the sandbox and CI containers may not delegate them.
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_Core",
                "SchedulerType=sched/backfill",
                "JobAcctGatherType=jobacct_gather/none",
                "AccountingStorageType=accounting_storage/none",
                "JobCompType=jobcomp/none",
                "MpiDefault=none",
                "ReturnToService=2",
                "NodeName=localhost CPUs=" + cpus + " RealMemory=" + memory + " State=UNKNOWN",
                "PartitionName="
                        + PARTITION
                        + " Nodes=localhost Default=YES MaxTime=INFINITE State=UP",
                "");
    }

    /** The slurm.conf every client command must use (SLURM_CONF). */
    Path conf() {
        return conf;
    }

    /** The node's CPUs: how many one-CPU jobs run at once. */
    int cpus() {
        return cpus;
    }

    /** Runs a Slurm client command with this cluster's SLURM_CONF; fails unless it exits 0. */
    String run(String... command) {
        return output(List.of(command), conf);
    }

    /** Submits {@code sleep 300} with {@code comment} (none when null) and returns its id. */
    String submit(String comment, String... extra) {
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable", "--output=/dev/null"));
        cmd.add("--chdir=" + dir);
        if (comment != null) {
            cmd.add("--comment=" + comment);
        }
        cmd.addAll(List.of(extra));
        cmd.add("--wrap=sleep 300");
        return output(cmd, conf).strip();
    }

    /** Cancels every job and waits until the queue is empty. */
    void cancelAll() {
        run("scancel", "--user=root");
        Awaitility.await("empty queue")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> run("squeue", "-h", "-o", "%i").isBlank());
    }

    private boolean alive() {
        return daemons.stream().allMatch(Process::isAlive);
    }

    private void daemon(String name, String... command) throws IOException {
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("log/" + name + ".out").toFile());
        pb.environment().put("SLURM_CONF", conf.toString());
        daemons.add(pb.start());
    }

    /** Cancels the jobs (their steps outlive slurmd), stops the daemons, deletes the folder. */
    @Override
    public void close() {
        try {
            cancelAll();
        } catch (RuntimeException e) {
            // Stop the daemons anyway.
        }
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process p = daemons.get(i);
            p.destroy();
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }

    Path dir() {
        return dir;
    }

    private static Path mkdir(Path p, String perms) throws IOException {
        Files.createDirectory(p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        return p;
    }

    private static int number(Pattern p, String text, String what) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("slurmd -C printed no " + what + ": " + text);
        }
        return Integer.parseInt(m.group(1));
    }

    private static String output(List<String> command, Path conf) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
            if (conf != null) {
                pb.environment().put("SLURM_CONF", conf.toString());
            }
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(
                        command
                                + " failed: "
                                + new String(err, StandardCharsets.UTF_8)
                                + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
