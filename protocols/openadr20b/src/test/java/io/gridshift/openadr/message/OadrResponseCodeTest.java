package io.gridshift.openadr.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.codec.OadrCodecException;
import io.gridshift.openadr.codec.OadrCodecOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OadrResponseCodeTest {
    private final OadrCodec codec = new OadrCodec();

    @Test
    void codesAreThoseOfTheSpecification() {
        assertThat(OadrResponseCode.OK.text()).isEqualTo("200");
        assertThat(OadrResponseCode.INVALID_ID.code()).isEqualTo(452);
        assertThat(OadrResponseCode.NOT_RECOGNIZED.code()).isEqualTo(453);
        assertThat(OadrResponseCode.INVALID_DATA.code()).isEqualTo(454);
        assertThat(OadrResponseCode.NOT_REGISTERED_OR_AUTHORIZED.code()).isEqualTo(463);
        assertThat(OadrResponseCode.of("451")).contains(OadrResponseCode.NOT_ALLOWED);
        assertThat(OadrResponseCode.of("299")).isEmpty();
        assertThat(OadrResponseCode.OK.isSuccess()).isTrue();
        assertThat(OadrResponseCode.INVALID_DATA.isSuccess()).isFalse();
    }

    @Test
    void unreadableXmlIsInvalidDataAndHttp400() {
        OadrCodecException e = refused("<oadrPayload");
        assertThat(e.reason()).isEqualTo("malformed");
        assertThat(OadrResponseCode.of(e)).isEqualTo(OadrResponseCode.INVALID_DATA);
        assertThat(OadrResponseCode.httpStatus(e)).isEqualTo(400);
    }

    @Test
    void aSchemaViolationIsInvalidDataAndHttp200() {
        OadrCodecException e =
                refused(
                        "<oadr:oadrPayload xmlns:oadr=\"http://openadr.org/oadr-2.0b/2012/07\">"
                                + "<oadr:oadrSignedObject><oadr:nonsense/></oadr:oadrSignedObject>"
                                + "</oadr:oadrPayload>");
        assertThat(e.reason()).isEqualTo("schema");
        assertThat(OadrResponseCode.of(e)).isEqualTo(OadrResponseCode.INVALID_DATA);
        assertThat(OadrResponseCode.httpStatus(e)).isEqualTo(200);
    }

    @Test
    void aForeignRootIsNotRecognized() {
        OadrCodecException e = refused("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>");
        assertThat(OadrResponseCode.of(e)).isEqualTo(OadrResponseCode.NOT_RECOGNIZED);
        assertThat(OadrResponseCode.httpStatus(e)).isEqualTo(200);
    }

    @Test
    void aDoctypeAndATooLargeDocumentAreRefusedAtHttpLevel() {
        OadrCodecException doctype = refused("<!DOCTYPE x [<!ENTITY a \"b\">]><x/>");
        assertThat(OadrResponseCode.httpStatus(doctype)).isEqualTo(400);
        OadrCodec small = new OadrCodec(OadrCodecOptions.DEFAULTS.withMaxDocumentBytes(8));
        OadrCodecException tooLarge =
                (OadrCodecException)
                        org.assertj.core.api.Assertions.catchThrowable(
                                () ->
                                        small.readPayload(
                                                "<x>0123456789</x>"
                                                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(tooLarge.reason()).isEqualTo("too_large");
        assertThat(OadrResponseCode.httpStatus(tooLarge)).isEqualTo(413);
        assertThat(OadrResponseCode.of(tooLarge)).isEqualTo(OadrResponseCode.INVALID_DATA);
    }

    private OadrCodecException refused(String xml) {
        Throwable t =
                org.assertj.core.api.Assertions.catchThrowable(
                        () -> codec.readPayload(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(t).isInstanceOf(OadrCodecException.class);
        return (OadrCodecException) t;
    }

    @Test
    void anOadrResponseWithAnErrorCodeIsAValidDocument() {
        org.openadr.oadr20b.OadrResponseType response = new org.openadr.oadr20b.OadrResponseType();
        response.setSchemaVersion("2.0b");
        response.setEiResponse(OadrResponseCode.INVALID_DATA.response(null, "schema"));
        byte[] xml = codec.write(OadrMessages.payload(response));
        assertThat(
                        codec.readPayload(xml)
                                .getOadrSignedObject()
                                .getOadrResponse()
                                .getEiResponse()
                                .getResponseCode())
                .isEqualTo("454");
        assertThatThrownBy(() -> OadrResponseCode.valueOf("NOPE"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
