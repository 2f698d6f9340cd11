package org.mlaexchange.request.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.mlaexchange.contracts.request.MeasureExecution;
import org.mlaexchange.request.domain.MlaRequest;

/**
 * A measure with no execution record yet leaves {@code execution} out rather than sending {@code null}: the
 * execution record is a {@code oneOf} by kind in the OpenAPI contract, and a client generated from it (the
 * {@code clients} module) has no value for a null one.
 */
@Singleton
public class MeasureJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(MlaRequest.Measure.class, MeasureMixIn.class);
    }

    abstract static class MeasureMixIn {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract MeasureExecution execution();
    }
}
