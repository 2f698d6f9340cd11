package org.mlaexchange.contracts.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the requested State records of the execution of one measure, a record per {@link MeasureKind}
 * (told apart in JSON by {@code kind}, which is the kind of the measure executed). Evidence items are
 * named by their id in the evidence service.
 *
 * <p>In the request events every text here (participants, minutes, findings, places) is personal data, sealed
 * ({@link org.mlaexchange.contracts.seal.PersonalData}); kinds, dates, flags and item ids stay in clear.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MeasureExecution.Hearing.class, name = "TAKING_EVIDENCE_OR_STATEMENTS"),
        @JsonSubTypes.Type(value = MeasureExecution.Examination.class, name = "EXAMINING_OBJECTS_AND_SITES"),
        @JsonSubTypes.Type(value = MeasureExecution.InformationProvided.class, name = "PROVIDING_INFORMATION_AND_EVIDENCE"),
        @JsonSubTypes.Type(value = MeasureExecution.DocumentsProvided.class, name = "PROVIDING_DOCUMENTS_AND_RECORDS"),
        @JsonSubTypes.Type(value = MeasureExecution.TechniqueApplied.class, name = "SPECIAL_INVESTIGATIVE_TECHNIQUES"),
        @JsonSubTypes.Type(value = MeasureExecution.Appearance.class, name = "FACILITATING_VOLUNTARY_APPEARANCE"),
        @JsonSubTypes.Type(value = MeasureExecution.Observation.class, name = "CROSS_BORDER_INVESTIGATIONS"),
        @JsonSubTypes.Type(value = MeasureExecution.ProtectionApplied.class, name = "PROTECTION_OF_WITNESSES_AND_VICTIMS"),
        @JsonSubTypes.Type(value = MeasureExecution.Service.class, name = "SERVICE_OF_DOCUMENTS"),
        @JsonSubTypes.Type(value = MeasureExecution.Seizure.class, name = "SEARCH_AND_SEIZURE"),
        @JsonSubTypes.Type(value = MeasureExecution.AssetsFrozen.class, name = "FREEZING_AND_CONFISCATION_OF_ASSETS"),
        @JsonSubTypes.Type(value = MeasureExecution.PersonLocated.class, name = "IDENTIFYING_OR_LOCATING_PERSONS"),
        @JsonSubTypes.Type(value = MeasureExecution.OtherOutcome.class, name = "OTHER_ASSISTANCE")})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
// the API's schema says what Jackson reads: one schema per kind, chosen by kind as @JsonSubTypes says (platform's
// ApiContract makes kind required and fixed in each)
@Schema(description = "What was recorded of the execution of one measure, of the measure's kind: its kind's schema, chosen by kind",
        oneOf = {
                MeasureExecution.Hearing.class,
                MeasureExecution.Examination.class,
                MeasureExecution.InformationProvided.class,
                MeasureExecution.DocumentsProvided.class,
                MeasureExecution.TechniqueApplied.class,
                MeasureExecution.Appearance.class,
                MeasureExecution.Observation.class,
                MeasureExecution.ProtectionApplied.class,
                MeasureExecution.Service.class,
                MeasureExecution.Seizure.class,
                MeasureExecution.AssetsFrozen.class,
                MeasureExecution.PersonLocated.class,
                MeasureExecution.OtherOutcome.class},
        discriminatorProperty = "kind",
        discriminatorMapping = {
                @DiscriminatorMapping(value = "TAKING_EVIDENCE_OR_STATEMENTS", schema = MeasureExecution.Hearing.class),
                @DiscriminatorMapping(value = "EXAMINING_OBJECTS_AND_SITES", schema = MeasureExecution.Examination.class),
                @DiscriminatorMapping(value = "PROVIDING_INFORMATION_AND_EVIDENCE", schema = MeasureExecution.InformationProvided.class),
                @DiscriminatorMapping(value = "PROVIDING_DOCUMENTS_AND_RECORDS", schema = MeasureExecution.DocumentsProvided.class),
                @DiscriminatorMapping(value = "SPECIAL_INVESTIGATIVE_TECHNIQUES", schema = MeasureExecution.TechniqueApplied.class),
                @DiscriminatorMapping(value = "FACILITATING_VOLUNTARY_APPEARANCE", schema = MeasureExecution.Appearance.class),
                @DiscriminatorMapping(value = "CROSS_BORDER_INVESTIGATIONS", schema = MeasureExecution.Observation.class),
                @DiscriminatorMapping(value = "PROTECTION_OF_WITNESSES_AND_VICTIMS", schema = MeasureExecution.ProtectionApplied.class),
                @DiscriminatorMapping(value = "SERVICE_OF_DOCUMENTS", schema = MeasureExecution.Service.class),
                @DiscriminatorMapping(value = "SEARCH_AND_SEIZURE", schema = MeasureExecution.Seizure.class),
                @DiscriminatorMapping(value = "FREEZING_AND_CONFISCATION_OF_ASSETS", schema = MeasureExecution.AssetsFrozen.class),
                @DiscriminatorMapping(value = "IDENTIFYING_OR_LOCATING_PERSONS", schema = MeasureExecution.PersonLocated.class),
                @DiscriminatorMapping(value = "OTHER_ASSISTANCE", schema = MeasureExecution.OtherOutcome.class)})
