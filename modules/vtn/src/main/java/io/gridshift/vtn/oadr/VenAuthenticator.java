package io.gridshift.vtn.oadr;

import io.gridshift.openadr.message.OadrResponseCode;
import io.gridshift.vtn.VtnTls;
import io.gridshift.vtn.ven.Ven;
import io.gridshift.vtn.ven.VenRegistry;
import java.util.Optional;
import org.openadr.oadr20b.OadrCreatePartyRegistrationType;
import org.openadr.oadr20b.OadrQueryRegistrationType;

/**
 * Binds VENs to their certificates (OpenADR 2.0b, security): over TLS, a message that names a
 * registered venID must come with the certificate that registration was made with, and, when the
 * operator listed the fingerprints beforehand, only those certificates may talk to the VTN at all.
 * Refusals are answered with 463 (not registered or authorized). Registration messages are checked
 * by {@link RegistrationService} itself, which answers in their own form.
 */
public final class VenAuthenticator {
    private final VenRegistry vens;
    private final VtnTls tls;

    /**
     * @param tls null over plain HTTP: nothing to check
     */
    public VenAuthenticator(VenRegistry vens, VtnTls tls) {
        this.vens = vens;
        this.tls = tls;
    }

    /** Why the sender may not send this message, as the answer to send; empty if it may. */
    public Optional<Object> refusal(Object message, Sender sender) {
        if (tls == null || !sender.authenticated()) {
            return Optional.empty();
        }
        if (message instanceof OadrQueryRegistrationType
                || message instanceof OadrCreatePartyRegistrationType) {
            return Optional.empty();
        }
        String venId = MessageVen.of(message);
        if (!tls.admits(sender.fingerprint())) {
            return Optional.of(
                    Replies.response(
                            OadrResponseCode.NOT_REGISTERED_OR_AUTHORIZED,
                            "certificate " + sender.fingerprint() + " is not registered",
                            null,
                            venId));
        }
        Optional<Ven> ven = vens.find(venId);
        if (ven.isPresent() && !matches(ven.get(), sender)) {
            return Optional.of(
                    Replies.response(
                            OadrResponseCode.NOT_REGISTERED_OR_AUTHORIZED,
                            "venID " + venId + " is registered with another certificate",
                            null,
                            venId));
        }
        return Optional.empty();
    }

    /**
     * Whether the sender's certificate is the one the VEN registered with (any over plain HTTP).
     */
    static boolean matches(Ven ven, Sender sender) {
        return ven.fingerprint() == null
                || !sender.authenticated()
                || ven.fingerprint().equalsIgnoreCase(sender.fingerprint());
    }
}
