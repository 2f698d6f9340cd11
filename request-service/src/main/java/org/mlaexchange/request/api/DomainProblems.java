package org.mlaexchange.request.api;

import java.util.UUID;
import org.mlaexchange.platform.problem.Problem;
import org.mlaexchange.platform.problem.ProblemException;
import org.mlaexchange.request.domain.DomainException;

/** The decider's refusals as problem+json: each kind has one status and one stable type. */
final class DomainProblems {

    private DomainProblems() {
    }

    static ProblemException of(DomainException e, UUID requestId) {
        if (e instanceof DomainException.NotAParty) {
            return RequestService.notFound(requestId);
        }
        if (e instanceof DomainException.WrongParty) {
            return ProblemException.forbidden("wrong-party", e.getMessage());
        }
        if (e instanceof DomainException.TransitionForbidden) {
            return ProblemException.conflict("transition-forbidden", "This action is not allowed now", e.getMessage());
        }
        DomainException.InvalidCommand invalid = (DomainException.InvalidCommand) e;
        return ProblemException.invalid("The request breaks the rules listed in errors",
                invalid.violations().stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
    }
}
