package org.mlaexchange.request.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mlaexchange.contracts.seal.ErasureReason;
import org.mlaexchange.platform.seal.RetentionKind;
import org.mlaexchange.request.domain.RequestAction;
import org.mlaexchange.request.domain.RequestCommand;

/**
 * Requests under the retention rule: settled where their erasure is allowed (refused, closed, withdrawn),
 * erased by the same command the requesting State sends, with no acting State. Spontaneous information
 * would be another {@link RetentionKind} bean beside this one (its own table and erasure).
 */
@ApplicationScoped
class RequestRetention implements RetentionKind {

    private final RequestService requests;

    RequestRetention(RequestService requests) {
        this.requests = requests;
    }

    @Override
    public String label() {
        return "request";
    }

    @Override
    public String table() {
        return "mla_request";
    }

    @Override
    public Set<String> settledStatuses() {
        return RequestAction.ERASE_PERSONAL_DATA.allowedFrom().stream().map(Enum::name).collect(Collectors.toSet());
    }

    @Override
    public void eraseByRetention(UUID id) {
        requests.bySystem(id, new RequestCommand.ErasePersonalData(ErasureReason.RETENTION_PERIOD_ENDED));
    }
}
