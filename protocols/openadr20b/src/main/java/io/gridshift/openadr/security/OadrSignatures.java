package io.gridshift.openadr.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.XMLStructure;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignatureProperties;
import javax.xml.crypto.dsig.SignatureProperty;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLObject;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * OpenADR 2.0b XML signatures (the optional message-level security of the 2.0b profile), with the
 * JDK's XML digital signature API. A signed payload carries, before its {@code oadrSignedObject}, a
 * {@code ds:Signature} with two references, both digested with SHA-256 after exclusive
 * canonicalization: the {@code oadrSignedObject} (by its {@code Id}) and a {@code
 * dsp:ReplayProtect} property (timestamp and nonce) in the signature's own object (the {@code
 * oadr:Id} attribute: the schema qualifies its attributes); the signer's certificate is in its
 * {@code KeyInfo}. Signed with RSA-SHA256 or ECDSA-SHA256, as the key is.
 *
 * <p>{@link #verify} checks the signature with the certificate it carries, that the {@code
 * oadrSignedObject} is what was signed (no wrapping), that the timestamp lies within the replay
 * window of now and that the nonce was not seen in that window; the caller then checks the
 * certificate (its fingerprint against the peer's). Every failure is an {@link
 * OadrSignatureException} with its reason.
 */
public final class OadrSignatures {
    static final String DS = XMLSignature.XMLNS;
    static final String OADR = "http://openadr.org/oadr-2.0b/2012/07";
    static final String DSP = "http://openadr.org/oadr-2.0b/2012/07/xmldsig-properties";
    static final String SIGNED_OBJECT_ID = "signedObject";
    private static final String PROPERTIES_ID = "replayProtection";
    private static final String SIGNATURE_ID = "signature";
    private static final int MAX_NONCES = 100_000;

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Clock clock;
    private final Duration replayWindow;
    private final XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> seen = new LinkedHashMap<>();

    /**
     * @param key the signer's private key (RSA or EC); {@code null} for a verifier only
     * @param certificate its certificate, put in every signature
     * @param replayWindow how far a signed timestamp may lie from now, and how long nonces are kept
     */
    public OadrSignatures(
            PrivateKey key, X509Certificate certificate, Clock clock, Duration replayWindow) {
        this.key = key;
        this.certificate = certificate;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.replayWindow = Objects.requireNonNull(replayWindow, "replayWindow");
    }

