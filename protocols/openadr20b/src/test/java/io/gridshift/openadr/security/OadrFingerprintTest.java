package io.gridshift.openadr.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OadrFingerprintTest {

    @Test
    void lastTenBytesOfTheSha256InUpperCaseHexPairs() {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertThat(OadrFingerprint.of("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("7A:9C:B4:10:FF:61:F2:00:15:AD");
    }

    @Test
    void normaliseAcceptsAnyCaseAndRefusesOtherShapes() {
        assertThat(OadrFingerprint.normalise(" 7a:1d:5b:dd:6d:e1:c5:e2:9c:5d "))
                .isEqualTo("7A:1D:5B:DD:6D:E1:C5:E2:9C:5D");
        assertThatThrownBy(() -> OadrFingerprint.normalise("7A1D5BDD6DE1C5E29C5D"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ten hex pairs");
        assertThatThrownBy(() -> OadrFingerprint.normalise(null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
