package io.gridshift.openadr.codec;

import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import org.glassfish.jaxb.runtime.v2.runtime.Coordinator;

/**
 * Keeps JAXB RI's per-thread "active coordinator" slot occupied for the length of one unmarshal.
 *
 * <p>The RI's UnmarshallingContext makes itself the thread's active {@link Coordinator} around
 * every SAX event it handles (start tag, text, end tag) and, when no coordinator was active before,
 * removes the ThreadLocal entry again afterwards: three ThreadLocalMap insertions and removals per
 * element, about a quarter of a non-validating read of the 24-interval event. With this placeholder
 * pushed first, the context finds a coordinator already there and only swaps the value of an
 * existing entry. The placeholder is never asked for anything while JAXB runs: every callback
 * pushes the real context on top of it. One per worker, never shared between threads.
 */
final class JaxbThreadSlot extends Coordinator {

    /** Occupies the slot; pair with {@link #release()} in a finally block. */
    void hold() {
        pushCoordinator();
    }

    /** Restores whatever was active before {@link #hold()} (normally nothing). */
    void release() {
        popCoordinator();
    }

    @Override
    protected ValidationEventLocator getLocation() {
        return null;
    }

    @Override
    public boolean handleEvent(ValidationEvent event) {
        // Never the active handler of an unmarshal: the UnmarshallingContext is pushed above it.
        return false;
    }
}
