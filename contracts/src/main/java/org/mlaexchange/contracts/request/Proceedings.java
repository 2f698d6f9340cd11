package org.mlaexchange.contracts.request;

/** The investigation, prosecution or proceeding a request relates to. */
public record Proceedings(ProceedingsNature nature, String subjectMatter, String caseNumber) {
}
