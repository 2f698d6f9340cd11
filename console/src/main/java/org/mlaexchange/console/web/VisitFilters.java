package org.mlaexchange.console.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Cookie;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.mlaexchange.console.i18n.Texts;

/** Fills the {@link Visit} from the cookies (language, CSRF token) and sets a CSRF cookie when missing. */
public class VisitFilters {

    private final Visit visit;

    public VisitFilters(Visit visit) {
        this.visit = visit;
    }

    @ServerRequestFilter
    public void before(ContainerRequestContext request) {
        Cookie lang = request.getCookies().get(Texts.COOKIE);
        Cookie csrf = request.getCookies().get(Csrf.COOKIE);
        boolean fresh = csrf == null || csrf.getValue().length() < 20;
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        visit.begin(Texts.choose(lang == null ? null : lang.getValue(), request.getAcceptableLanguages()),
                fresh ? Csrf.newToken() : csrf.getValue(), fresh,
                request.getUriInfo().getRequestUri().getRawPath() + (query == null ? "" : "?" + query));
    }

    @ServerResponseFilter
    public void after(ContainerResponseContext response) {
        if (visit.newCsrf()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, Csrf.cookie(visit.csrf()));
        }
        // pages hold case data: never cached by the browser or a proxy
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().add(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
