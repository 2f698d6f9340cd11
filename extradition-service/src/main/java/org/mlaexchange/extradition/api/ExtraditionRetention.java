package org.mlaexchange.extradition.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mlaexchange.contracts.seal.ErasureReason;
import org.mlaexchange.extradition.domain.ExtraditionAction;
import org.mlaexchange.extradition.domain.ExtraditionCommand;
import org.mlaexchange.platform.seal.RetentionKind;

/**
 * Extradition cases under the retention rule: settled where their erasure is allowed (withdrawn, closed),
 * erased by the same command the requesting State sends, with no acting State.
 */
@ApplicationScoped
class ExtraditionRetention implements RetentionKind {

    private final ExtraditionService cases;

    ExtraditionRetention(ExtraditionService cases) {
        this.cases = cases;
    }

    @Override
    public String label() {
        return "extradition case";
    }

    @Override
    public String table() {
        return "extradition_case";
    }

    @Override
    public Set<String> settledStatuses() {
        return ExtraditionAction.ERASE_PERSONAL_DATA.allowedFrom().stream().map(Enum::name).collect(Collectors.toSet());
    }

    @Override
    public void eraseByRetention(UUID id) {
        cases.bySystem(id, new ExtraditionCommand.ErasePersonalData(ErasureReason.RETENTION_PERIOD_ENDED));
    }
}