public sealed interface MeasureExecution {

    @JsonProperty("kind")
    MeasureKind kind();

    /**
     * A hearing held, in person or by video conference.
     *
     * @param participants    who took part (name and function), the requesting State's officials included
     * @param identityChecked the identity of each person heard was checked
     * @param minutes         the minutes, or where they are kept
     * @param recordingItemId the recording as an evidence item (optional)
     */
    record Hearing(LocalDate heldOn, boolean byVideoConference, List<String> participants, boolean identityChecked,
                   String minutes, UUID recordingItemId) implements MeasureExecution {
        public Hearing {
            participants = ContractLists.copy(participants);
        }

        public MeasureKind kind() {
            return MeasureKind.TAKING_EVIDENCE_OR_STATEMENTS;
        }
    }

    /** @param reportItemId the examination report as an evidence item (optional) */
    record Examination(LocalDate examinedOn, String findings, UUID reportItemId) implements MeasureExecution {
        public MeasureKind kind() {
            return MeasureKind.EXAMINING_OBJECTS_AND_SITES;
        }
    }

    record InformationProvided(String summary, List<UUID> itemIds) implements MeasureExecution {
        public InformationProvided {
            itemIds = ContractLists.copy(itemIds);
        }

        public MeasureKind kind() {
            return MeasureKind.PROVIDING_INFORMATION_AND_EVIDENCE;
        }
    }

    record DocumentsProvided(String summary, boolean certified, List<UUID> itemIds) implements MeasureExecution {
        public DocumentsProvided {
            itemIds = ContractLists.copy(itemIds);
        }

        public MeasureKind kind() {
            return MeasureKind.PROVIDING_DOCUMENTS_AND_RECORDS;
        }
    }

    record TechniqueApplied(LocalDate from, LocalDate to, String resultsSummary, List<UUID> itemIds) implements MeasureExecution {
        public TechniqueApplied {
            itemIds = ContractLists.copy(itemIds);
        }

        public MeasureKind kind() {
            return MeasureKind.SPECIAL_INVESTIGATIVE_TECHNIQUES;
        }
    }

    /**
     * @param transferredOn the day a detained person was handed over (temporary transfer), else {@code null}
     * @param returnedOn    the day that person was returned: ends the return deadline
     */
    record Appearance(LocalDate appearedOn, LocalDate transferredOn, LocalDate returnedOn) implements MeasureExecution {
        public MeasureKind kind() {
            return MeasureKind.FACILITATING_VOLUNTARY_APPEARANCE;
        }
    }

    record Observation(LocalDate from, LocalDate to, String report) implements MeasureExecution {
        public MeasureKind kind() {
            return MeasureKind.CROSS_BORDER_INVESTIGATIONS;
        }
    }

    record ProtectionApplied(LocalDate from, String measuresTaken) implements MeasureExecution {
        public MeasureKind kind() {
            return MeasureKind.PROTECTION_OF_WITNESSES_AND_VICTIMS;
        }
    }

    /** @param proofItemId the proof of service as an evidence item (optional) */
    record Service(LocalDate servedOn, String method, UUID proofItemId) implements MeasureExecution {
        public MeasureKind kind() {
            return MeasureKind.SERVICE_OF_DOCUMENTS;
        }
    }

    record Seizure(LocalDate searchedOn, List<String> seized, List<UUID> itemIds) implements MeasureExecution {
        public Seizure {
            seized = ContractLists.copy(seized);
            itemIds = ContractLists.copy(itemIds);
        }

        public MeasureKind kind() {
            return MeasureKind.SEARCH_AND_SEIZURE;
        }
    }

    record AssetsFrozen(LocalDate orderedOn, List<String> assets, String value) implements MeasureExecution {
        public AssetsFrozen {
            assets = ContractLists.copy(assets);
        }

        public MeasureKind kind() {
            return MeasureKind.FREEZING_AND_CONFISCATION_OF_ASSETS;
        }
    }

    /** @param location where the person was found (optional, absent when not found) */
    record PersonLocated(boolean found, String location) implements MeasureExecution {
        public MeasureKind kind() {
            return MeasureKind.IDENTIFYING_OR_LOCATING_PERSONS;
        }
    }

    record OtherOutcome(String outcome) implements MeasureExecution {
        public MeasureKind kind() {
            return MeasureKind.OTHER_ASSISTANCE;
        }
    }
}
