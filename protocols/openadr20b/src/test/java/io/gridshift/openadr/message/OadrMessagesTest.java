package io.gridshift.openadr.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openadr.oadr20b.OadrDistributeEventType;
import org.openadr.oadr20b.OadrPollType;
import org.openadr.oadr20b.OadrSignedObject;

class OadrMessagesTest {

    @Test
    void namesEveryChoiceOfTheSignedObject() {
        assertThat(OadrMessages.NAMES)
                .hasSize(23)
                .doesNotHaveDuplicates()
                .contains("oadrDistributeEvent", "oadrPoll", "oadrQueryRegistration");
    }

    @Test
    void wrapsAMessageAndFindsItAgain() {
        OadrPollType poll = new OadrPollType();
        poll.setVenID("ven-1");

        OadrSignedObject signed = OadrMessages.signedObject(poll);

        assertThat(signed.getOadrPoll()).isSameAs(poll);
        assertThat(OadrMessages.name(signed)).isEqualTo("oadrPoll");
        assertThat(OadrMessages.body(signed)).isSameAs(poll);
        assertThat(OadrMessages.body(signed, OadrPollType.class)).containsSame(poll);
        assertThat(OadrMessages.body(signed, OadrDistributeEventType.class)).isEmpty();
        assertThat(OadrMessages.payload(poll).getOadrSignedObject().getOadrPoll()).isSameAs(poll);
    }

    @Test
    void refusesWhatIsNotAMessage() {
        assertThatThrownBy(() -> OadrMessages.signedObject("hello"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String is not an OpenADR 2.0b message type");
        assertThatThrownBy(() -> OadrMessages.name(new OadrSignedObject()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carries no message");
    }
}
