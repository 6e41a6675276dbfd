package io.gridshift.agent.dispatch;

import io.gridshift.domain.Check;
import io.gridshift.domain.dispatch.DispatchOrder;
import java.util.Objects;

/**
 * The latest revision of one order and what the agent did with it; what {@link OrderStore} keeps
 * per dispatch id.
 *
 * @param order the latest revision the agent accepted
 * @param state where the agent stands with it
 * @param reason the failure's reason for {@link OrderState#FAILED} and {@link
 *     OrderState#REVERT_PENDING}; {@code null} otherwise
 */
public record OrderRecord(DispatchOrder order, OrderState state, String reason) {
    public OrderRecord {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(state, "state");
        Check.text("reason", reason);
    }

    public static OrderRecord accepted(DispatchOrder order) {
        return new OrderRecord(order, OrderState.ACCEPTED, null);
    }

    public OrderRecord with(OrderState newState) {
        return new OrderRecord(order, newState, null);
    }

    public OrderRecord with(OrderState newState, String newReason) {
        return new OrderRecord(order, newState, newReason);
    }
}
