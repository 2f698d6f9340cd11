package org.mlaexchange.request.store;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.mlaexchange.platform.metrics.CaseStatistics;
import org.mlaexchange.platform.store.JsonState;
import org.mlaexchange.request.domain.MlaRequest;

/** Requests by status and their overdue deadlines, as the request's own state says (metrics). */
@Singleton
public class RequestStatistics extends CaseStatistics {

    public RequestStatistics(AgroalDataSource dataSource) {
        super(dataSource, "mla_request");
    }

    @Override
    protected List<Overdue> overdueIn(String stateJson, Instant now) {
        MlaRequest request = JsonState.read(stateJson, MlaRequest.class);
        return request.overdueAt(now).stream().map(kind -> new Overdue(kind.name(), request.owedBy(kind))).toList();
    }
}
