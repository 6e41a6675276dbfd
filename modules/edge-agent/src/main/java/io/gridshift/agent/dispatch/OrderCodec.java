package io.gridshift.agent.dispatch;

import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.edge.codec.EdgeCodec;

/** Turns an order into the bytes {@link OrderStore} keeps as a file's body, and back. */
public interface OrderCodec {
    byte[] encode(DispatchOrder order);

    /** Throws a {@code GridshiftException} (or another runtime exception) on bad input. */
    DispatchOrder decode(byte[] body);

    /**
     * The edge protocol's JSON, as the order arrived on the wire: the file stays readable by people
     * and by every tool that speaks the protocol.
     */
    static OrderCodec edgeJson() {
        EdgeCodec codec = EdgeCodec.json();
        return new OrderCodec() {
            @Override
            public byte[] encode(DispatchOrder order) {
                return codec.encode(order);
            }

            @Override
            public DispatchOrder decode(byte[] body) {
                return codec.decodeDispatch(body);
            }
        };
    }
}
