package io.gridshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.agent.config.AgentConfig;
import io.gridshift.aggregator.config.AggregatorConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The checked-in configuration reference is what the options generate: a new or changed option
 * without the document written again fails here, naming how to write it.
 */
class ConfigurationReferenceTest {
    static final Path DOC = Path.of("../..", ConfigurationReference.PATH);

    @Test
    void theReferenceIsCurrentAndNamesEveryOption() throws Exception {
        String generated = ConfigurationReference.markdown();
        if (Boolean.getBoolean("gridshift.reference.write")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(DOC).exists();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as(
                        "%s is stale: write it again with -Dgridshift.reference.write=true"
                                + " (see its first lines)",
                        ConfigurationReference.PATH)
                .isEqualTo(generated);
        for (var o : AggregatorConfig.all()) {
            assertThat(generated).contains("`" + o.key() + "`");
        }
        for (var o : AgentConfig.all()) {
            assertThat(generated).contains("`" + o.key() + "`");
        }
        assertThat(generated)
                .contains("| `--port` | `GRIDSHIFT_VTN_PORT` | `8081` |")
                .contains("| `--sites` |  | `50` | Data centers. |");
    }
}
