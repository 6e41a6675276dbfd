package io.gridshift.vtn.oadr;

import io.gridshift.domain.error.GridshiftException;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.codec.OadrCodecException;
import io.gridshift.openadr.message.OadrMessages;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openadr.oadr20b.OadrPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simpleHttp profile: {@code POST /OpenADR2/Simple/2.0b/<service>} with an {@code oadrPayload}
 * body, answered with one in {@code application/xml}. Every document read and written goes through
 * the validating {@link OadrCodec}. A document that is not XML gets HTTP 400 (413 when too large),
 * one that is XML but not a valid 2.0b message gets HTTP 200 and an {@code oadrResponse} with 454
 * (invalid data) or 453 (not recognized), as does a message sent to the wrong service.
 */
public final class OadrEndpoint {
    public static final String BASE = "/OpenADR2/Simple/2.0b/";
    public static final String CONTENT_TYPE = "application/xml";

    private static final Logger LOG = LoggerFactory.getLogger(OadrEndpoint.class);

    private final OadrCodec codec;
    private final Map<String, OadrService> services;

    /**
     * @param services by the last segment of their path, e.g. {@code EiEvent}
     */
    public OadrEndpoint(OadrCodec codec, Map<String, OadrService> services) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.services = Map.copyOf(services);
    }

    /** The handler of {@code POST BASE + ":service"} (after a body handler). */
    public void handle(RoutingContext ctx) {
        OadrService service = services.get(ctx.pathParam("service"));
        if (service == null) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        Buffer body = ctx.body().buffer();
        byte[] bytes = body == null ? new byte[0] : body.getBytes();
        int status = 200;
        Object answer;
        try {
            answer = answer(service, codec.readPayload(bytes), ctx.pathParam("service"));
        } catch (OadrCodecException e) {
            LOG.info("{} refused: {}", ctx.request().path(), e.getMessage());
            status = ResponseCode.httpStatus(e);
            answer = Replies.response(ResponseCode.of(e), e.reason(), null, null);
        } catch (GridshiftException e) {
            LOG.info("{} refused: {}", ctx.request().path(), e.getMessage());
            answer = Replies.response(ResponseCode.INVALID_DATA, e.reason(), null, null);
        }
        byte[] out = codec.write(OadrMessages.payload(answer));
        ctx.response()
                .setStatusCode(status)
                .putHeader("content-type", CONTENT_TYPE)
                .end(Buffer.buffer(out));
    }

    private static Object answer(OadrService service, OadrPayload payload, String name) {
        Object message = OadrMessages.body(payload.getOadrSignedObject());
        Optional<Object> answer = service.handle(message);
        return answer.orElseGet(
                () ->
                        Replies.response(
                                ResponseCode.NOT_RECOGNIZED,
                                OadrMessages.name(payload.getOadrSignedObject())
                                        + " is not a message of "
                                        + name,
                                null,
                                null));
    }
}
