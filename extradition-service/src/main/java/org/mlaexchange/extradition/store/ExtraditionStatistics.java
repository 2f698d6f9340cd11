package org.mlaexchange.extradition.store;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.mlaexchange.extradition.domain.ExtraditionCase;
import org.mlaexchange.platform.metrics.CaseStatistics;
import org.mlaexchange.platform.store.JsonState;

/** Extradition cases by status and their overdue deadlines, as the case's own state says (metrics). */
@Singleton
public class ExtraditionStatistics extends CaseStatistics {

    public ExtraditionStatistics(AgroalDataSource dataSource) {
        super(dataSource, "extradition_case");
    }

    @Override
    protected List<Overdue> overdueIn(String stateJson, Instant now) {
        ExtraditionCase extradition = JsonState.read(stateJson, ExtraditionCase.class);
        return extradition.overdueAt(now).stream().map(kind -> new Overdue(kind.name(), extradition.owedBy(kind))).toList();
    }
}
