package org.mlaexchange.contracts.request;

import org.mlaexchange.contracts.seal.NotPersonal;

/**
 * A document attached to a request.
 *
 * @param language  ISO 639-1 code of the document's language (required for a translation)
 * @param reference where the document can be obtained (e.g. an evidence item or document store reference)
 */
public record Attachment(String title, AttachmentKind kind, @NotPersonal String language, String reference) {
}
