package org.mlaexchange.platform.audit;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.mlaexchange.platform.identity.Caller;

/** Services with nothing to withhold from auditors replay events as stored. */
@DefaultBean
@ApplicationScoped
public class FullDisclosure implements EventDisclosure {

    @Override
    public String forReader(Caller caller, String parties, String eventJson) {
        return eventJson;
    }
}
