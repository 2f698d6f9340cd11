package org.mlaexchange.contracts.extradition;

import java.util.UUID;

/**
 * A document supporting an extradition request.
 *
 * @param evidenceItemId optional: the evidence item (evidence-service) holding the document
 * @param mlaRequestId   optional: the mutual legal assistance request it was obtained under
 */
public record SupportingDocument(String title, UUID evidenceItemId, UUID mlaRequestId) {
}