    /** Signs a payload written without a signature; the signed payload's bytes. */
    public byte[] sign(byte[] payload) {
        if (key == null) {
            throw new IllegalStateException("no private key to sign with");
        }
        try {
            Document doc = parse(payload);
            Element root = doc.getDocumentElement();
            Element signed = signedObject(root);
            // the 2.0b schema qualifies its attributes: the Id is oadr:Id
            signed.setAttributeNS(OADR, "oadr:Id", SIGNED_OBJECT_ID);
            signed.setIdAttributeNS(OADR, "Id", true);
            CanonicalizationMethod c14n =
                    factory.newCanonicalizationMethod(
                            CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null);
            List<Transform> transforms =
                    List.of(
                            factory.newTransform(
                                    CanonicalizationMethod.EXCLUSIVE,
                                    (TransformParameterSpec) null));
            DigestMethod sha256 = factory.newDigestMethod(DigestMethod.SHA256, null);
            Reference object =
                    factory.newReference("#" + SIGNED_OBJECT_ID, sha256, transforms, null, null);
            Reference replay =
                    factory.newReference(
                            "#" + PROPERTIES_ID,
                            sha256,
                            transforms,
                            "http://www.w3.org/2000/09/xmldsig#SignatureProperties",
                            null);
            SignedInfo info =
                    factory.newSignedInfo(
                            c14n,
                            factory.newSignatureMethod(signatureMethod(), null),
                            List.of(object, replay));
            KeyInfoFactory keys = factory.getKeyInfoFactory();
            KeyInfo keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(List.of(certificate))));
            XMLSignature signature =
                    factory.newXMLSignature(
                            info, keyInfo, List.of(replayObject(doc)), SIGNATURE_ID, null);
            DOMSignContext context = new DOMSignContext(key, root, signed);
            context.setDefaultNamespacePrefix("ds");
            signature.sign(context);
            return serialize(doc);
        } catch (OadrSignatureException e) {
            throw e;
        } catch (Exception e) {
            throw new OadrSignatureException("sign_failed", "cannot sign the payload: " + e, e);
        }
    }

    /**
     * Checks a signed payload.
     *
     * @return the signer's certificate (check its fingerprint against the peer's)
     * @throws OadrSignatureException with the reason: {@code unsigned}, {@code invalid}, {@code
     *     not_covering}, {@code stale}, {@code replayed}, {@code malformed}
     */
    public X509Certificate verify(byte[] payload) {
        Document doc;
        try {
            doc = parse(payload);
        } catch (Exception e) {
            throw new OadrSignatureException("malformed", "not a readable payload: " + e, e);
        }
        Element root = doc.getDocumentElement();
        NodeList sigs = root.getElementsByTagNameNS(DS, "Signature");
        if (sigs.getLength() != 1) {
            throw new OadrSignatureException(
                    "unsigned", "the payload carries " + sigs.getLength() + " ds:Signature, not 1");
        }
        Element signed = signedObject(root);
        String id = signed.getAttributeNS(OADR, "Id");
        if (id.isEmpty()) {
            throw new OadrSignatureException("not_covering", "oadrSignedObject has no oadr:Id");
        }
        signed.setIdAttributeNS(OADR, "Id", true);
        NodeList props = root.getElementsByTagNameNS(DS, "SignatureProperties");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if (p.hasAttribute("Id")) {
                p.setIdAttributeNS(null, "Id", true);
            }
        }
        CertificateKeySelector selector = new CertificateKeySelector();
        try {
            DOMValidateContext context = new DOMValidateContext(selector, sigs.item(0));
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature signature = factory.unmarshalXMLSignature(context);
            if (!signature.validate(context)) {
                throw new OadrSignatureException(
                        "invalid", "the signature or a digest does not match the payload");
            }
            boolean coversObject =
                    signature.getSignedInfo().getReferences().stream()
                            .anyMatch(r -> ("#" + id).equals(((Reference) r).getURI()));
            if (!coversObject) {
                throw new OadrSignatureException(
                        "not_covering", "the signature does not cover the oadrSignedObject");
            }
        } catch (OadrSignatureException e) {
            throw e;
        } catch (Exception e) {
            throw new OadrSignatureException("invalid", "the signature cannot be checked: " + e, e);
        }
        checkReplay(root);
        return selector.certificate;
    }

    private void checkReplay(Element root) {
        NodeList replay = root.getElementsByTagNameNS(DSP, "ReplayProtect");
        if (replay.getLength() != 1) {
            throw new OadrSignatureException("replayed", "no dsp:ReplayProtect is signed");
        }
        Element r = (Element) replay.item(0);
        String stamp = text(r, "timestamp");
        String nonce = text(r, "nonce");
        Instant at;
        try {
            at = Instant.parse(stamp);
        } catch (DateTimeParseException e) {
            throw new OadrSignatureException("stale", "ReplayProtect.timestamp is not a UTC time");
        }
        Instant now = clock.instant();
        if (Duration.between(at, now).abs().compareTo(replayWindow) > 0) {
            throw new OadrSignatureException(
                    "stale",
                    "ReplayProtect.timestamp "
                            + at
                            + " is more than "
                            + replayWindow
                            + " from now");
        }
        synchronized (seen) {
            Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Instant> e = it.next();
                if (e.getValue().isBefore(now.minus(replayWindow)) || seen.size() > MAX_NONCES) {
                    it.remove();
                } else {
                    break;
                }
            }
            if (seen.putIfAbsent(nonce, now) != null) {
                throw new OadrSignatureException("replayed", "ReplayProtect.nonce was seen before");
            }
        }
    }

    private XMLObject replayObject(Document doc) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        Element replay = doc.createElementNS(DSP, "dsp:ReplayProtect");
        Element timestamp = doc.createElementNS(DSP, "dsp:timestamp");
        timestamp.setTextContent(clock.instant().toString());
        Element nonce = doc.createElementNS(DSP, "dsp:nonce");
        nonce.setTextContent(Base64.getEncoder().encodeToString(bytes));
        replay.appendChild(timestamp);
        replay.appendChild(nonce);
        SignatureProperty property =
                factory.newSignatureProperty(
                        List.<XMLStructure>of(new DOMStructure(replay)), "#" + SIGNATURE_ID, null);
        SignatureProperties properties =
                factory.newSignatureProperties(List.of(property), PROPERTIES_ID);
        return factory.newXMLObject(List.of(properties), null, null, null);
    }

    private String signatureMethod() {
        return switch (key.getAlgorithm()) {
            case "RSA" -> SignatureMethod.RSA_SHA256;
            case "EC" -> SignatureMethod.ECDSA_SHA256;
            default ->
                    throw new OadrSignatureException(
                            "sign_failed",
                            "keys of type " + key.getAlgorithm() + " cannot sign here");
        };
    }

    private static Element signedObject(Element root) {
        NodeList objects = root.getElementsByTagNameNS(OADR, "oadrSignedObject");
        if (!OADR.equals(root.getNamespaceURI())
                || !"oadrPayload".equals(root.getLocalName())
                || objects.getLength() != 1) {
            throw new OadrSignatureException(
                    "malformed", "not an oadrPayload with one oadrSignedObject");
        }
        return (Element) objects.item(0);
    }

    private static String text(Element parent, String name) {
        NodeList n = parent.getElementsByTagNameNS(DSP, name);
        if (n.getLength() != 1) {
            throw new OadrSignatureException("replayed", "ReplayProtect has no single " + name);
        }
        return n.item(0).getTextContent().strip();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new ByteArrayInputStream(xml));
    }

    private static byte[] serialize(Document doc) throws Exception {
        TransformerFactory tf = TransformerFactory.newDefaultInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tf.newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

    /** Takes the key of the certificate in the signature's KeyInfo, and keeps the certificate. */
    private static final class CertificateKeySelector extends KeySelector {
        X509Certificate certificate;

        @Override
        public KeySelectorResult select(
                KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext ctx)
                throws KeySelectorException {
            if (keyInfo != null) {
                for (Object o : keyInfo.getContent()) {
                    if (o instanceof X509Data data) {
                        for (Object c : data.getContent()) {
                            if (c instanceof X509Certificate cert) {
                                certificate = cert;
                                return cert::getPublicKey;
                            }
                        }
                    }
                }
            }
            throw new KeySelectorException("the signature carries no X.509 certificate");
        }
    }
}
