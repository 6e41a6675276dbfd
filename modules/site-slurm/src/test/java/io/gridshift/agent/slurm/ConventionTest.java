package io.gridshift.agent.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConventionTest {

    @Test
    void aGridshiftCommentStatesPowerDeadlineAndPause() {
        Convention.Terms t =
                Convention.terms("gridshift:kw=3.5;deadline=2026-11-27T06:00Z;pause=requeue");

        assertThat(t.flexible()).isTrue();
        assertThat(t.kw()).isEqualTo(3.5);
        assertThat(t.deadline()).isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
        assertThat(t.pause()).isEqualTo(Pause.REQUEUE);
    }

    @Test
    void everyTermIsOptionalAndSuspendIsTheDefault() {
        Convention.Terms t = Convention.terms("gridshift:");

        assertThat(t.flexible()).isTrue();
        assertThat(t.kw()).isNull();
        assertThat(t.deadline()).isNull();
        assertThat(t.pause()).isEqualTo(Pause.SUSPEND);
    }

    @Test
    void otherCommentsAreNotFlexible() {
        assertThat(Convention.terms("").flexible()).isFalse();
        assertThat(Convention.terms(null).flexible()).isFalse();
        assertThat(Convention.terms("run 7 of the sweep").flexible()).isFalse();
        assertThat(Convention.terms("GRIDSHIFT:kw=1").flexible()).isFalse();
    }

    @Test
    void anUnreadableTermLeavesTheJobAloneAndSaysWhy() {
        assertThat(Convention.terms("gridshift:kw=lots").problem()).contains("kw must be");
        assertThat(Convention.terms("gridshift:kw=-1").flexible()).isFalse();
        assertThat(Convention.terms("gridshift:deadline=tomorrow").problem())
                .contains("deadline must be an RFC 3339");
        assertThat(Convention.terms("gridshift:pause=maybe").problem())
                .contains("pause must be suspend, requeue or none");
        // A typo must not make a job holdable without the deadline it meant to give.
        assertThat(Convention.terms("gridshift:kw=1;dedline=2026-11-27T06:00Z").problem())
                .contains("unknown key 'dedline'");
    }

    @Test
    void theMarkKeepsWhatAnAdministratorWroteAndComesOffCleanly() {
        Convention.Mark mark =
                new Convention.Mark("d-7", Action.SUSPEND, Instant.parse("2026-11-26T14:00:00Z"));

        String marked = Convention.withMark("ticket 42", mark);

        assertThat(marked)
                .isEqualTo(
                        "ticket 42 [gridshift-held:order=d-7;did=suspend;"
                                + "until=2026-11-26T14:00:00Z]");
        assertThat(Convention.mark(marked)).isEqualTo(mark);
        assertThat(Convention.withoutMark(marked)).isEqualTo("ticket 42");
        assertThat(Convention.withMark("", mark)).isEqualTo(mark.text());
        assertThat(Convention.withoutMark(mark.text())).isEmpty();
    }

    @Test
    void noMarkOrABrokenOneIsNoMark() {
        assertThat(Convention.mark("")).isNull();
        assertThat(Convention.mark("ticket 42")).isNull();
        assertThat(Convention.mark("[gridshift-held:order=d-7;did=smash;until=2026-11-26T14:00Z]"))
                .isNull();
        assertThat(Convention.mark("[gridshift-held:order=d-7;did=hold;until=soon]")).isNull();
    }
}
