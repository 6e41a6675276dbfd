package io.gridshift.vtn.oadr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.codec.OadrCodecException;
import io.gridshift.openadr.codec.OadrCodecOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseCodeTest {
    private final OadrCodec codec = new OadrCodec();

    @Test
    void codesAreThoseOfTheSpecification() {
        assertThat(ResponseCode.OK.text()).isEqualTo("200");
        assertThat(ResponseCode.INVALID_ID.code()).isEqualTo(452);
        assertThat(ResponseCode.NOT_RECOGNIZED.code()).isEqualTo(453);
        assertThat(ResponseCode.INVALID_DATA.code()).isEqualTo(454);
        assertThat(ResponseCode.NOT_REGISTERED_OR_AUTHORIZED.code()).isEqualTo(463);
        assertThat(ResponseCode.of("451")).contains(ResponseCode.NOT_ALLOWED);
        assertThat(ResponseCode.of("299")).isEmpty();
        assertThat(ResponseCode.OK.isSuccess()).isTrue();
        assertThat(ResponseCode.INVALID_DATA.isSuccess()).isFalse();
    }

    @Test
    void unreadableXmlIsInvalidDataAndHttp400() {
        OadrCodecException e = refused("<oadrPayload");
        assertThat(e.reason()).isEqualTo("malformed");
        assertThat(ResponseCode.of(e)).isEqualTo(ResponseCode.INVALID_DATA);
        assertThat(ResponseCode.httpStatus(e)).isEqualTo(400);
    }

    @Test
    void aSchemaViolationIsInvalidDataAndHttp200() {
        OadrCodecException e =
                refused(
                        "<oadr:oadrPayload xmlns:oadr=\"http://openadr.org/oadr-2.0b/2012/07\">"
                                + "<oadr:oadrSignedObject><oadr:nonsense/></oadr:oadrSignedObject>"
                                + "</oadr:oadrPayload>");
        assertThat(e.reason()).isEqualTo("schema");
        assertThat(ResponseCode.of(e)).isEqualTo(ResponseCode.INVALID_DATA);
        assertThat(ResponseCode.httpStatus(e)).isEqualTo(200);
    }

    @Test
    void aForeignRootIsNotRecognized() {
        OadrCodecException e = refused("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>");
        assertThat(ResponseCode.of(e)).isEqualTo(ResponseCode.NOT_RECOGNIZED);
        assertThat(ResponseCode.httpStatus(e)).isEqualTo(200);
    }

    @Test
    void aDoctypeAndATooLargeDocumentAreRefusedAtHttpLevel() {
        OadrCodecException doctype = refused("<!DOCTYPE x [<!ENTITY a \"b\">]><x/>");
        assertThat(ResponseCode.httpStatus(doctype)).isEqualTo(400);
        OadrCodec small = new OadrCodec(OadrCodecOptions.DEFAULTS.withMaxDocumentBytes(8));
        OadrCodecException tooLarge =
                (OadrCodecException)
                        org.assertj.core.api.Assertions.catchThrowable(
                                () ->
                                        small.readPayload(
                                                "<x>0123456789</x>"
                                                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(tooLarge.reason()).isEqualTo("too_large");
        assertThat(ResponseCode.httpStatus(tooLarge)).isEqualTo(413);
        assertThat(ResponseCode.of(tooLarge)).isEqualTo(ResponseCode.INVALID_DATA);
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
        byte[] xml =
                codec.write(
                        io.gridshift.openadr.message.OadrMessages.payload(
                                Replies.response(ResponseCode.INVALID_DATA, "schema", null, null)));
        assertThat(
                        codec.readPayload(xml)
                                .getOadrSignedObject()
                                .getOadrResponse()
                                .getEiResponse()
                                .getResponseCode())
                .isEqualTo("454");
        assertThatThrownBy(() -> ResponseCode.valueOf("NOPE"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
