package io.gridshift.openadr.message;

import jakarta.xml.bind.annotation.XmlType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openadr.oadr20b.OadrPayload;
import org.openadr.oadr20b.OadrSignedObject;

/**
 * The 23 messages an {@code oadrSignedObject} can carry (it holds exactly one), by element name and
 * generated type: wrap a message for sending, find the message in one received.
 *
 * <p>The table is read once from the generated {@link OadrSignedObject} itself (its property order
 * and accessors), so it cannot drift from the schema.
 */
public final class OadrMessages {

    private record Kind(String name, Class<?> type, Method getter, Method setter) {

        Object get(OadrSignedObject source) {
            return invoke(getter, source);
        }

        void set(OadrSignedObject target, Object message) {
            invoke(setter, target, message);
        }
    }

    private static final List<Kind> KINDS = kinds();

    /** Element names of every message, in the order of the schema's choice. */
    public static final List<String> NAMES = KINDS.stream().map(Kind::name).toList();

    private OadrMessages() {}

    /**
     * An {@code oadrSignedObject} carrying {@code message}, which must be one of the generated
     * message types, e.g. {@code OadrDistributeEventType}.
     */
    public static OadrSignedObject signedObject(Object message) {
        Objects.requireNonNull(message, "message");
        Kind kind = kindOf(message.getClass());
        OadrSignedObject signed = new OadrSignedObject();
        kind.set(signed, message);
        return signed;
    }

    /** An {@code oadrPayload} (without signature) carrying {@code message}. */
    public static OadrPayload payload(Object message) {
        OadrPayload payload = new OadrPayload();
        payload.setOadrSignedObject(signedObject(message));
        return payload;
    }

    /**
     * The message inside {@code signed}; one of the generated message types.
     *
     * @throws IllegalArgumentException if it carries none (only possible for an object built in
     *     code or read without validation)
     */
    public static Object body(OadrSignedObject signed) {
        return bodyKind(signed).get(signed);
    }

    /** The message inside {@code signed} as {@code type}, or empty if it carries another one. */
    public static <T> Optional<T> body(OadrSignedObject signed, Class<T> type) {
        Object body = body(signed);
        return type.isInstance(body) ? Optional.of(type.cast(body)) : Optional.empty();
    }

    /** The element name of the message inside {@code signed}, e.g. {@code oadrDistributeEvent}. */
    public static String name(OadrSignedObject signed) {
        return bodyKind(signed).name();
    }

    private static Kind bodyKind(OadrSignedObject signed) {
        Objects.requireNonNull(signed, "signed");
        for (Kind kind : KINDS) {
            if (kind.get(signed) != null) {
                return kind;
            }
        }
        throw new IllegalArgumentException("the oadrSignedObject carries no message");
    }

    private static Kind kindOf(Class<?> type) {
        for (Kind kind : KINDS) {
            if (kind.type() == type) {
                return kind;
            }
        }
        throw new IllegalArgumentException(type.getName() + " is not an OpenADR 2.0b message type");
    }

    private static List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>();
        for (String name : OadrSignedObject.class.getAnnotation(XmlType.class).propOrder()) {
            String property = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            try {
                Method getter = OadrSignedObject.class.getMethod("get" + property);
                Method setter =
                        OadrSignedObject.class.getMethod("set" + property, getter.getReturnType());
                kinds.add(new Kind(name, getter.getReturnType(), getter, setter));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("generated OadrSignedObject lacks " + name, e);
            }
        }
        return List.copyOf(kinds);
    }

    private static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }
}
