package org.mlaexchange.contracts.request;

/** What an attachment of a request is. */
public enum AttachmentKind {
    /** A translation of the request into another language. */
    TRANSLATION,
    SUPPORTING_DOCUMENT,
    OTHER
}
