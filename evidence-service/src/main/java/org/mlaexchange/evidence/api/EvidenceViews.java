package org.mlaexchange.evidence.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.mlaexchange.evidence.domain.EvidenceAction;
import org.mlaexchange.evidence.domain.EvidenceItem;
import org.mlaexchange.evidence.security.EvidenceDisclosure;
import org.mlaexchange.evidence.domain.ItemAction;
import org.mlaexchange.evidence.domain.Transfer;
import org.mlaexchange.evidence.domain.TransferAction;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.identity.CurrentCaller;
import org.mlaexchange.platform.write.Changed;
import org.mlaexchange.platform.write.Writes;

/**
 * Transfers and items as a party sees them, each with the actions the caller may take on it now, and
 * the one write answer of the Exchange ({@link Changed}) built from them.
 */
@ApplicationScoped
public class EvidenceViews {

    private final CurrentCaller caller;
    private final EvidenceService evidence;

    public EvidenceViews(CurrentCaller caller, EvidenceService evidence) {
        this.caller = caller;
        this.evidence = evidence;
    }

    /**
     * A transfer with its items. {@code allowedActions} are POST path segments under the transfer
     * ({@code items}, {@code dispatch}, {@code cancel}).
     */
    @Schema(name = "TransferView") // what GET and every write answer (api-contract.views)
    public record TransferView(@JsonUnwrapped Transfer transfer, List<ItemView> items, List<String> allowedActions) {
    }

    /**
     * An item (never its content). {@code allowedActions}: {@code upload} (PUT content), {@code download}
     * (GET content), {@code decision} (on a pending use consent), else POST path segments under the item.
     */
    @Schema(name = "ItemView")
    public record ItemView(@JsonUnwrapped EvidenceItem item, List<String> allowedActions) {
    }

    public TransferView transfer(Transfer transfer, List<EvidenceItem> items) {
        boolean erased = transfer.erasure() != null; // an erased transfer and its items take no more actions
        return new TransferView(transfer, items.stream().map(i -> item(i, erased)).toList(),
                erased ? List.of() : actions(EvidenceAction.availableTo(transfer, TransferAction.values(), acting())));
    }

    /** An item as the caller sees it ({@link EvidenceDisclosure}), with the actions it may take now. */
    public ItemView item(EvidenceItem item) {
        return item(item, evidence.erased(item.transferId()));
    }

    private ItemView item(EvidenceItem item, boolean erased) {
        return new ItemView(EvidenceDisclosure.itemFor(caller.get(), item), erased ? List.of()
                : actions(EvidenceAction.availableTo(item, ItemAction.values(), acting()).stream().filter(a -> a != ItemAction.DISPATCH).toList()));
    }

    /** The answer to a change of the transfer: the transfer with all its items. */
    public Response transferChanged(Response.ResponseBuilder response, Writes.Written<EvidenceService.Result> written) {
        Transfer transfer = written.value().transfer();
        return Changed.answer(response, transfer(transfer, evidence.itemsOf(caller.get(), transfer.id())), transfer.version(),
                written.receipts());
    }

    /** The answer to a change of an item. */
    public Response itemChanged(Response.ResponseBuilder response, UUID itemId, Writes.Written<EvidenceService.Result> written) {
        EvidenceItem item = written.value().items().stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseGet(() -> evidence.item(caller.get(), itemId));
        return Changed.answer(response, item(item), item.version(), written.receipts());
    }

    private org.mlaexchange.contracts.StateCode acting() {
        Caller who = caller.get();
        return who.roles().contains(Caller.CENTRAL_AUTHORITY) && !who.oversight() ? who.state() : null;
    }

    private static List<String> actions(List<? extends EvidenceAction> actions) {
        return actions.stream().map(a -> a == ItemAction.STORE_CONTENT ? "upload"
                : a == ItemAction.ACCESS ? "download" : a.pathSegment()).distinct().toList();
    }
}
