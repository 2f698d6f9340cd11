package org.mlaexchange.contracts.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API's schema of a measure and of its execution record (@Schema: a oneOf with a discriminator) says what
 * Jackson reads (@JsonSubTypes): the same kinds mapped to the same records, every kind and every record once,
 * and each record is of the kind it is mapped to.
 */
class MeasureSchemaTest {

    @ParameterizedTest
    @ValueSource(classes = {MeasureRequest.class, MeasureExecution.class})
    void theSchemaMapsEachKindToTheRecordJacksonReads(Class<?> measure) throws Exception {
        Schema schema = measure.getAnnotation(Schema.class);
        assertEquals(measure.getAnnotation(JsonTypeInfo.class).property(), schema.discriminatorProperty());

        Map<String, Class<?>> jackson = new TreeMap<>();
        for (JsonSubTypes.Type type : measure.getAnnotation(JsonSubTypes.class).value()) {
            jackson.put(type.name(), type.value());
        }
        Map<String, Class<?>> mapping = new TreeMap<>();
        for (DiscriminatorMapping m : schema.discriminatorMapping()) {
            assertEquals(null, mapping.put(m.value(), m.schema()), "kind " + m.value() + " mapped twice");
        }
        assertEquals(jackson, mapping);
        assertEquals(Arrays.stream(MeasureKind.values()).map(Enum::name).collect(Collectors.toSet()), mapping.keySet());

        Set<Class<?>> permitted = Set.of(measure.getPermittedSubclasses());
        assertEquals(permitted, Set.of(schema.oneOf()));
        assertEquals(permitted, Set.copyOf(mapping.values()));

        for (Map.Entry<String, Class<?>> kind : mapping.entrySet()) {
            assertEquals(kind.getKey(), kindOf(kind.getValue()).name(), kind.getValue().getSimpleName());
        }
    }

    /** The kind a record says it is, read from an instance with every field absent. */
    private static MeasureKind kindOf(Class<?> record) throws Exception {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(types).map(t -> t == boolean.class ? (Object) false : null).toArray();
        Object instance = record.getDeclaredConstructor(types).newInstance(values);
        return (MeasureKind) record.getMethod("kind").invoke(instance);
    }
}
