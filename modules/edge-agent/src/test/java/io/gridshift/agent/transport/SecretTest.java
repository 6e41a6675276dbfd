package io.gridshift.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.InvalidFieldException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {

    @Test
    void neverShowsItsValue() {
        Secret secret = Secret.of("hunter2");

        assertThat(secret.toString()).isEqualTo("****").doesNotContain("hunter2");
        assertThat(new String(secret.bytes(), StandardCharsets.UTF_8)).isEqualTo("hunter2");
        assertThat(secret).isEqualTo(Secret.of("hunter2")).isNotEqualTo(Secret.of("hunter3"));
    }

    @Test
    void readsAFileWithoutItsTrailingLineBreak(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("psk"), "s3cret-key\n");
        Path windows = Files.writeString(dir.resolve("psk-crlf"), "s3cret-key\r\n");

        assertThat(Secret.fromFile(file)).isEqualTo(Secret.of("s3cret-key"));
        assertThat(Secret.fromFile(windows)).isEqualTo(Secret.of("s3cret-key"));
    }

    @Test
    void refusesEmptySecretsAndNamesAMissingFileButNotItsContent(@TempDir Path dir)
            throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");

        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> Secret.fromFile(empty))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> Secret.fromFile(dir.resolve("missing")))
                .hasMessageContaining("missing");
    }
}
