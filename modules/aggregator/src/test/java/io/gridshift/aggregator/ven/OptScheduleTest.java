package io.gridshift.aggregator.ven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.event.OptType;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.message.OadrMessages;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Opts as the VEN writes them: schema-valid, and refused with the field and rule when wrong. */
class OptScheduleTest {
    static final Instant T0 = Instant.parse("2026-07-01T06:00:00Z");
    final OadrCodec codec = new OadrCodec();
    final VenOpts opts =
            new VenOpts(
                    new VtnClient(
                            VenOptions.of(URI.create("http://127.0.0.1:1"), "t", Path.of(".")),
                            codec),
                    new ManualClock(T0));

    @Test
    void aScheduleAndAnEventOptAreSchemaValid() {
        OptSchedule schedule =
                new OptSchedule(
                        "opt-1",
                        OptType.OPT_OUT,
                        "x-maintenance",
                        "http://market.example",
                        List.of(new OptSchedule.Window(T0, Duration.ofHours(8))),
                        null,
                        0,
                        Set.of());
        String xml = write(schedule);
        assertThat(xml).contains("x-maintenance", "PT8H", "<ei:venID>ven-1</ei:venID>");

        String event = write(OptSchedule.outOfEvent("out-e-2", "evt-e", 2, Set.of("dc-b", "dc-a")));
        assertThat(event)
                .contains("<ei:eventID>evt-e</ei:eventID>", "<ei:modificationNumber>2<")
                .containsSubsequence("<ei:resourceID>dc-a</ei:resourceID>", "dc-b");
    }

    @Test
    void badOptsNameTheFieldAndTheRule() {
        assertThatThrownBy(() -> schedule("bad id!", "economic", List.of()))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("optId");
        assertThatThrownBy(
                        () ->
                                schedule(
                                        "o",
                                        "boredom",
                                        List.of(new OptSchedule.Window(T0, Duration.ofHours(1)))))
                .hasMessageContaining("reason")
                .hasMessageContaining("x-");
        assertThatThrownBy(() -> schedule("o", "economic", List.of()))
                .hasMessageContaining("windows");
        assertThatThrownBy(() -> new OptSchedule.Window(T0, Duration.ZERO))
                .hasMessageContaining("windows.duration");
    }

    static OptSchedule schedule(String id, String reason, List<OptSchedule.Window> windows) {
        return new OptSchedule(id, OptType.OPT_OUT, reason, null, windows, null, 0, Set.of());
    }

    String write(OptSchedule opt) {
        return new String(
                codec.write(OadrMessages.payload(opts.message("ven-1", opt))),
                StandardCharsets.UTF_8);
    }
}
