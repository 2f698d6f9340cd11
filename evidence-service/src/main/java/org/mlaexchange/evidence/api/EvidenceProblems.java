package org.mlaexchange.evidence.api;

import org.mlaexchange.evidence.domain.DomainException;
import org.mlaexchange.platform.problem.Problem;
import org.mlaexchange.platform.problem.ProblemException;

/** The evidence deciders' refusals as problem+json, one status and stable type per kind. */
final class EvidenceProblems {

    private EvidenceProblems() {
    }

    static ProblemException of(DomainException e) {
        if (e instanceof DomainException.NotAParty notAParty) {
            return ProblemException.notFound(capitalised(notAParty.caseKind()) + " " + notAParty.caseId());
        }
        if (e instanceof DomainException.WrongParty) {
            return ProblemException.forbidden("wrong-party", e.getMessage());
        }
        if (e instanceof DomainException.UseNotPermitted notPermitted) {
            return ProblemException.forbidden("use-not-permitted", notPermitted.reason());
        }
        if (e instanceof DomainException.TransitionForbidden) {
            return ProblemException.conflict("transition-forbidden", "This action is not allowed now", e.getMessage());
        }
        DomainException.InvalidCommand invalid = (DomainException.InvalidCommand) e;
        return ProblemException.invalid("The input breaks the rules listed in errors",
                invalid.violations().stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
