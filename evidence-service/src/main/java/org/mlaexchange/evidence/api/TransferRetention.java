package org.mlaexchange.evidence.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mlaexchange.evidence.domain.TransferAction;
import org.mlaexchange.platform.seal.RetentionKind;

/**
 * Transfers of evidence under the retention rule: settled where their erasure is allowed (completed,
 * cancelled), erased by the providing State's erasure with no acting State, items and content with them. A
 * transfer whose items are still in the receiving State's custody is refused by that erasure and reported.
 */
@ApplicationScoped
class TransferRetention implements RetentionKind {

    private final EvidenceService evidence;

    TransferRetention(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @Override
    public String label() {
        return "transfer";
    }

    @Override
    public String table() {
        return "transfer";
    }

    @Override
    public Set<String> settledStatuses() {
        return TransferAction.ERASE_PERSONAL_DATA.allowedFrom().stream().map(Enum::name).collect(Collectors.toSet());
    }

    @Override
    public void eraseByRetention(UUID id) {
        evidence.eraseByRetention(id);
    }
}
