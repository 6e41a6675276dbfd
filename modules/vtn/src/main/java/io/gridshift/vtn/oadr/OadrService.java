package io.gridshift.vtn.oadr;

import java.util.Optional;

/** One OpenADR 2.0b service (an endpoint of the simpleHttp profile), e.g. EiEvent. */
public interface OadrService {

    /**
     * The answer to {@code message}, one of the generated message types; empty if the message does
     * not belong to this service.
     *
     * @param sender who sent it; {@link OadrEndpoint} has already checked that its certificate
     *     matches the registration of the venID the message names
     */
    Optional<Object> handle(Object message, Sender sender);
}
