package io.gridshift.vtn.oadr;

/**
 * Gets a message the VTN starts (a report request, a cancellation, a re-registration request) to a
 * VEN: pushed to a push VEN, queued for the next poll of a pull VEN (and of a push VEN that could
 * not be reached).
 */
public interface Courier {

    /**
     * @param service the service path the message belongs to, e.g. {@code EiReport}
     */
    void send(String venId, String service, Object message);
}
