package org.mlaexchange.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.mlaexchange.contracts.rules.DomainException;

/** A decider's refusal as problem+json: one status and one stable type per kind, the same in every service. */
public class DomainProblems {

    @ServerExceptionMapper
    public Response refused(DomainException e, UriInfo uri) {
        return ProblemMappers.respond(of(e).problem(), uri);
    }

    public static ProblemException of(DomainException e) {
        if (e instanceof DomainException.NotAParty notAParty) {
            String kind = notAParty.caseKind();
            return ProblemException.notFound(kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1) + " " + notAParty.caseId());
        }
        if (e instanceof DomainException.WrongParty) {
            return ProblemException.forbidden("wrong-party", e.getMessage());
        }
        if (e instanceof DomainException.NotPermitted notPermitted) {
            return ProblemException.forbidden(notPermitted.code(), notPermitted.reason());
        }
        if (e instanceof DomainException.TransitionForbidden) {
            return ProblemException.conflict("transition-forbidden", "This action is not allowed now", e.getMessage());
        }
        DomainException.InvalidCommand invalid = (DomainException.InvalidCommand) e;
        return ProblemException.invalid("The input breaks the rules listed in errors",
                invalid.violations().stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
    }
}
