package io.gridshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded jar as a user runs it: {@code java -jar gridshift.jar ...}, no class path given. */
class GridshiftJarIT {
    static final Path JAR = Path.of("target", "gridshift.jar");

    record Result(int status, String out) {}

    static Result java(String... args) throws IOException, InterruptedException {
        List<String> command =
                new java.util.ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-jar",
                                JAR.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
        return new Result(
                p.exitValue(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theJarRunsItsHelpAndVersion() throws Exception {
        assertThat(JAR).exists();
        Result help = java("--help");
        assertThat(help.status()).as(help.out()).isZero();
        assertThat(help.out()).contains("Usage: gridshift", "aggregator", "demo", "bench");
        Result version = java("--version");
        assertThat(version.out()).startsWith("gridshift 0.");
    }

    @Test
    void theJarHoldsTheDashboardAndMergedServiceFiles() throws Exception {
        try (var jar = new java.util.jar.JarFile(JAR.toFile())) {
            assertThat(jar.getEntry("gridshift-dashboard/index.html")).isNotNull();
            var services = jar.getEntry("META-INF/services/io.vertx.core.spi.VertxServiceProvider");
            assertThat(services).isNotNull();
            String providers =
                    new String(jar.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8);
            // Vert.x core's own and vertx-web's (or micrometer's) providers both survive the merge
            assertThat(providers.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count())
                    .isGreaterThan(1);
        }
        assertThat(Files.size(JAR)).as("jar size").isLessThan(200L * 1024 * 1024);
    }

    @Test
    void aBadAggregatorFileExitsWithTwo() throws Exception {
        Path bad = Files.createTempFile("bad", ".properties");
        Files.writeString(bad, "cluster.port=-4\n");
        Result r = java("aggregator", "--check", bad.toString());
        assertThat(r.status()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("cluster.port");
    }
}
