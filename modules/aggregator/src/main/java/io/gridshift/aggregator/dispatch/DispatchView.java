package io.gridshift.aggregator.dispatch;

import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.DispatchOrder;
import java.time.Instant;

/**
 * An order as the aggregator tracks it.
 *
 * @param order the latest revision issued
 * @param state where it stands
 * @param transport how it was last sent
 * @param attempts how often the latest revision was sent
 * @param issuedAt when the aggregator issued the latest revision (its clock)
 * @param firstSentAt when it was first sent; {@code null} before
 * @param firstAckAt when the site first answered it; {@code null} before
 * @param lastAck the site's latest answer to it; {@code null} before
 */
public record DispatchView(
        DispatchOrder order,
        DispatchState state,
        Transport transport,
        int attempts,
        Instant issuedAt,
        Instant firstSentAt,
        Instant firstAckAt,
        Ack lastAck) {}
