package org.mlaexchange.request.domain;

import java.time.Instant;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.seal.ErasureReason;

/**
 * Who erased a case's personal data (a request's or spontaneous information's; {@code null}: an operator's retention
 * rule), why and when. Once erased, every personal text of the case reads "erased" and the case takes no more actions.
 */
public record Erasure(StateCode erasedBy, ErasureReason reason, Instant erasedAt) {
}
