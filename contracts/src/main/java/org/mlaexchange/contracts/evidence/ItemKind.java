package org.mlaexchange.contracts.evidence;

/**
 * Kinds of evidence item handed over in execution of a request (domain digest, evidence transfer).
 * Codes are stable: they appear in published events.
 */
public enum ItemKind {
    /** Record of a statement or testimony, e.g. the minutes of a hearing. */
    STATEMENT_OR_TESTIMONY_RECORD,
    /** A document, original or certified copy. */
    DOCUMENT,
    /** Financial records, e.g. bank statements. */
    FINANCIAL_RECORD,
    /** Report of the examination of an object or a site. */
    EXAMINATION_REPORT,
    /** An expert's evaluation. */
    EXPERT_EVALUATION,
    /** Audio or video recording, e.g. of a hearing by video conference. */
    AUDIO_VIDEO_RECORDING,
    /** Digital data, e.g. a forensic image. */
    DIGITAL_DATA,
    /** A physical object: it travels outside the system, which holds its metadata and seal number only. */
    PHYSICAL_OBJECT;

    /** Whether the item has content held by the system (every kind except a physical object). */
    public boolean hasContent() {
        return this != PHYSICAL_OBJECT;
    }
}
