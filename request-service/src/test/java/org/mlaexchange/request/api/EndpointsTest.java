package org.mlaexchange.request.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mlaexchange.request.domain.Party;
import org.mlaexchange.request.domain.RequestAction;

/** Every action a State takes on a request has its {@code POST /api/requests/{id}/<action>} with If-Match, and no other. */
class EndpointsTest {

    @Test
    void each_action_of_the_table_has_its_endpoint() {
        Set<String> actions = Arrays.stream(RequestAction.values())
                .filter(a -> a != RequestAction.SUBMIT && a.by() != Party.SYSTEM)
                .map(a -> "/{id}/" + a.pathSegment()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> endpoints = new TreeSet<>();
        for (Method m : RequestResource.class.getDeclaredMethods()) {
            Path path = m.getAnnotation(Path.class);
            if (m.isAnnotationPresent(POST.class) && path != null) {
                endpoints.add(path.value());
                assertEquals(HttpHeaders.IF_MATCH, Arrays.stream(m.getParameters())
                        .map(p -> p.getAnnotation(HeaderParam.class)).filter(h -> h != null).findFirst()
                        .map(HeaderParam::value).orElse(null), path.value() + " takes If-Match");
            }
        }
        assertEquals(actions, endpoints);
    }
}
