package io.gridshift.agent.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real runner against ordinary POSIX programs (no GPU needed). */
class ProcessCommandRunnerTest {
    private final ProcessCommandRunner runner = new ProcessCommandRunner(Duration.ofSeconds(10));

    @Test
    void returnsOutputAndExitStatus() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/echo")), "POSIX echo");
        // WHEN a program runs with arguments that a shell would have split or expanded
        CommandRunner.CommandResult r = runner.run(List.of("/bin/echo", "a b", "$HOME"));
        // THEN they reach it unchanged
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEqualTo("a b $HOME\n");
    }

    @Test
    void aFailingProgramReportsItsStatus() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/false")), "POSIX false");
        assertThat(runner.run(List.of("/bin/false")).exitCode()).isNotZero();
    }

    @Test
    void aMissingProgramCannotStart() {
        assertThatThrownBy(() -> runner.run(List.of("gridshift-no-such-program")))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(CommandRunner.CommandTimeoutException.class);
    }

    @Test
    void aProgramPastItsTimeIsKilled() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sleep")), "POSIX sleep");
        ProcessCommandRunner quick = new ProcessCommandRunner(Duration.ofMillis(200));
        assertThatThrownBy(() -> quick.run(List.of("/bin/sleep", "30")))
                .isInstanceOf(CommandRunner.CommandTimeoutException.class)
                .hasMessageContaining("did not finish");
    }
}
