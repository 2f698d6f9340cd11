package org.mlaexchange.contracts.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mlaexchange.contracts.seal.NotPersonal;

/**
 * One measure of assistance asked for (the kinds of assistance of the Convention and the model instruments): a record per
 * {@link MeasureKind}, told apart in JSON by {@code kind}. Every measure says in words what is to be
 * done ({@code specifics}); its kind's own fields are optional in the contract, so that a measure
 * described in words only (the form before typed measures, {@code {"kind", "specifics"}}) reads as
 * the typed record of its kind with those fields absent. Which of them a typed measure must give is
 * the request service's rule, not the contract's.
 *
 * <p>Persons are never named here: {@code person} fields are positions in
 * {@link RequestContent#personsConcerned()} of the same content version, so an identity (possibly of
 * a protected witness or victim) is held in one place only.
 *
 * <p>In the request events every text here is personal data, sealed ({@link org.mlaexchange.contracts.seal.PersonalData}),
 * but for language codes; kinds, statuses, positions, dates and flags stay in clear.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MeasureRequest.TakingEvidence.class, name = "TAKING_EVIDENCE_OR_STATEMENTS"),
        @JsonSubTypes.Type(value = MeasureRequest.ExaminingObjectsAndSites.class, name = "EXAMINING_OBJECTS_AND_SITES"),
        @JsonSubTypes.Type(value = MeasureRequest.ProvidingInformationAndEvidence.class, name = "PROVIDING_INFORMATION_AND_EVIDENCE"),
        @JsonSubTypes.Type(value = MeasureRequest.ProvidingDocumentsAndRecords.class, name = "PROVIDING_DOCUMENTS_AND_RECORDS"),
        @JsonSubTypes.Type(value = MeasureRequest.SpecialInvestigativeTechniques.class, name = "SPECIAL_INVESTIGATIVE_TECHNIQUES"),
        @JsonSubTypes.Type(value = MeasureRequest.FacilitatingVoluntaryAppearance.class, name = "FACILITATING_VOLUNTARY_APPEARANCE"),
        @JsonSubTypes.Type(value = MeasureRequest.CrossBorderInvestigations.class, name = "CROSS_BORDER_INVESTIGATIONS"),
        @JsonSubTypes.Type(value = MeasureRequest.ProtectionOfWitnessesAndVictims.class, name = "PROTECTION_OF_WITNESSES_AND_VICTIMS"),
        @JsonSubTypes.Type(value = MeasureRequest.ServiceOfDocuments.class, name = "SERVICE_OF_DOCUMENTS"),
        @JsonSubTypes.Type(value = MeasureRequest.SearchAndSeizure.class, name = "SEARCH_AND_SEIZURE"),
        @JsonSubTypes.Type(value = MeasureRequest.FreezingAndConfiscationOfAssets.class, name = "FREEZING_AND_CONFISCATION_OF_ASSETS"),
        @JsonSubTypes.Type(value = MeasureRequest.IdentifyingOrLocatingPersons.class, name = "IDENTIFYING_OR_LOCATING_PERSONS"),
        @JsonSubTypes.Type(value = MeasureRequest.OtherAssistance.class, name = "OTHER_ASSISTANCE")})
// a measure described in words only keeps the JSON it had before typed measures
@JsonInclude(JsonInclude.Include.NON_EMPTY)
// the API's schema says what Jackson reads: one schema per kind, chosen by kind as @JsonSubTypes says (platform's
// ApiContract makes kind required and fixed in each)
@Schema(description = "One measure of assistance asked for, of one kind: its kind's schema, chosen by kind",
        oneOf = {
                MeasureRequest.TakingEvidence.class,
                MeasureRequest.ExaminingObjectsAndSites.class,
                MeasureRequest.ProvidingInformationAndEvidence.class,
                MeasureRequest.ProvidingDocumentsAndRecords.class,
                MeasureRequest.SpecialInvestigativeTechniques.class,
                MeasureRequest.FacilitatingVoluntaryAppearance.class,
                MeasureRequest.CrossBorderInvestigations.class,
                MeasureRequest.ProtectionOfWitnessesAndVictims.class,
                MeasureRequest.ServiceOfDocuments.class,
                MeasureRequest.SearchAndSeizure.class,
                MeasureRequest.FreezingAndConfiscationOfAssets.class,
                MeasureRequest.IdentifyingOrLocatingPersons.class,
                MeasureRequest.OtherAssistance.class},
        discriminatorProperty = "kind",
        discriminatorMapping = {
                @DiscriminatorMapping(value = "TAKING_EVIDENCE_OR_STATEMENTS", schema = MeasureRequest.TakingEvidence.class),
                @DiscriminatorMapping(value = "EXAMINING_OBJECTS_AND_SITES", schema = MeasureRequest.ExaminingObjectsAndSites.class),
                @DiscriminatorMapping(value = "PROVIDING_INFORMATION_AND_EVIDENCE", schema = MeasureRequest.ProvidingInformationAndEvidence.class),
                @DiscriminatorMapping(value = "PROVIDING_DOCUMENTS_AND_RECORDS", schema = MeasureRequest.ProvidingDocumentsAndRecords.class),
                @DiscriminatorMapping(value = "SPECIAL_INVESTIGATIVE_TECHNIQUES", schema = MeasureRequest.SpecialInvestigativeTechniques.class),
                @DiscriminatorMapping(value = "FACILITATING_VOLUNTARY_APPEARANCE", schema = MeasureRequest.FacilitatingVoluntaryAppearance.class),
                @DiscriminatorMapping(value = "CROSS_BORDER_INVESTIGATIONS", schema = MeasureRequest.CrossBorderInvestigations.class),
                @DiscriminatorMapping(value = "PROTECTION_OF_WITNESSES_AND_VICTIMS", schema = MeasureRequest.ProtectionOfWitnessesAndVictims.class),
                @DiscriminatorMapping(value = "SERVICE_OF_DOCUMENTS", schema = MeasureRequest.ServiceOfDocuments.class),
                @DiscriminatorMapping(value = "SEARCH_AND_SEIZURE", schema = MeasureRequest.SearchAndSeizure.class),
                @DiscriminatorMapping(value = "FREEZING_AND_CONFISCATION_OF_ASSETS", schema = MeasureRequest.FreezingAndConfiscationOfAssets.class),
                @DiscriminatorMapping(value = "IDENTIFYING_OR_LOCATING_PERSONS", schema = MeasureRequest.IdentifyingOrLocatingPersons.class),
                @DiscriminatorMapping(value = "OTHER_ASSISTANCE", schema = MeasureRequest.OtherAssistance.class)})
public sealed interface MeasureRequest {

    @JsonProperty("kind")
    MeasureKind kind();

    /** What exactly is to be done, in words (named here too, so that the API's schema of a measure has it). */
    @JsonProperty("specifics")
    String specifics();

    /** The measure as it was before typed measures: its kind and what is to be done, in words only. */
    static MeasureRequest described(MeasureKind kind, String specifics) {
        return switch (kind) {
            case TAKING_EVIDENCE_OR_STATEMENTS -> new TakingEvidence(specifics, null, null, null, null, null);
            case EXAMINING_OBJECTS_AND_SITES -> new ExaminingObjectsAndSites(specifics, null, null, null, null, null);
            case PROVIDING_INFORMATION_AND_EVIDENCE -> new ProvidingInformationAndEvidence(specifics, null, null, null);
            case PROVIDING_DOCUMENTS_AND_RECORDS -> new ProvidingDocumentsAndRecords(specifics, null, null, null, null, null);
            case SPECIAL_INVESTIGATIVE_TECHNIQUES -> new SpecialInvestigativeTechniques(specifics, null, null, null, null);
            case FACILITATING_VOLUNTARY_APPEARANCE -> new FacilitatingVoluntaryAppearance(specifics, null, null, null);
            case CROSS_BORDER_INVESTIGATIONS -> new CrossBorderInvestigations(specifics, null, null, null, null, null);
            case PROTECTION_OF_WITNESSES_AND_VICTIMS -> new ProtectionOfWitnessesAndVictims(specifics, null);
            case SERVICE_OF_DOCUMENTS -> new ServiceOfDocuments(specifics, null, null);
            case SEARCH_AND_SEIZURE -> new SearchAndSeizure(specifics, null, null);
            case FREEZING_AND_CONFISCATION_OF_ASSETS -> new FreezingAndConfiscationOfAssets(specifics, null, null, null, null);
            case IDENTIFYING_OR_LOCATING_PERSONS -> new IdentifyingOrLocatingPersons(specifics, null, null);
            case OTHER_ASSISTANCE -> new OtherAssistance(specifics, null);
        };
    }

    /** The status in the proceedings of a person to be heard. */
    enum PersonStatus { WITNESS, VICTIM, SUSPECT, EXPERT }

    /** Who conducts a hearing by video conference. */
    enum HearingLead { REQUESTING_STATE, REQUESTED_STATE }

    /** The form in which documents are to be provided. */
    enum CertificationFormat { CERTIFIED_COPIES, ORIGINALS, COPIES }

    /** Protective measures asked for a witness or victim (Art. 82). */
    enum ProtectiveMeasure {
        IDENTITY_NON_DISCLOSURE, TESTIMONY_BY_VIDEO_LINK, VOICE_OR_IMAGE_DISTORTION, PHYSICAL_PROTECTION, RELOCATION, OTHER
    }

    /** Whether assets are to be frozen or confiscated. */
    enum AssetAction { FREEZE, CONFISCATE }

    /** @param person position in {@code content.personsConcerned} */
    record PersonHeard(Integer person, PersonStatus status) {
    }

    /**
     * @param proposedDates    dates the requesting State proposes for the hearing
     * @param officialsPresent the requesting State's officials taking part (name and function)
     */
    record VideoConference(List<LocalDate> proposedDates, HearingLead ledBy, List<String> officialsPresent) {
        public VideoConference {
            proposedDates = ContractLists.copy(proposedDates);
            officialsPresent = ContractLists.copy(officialsPresent);
        }
    }

    /**
     * Taking evidence or statements, including by video conference.
     *
     * @param questions            questions to ask, or topics
     * @param rightsToNotify       rights each person is to be told of (a suspect's above all)
     * @param interpreterLanguages languages an interpreter is needed for (ISO 639-1); empty: none
     * @param videoConference      {@code null}: heard in person
     */
    record TakingEvidence(String specifics, List<PersonHeard> persons, List<String> questions, List<String> rightsToNotify,
                          @NotPersonal List<String> interpreterLanguages, VideoConference videoConference) implements MeasureRequest {
        public TakingEvidence {
            persons = ContractLists.copy(persons);
            questions = ContractLists.copy(questions);
            rightsToNotify = ContractLists.copy(rightsToNotify);
            interpreterLanguages = ContractLists.copy(interpreterLanguages);
        }

        public MeasureKind kind() {
            return MeasureKind.TAKING_EVIDENCE_OR_STATEMENTS;
        }
    }

    /**
     * Examining objects and sites.
     *
     * @param subject  what is to be examined
     * @param method   e.g. exhumation, forensic examination
     * @param standard the standard to follow, e.g. the Minnesota Protocol (optional)
     * @param experts  experts to take part (optional)
     */
    record ExaminingObjectsAndSites(String specifics, String location, String subject, String method, String standard,
                                    List<String> experts) implements MeasureRequest {
        public ExaminingObjectsAndSites {
            experts = ContractLists.copy(experts);
        }

        public MeasureKind kind() {
            return MeasureKind.EXAMINING_OBJECTS_AND_SITES;
        }
    }

    /**
     * Providing information, evidentiary items and expert evaluations.
     *
     * @param items                what is to be provided
     * @param expertEvaluation     an expert evaluation is asked for ({@code null}: not said, as false)
     * @param expertQualifications the qualifications the expert must have (when an evaluation is asked for)
     */
    record ProvidingInformationAndEvidence(String specifics, List<String> items, Boolean expertEvaluation,
                                           String expertQualifications) implements MeasureRequest {
        public ProvidingInformationAndEvidence {
            items = ContractLists.copy(items);
        }

        public MeasureKind kind() {
            return MeasureKind.PROVIDING_INFORMATION_AND_EVIDENCE;
        }
    }

    /**
     * Providing documents and records, including financial records.
     *
     * @param holder      who holds them (e.g. a bank)
     * @param identifiers account numbers or other references (optional)
     * @param periodFrom  first day of the period covered (optional)
     * @param periodTo    last day of the period covered (optional)
     */
    record ProvidingDocumentsAndRecords(String specifics, String holder, List<String> identifiers, LocalDate periodFrom,
                                        LocalDate periodTo, CertificationFormat certification) implements MeasureRequest {
        public ProvidingDocumentsAndRecords {
            identifiers = ContractLists.copy(identifiers);
        }

        public MeasureKind kind() {
            return MeasureKind.PROVIDING_DOCUMENTS_AND_RECORDS;
        }
    }

    /**
     * Special investigative techniques.
     *
     * @param technique          e.g. controlled delivery, interception of communications
     * @param legalAuthorisation the requesting State's authorisation (court, order and date)
     * @param durationDays       how long the technique may be applied
     * @param resultsHandling    how results are to be kept, transmitted and destroyed
     */
    record SpecialInvestigativeTechniques(String specifics, String technique, String legalAuthorisation, Integer durationDays,
                                          String resultsHandling) implements MeasureRequest {
        public MeasureKind kind() {
            return MeasureKind.SPECIAL_INVESTIGATIVE_TECHNIQUES;
        }
    }

    /**
     * Temporary transfer of a detained person to the requesting State, to be returned by {@code returnDate}.
     *
     * @param personConsents the person's consent to the transfer
     * @param agreedTerms    what the two States agree on (the requested State agrees by accepting the measure)
     * @param custody        who keeps the person in custody during the transfer
     * @param returnDate     the date by which the requesting State returns the person (a deadline)
     */
    record TemporaryTransfer(boolean personConsents, String agreedTerms, String custody, LocalDate returnDate) {
    }

    /**
     * Facilitating the voluntary appearance of a person, including a detained person, in the requesting State.
     *
     * @param person            position in {@code content.personsConcerned}
     * @param temporaryTransfer {@code null} unless the person is detained in the requested State
     * @param safeConduct       the requesting State assures safe conduct (no prosecution or detention for prior acts); {@code null}: not said
     */
    record FacilitatingVoluntaryAppearance(String specifics, Integer person, TemporaryTransfer temporaryTransfer,
                                           Boolean safeConduct) implements MeasureRequest {
        public MeasureKind kind() {
            return MeasureKind.FACILITATING_VOLUNTARY_APPEARANCE;
        }
    }

    /**
     * Cross-border investigations or observation.
     *
     * @param officers       the requesting State's officers who will act (name and function)
     * @param stopConditions when the operation must stop
     */
    record CrossBorderInvestigations(String specifics, String area, LocalDate from, LocalDate to, List<String> officers,
                                     String stopConditions) implements MeasureRequest {
        public CrossBorderInvestigations {
            officers = ContractLists.copy(officers);
        }

        public MeasureKind kind() {
            return MeasureKind.CROSS_BORDER_INVESTIGATIONS;
        }
    }

    /**
     * Protective measures asked for one person concerned.
     *
     * @param person  position in {@code content.personsConcerned}; that person is marked protected
     * @param details optional, required for {@link ProtectiveMeasure#OTHER}
     */
    record Protection(Integer person, List<ProtectiveMeasure> measures, String details) {
        public Protection {
            measures = ContractLists.copy(measures);
        }
    }

    /** Measures to protect witnesses and victims (Art. 82), each tied to a person concerned. */
    record ProtectionOfWitnessesAndVictims(String specifics, List<Protection> protections) implements MeasureRequest {
        public ProtectionOfWitnessesAndVictims {
            protections = ContractLists.copy(protections);
        }

        public MeasureKind kind() {
            return MeasureKind.PROTECTION_OF_WITNESSES_AND_VICTIMS;
        }
    }

    /**
     * Service of documents.
     *
     * @param person    the addressee: position in {@code content.personsConcerned}
     * @param documents the documents to serve
     */
    record ServiceOfDocuments(String specifics, Integer person, List<String> documents) implements MeasureRequest {
        public ServiceOfDocuments {
            documents = ContractLists.copy(documents);
        }

        public MeasureKind kind() {
            return MeasureKind.SERVICE_OF_DOCUMENTS;
        }
    }

    /**
     * Search and seizure.
     *
     * @param place   the place to search
     * @param sought  what is to be seized
     */
    record SearchAndSeizure(String specifics, String place, List<String> sought) implements MeasureRequest {
        public SearchAndSeizure {
            sought = ContractLists.copy(sought);
        }

        public MeasureKind kind() {
            return MeasureKind.SEARCH_AND_SEIZURE;
        }
    }

    /**
     * Freezing and confiscation of proceeds, property and instrumentalities.
     *
     * @param assets        the assets (account numbers, property)
     * @param holder        who holds them (optional)
     * @param orderReference the requesting State's court order; required for confiscation
     */
    record FreezingAndConfiscationOfAssets(String specifics, AssetAction action, List<String> assets, String holder,
                                           String orderReference) implements MeasureRequest {
        public FreezingAndConfiscationOfAssets {
            assets = ContractLists.copy(assets);
        }

        public MeasureKind kind() {
            return MeasureKind.FREEZING_AND_CONFISCATION_OF_ASSETS;
        }
    }

    /**
     * Identifying or locating a person.
     *
     * @param person            position in {@code content.personsConcerned}
     * @param lastKnownLocation optional
     */
    record IdentifyingOrLocatingPersons(String specifics, Integer person, String lastKnownLocation) implements MeasureRequest {
        public MeasureKind kind() {
            return MeasureKind.IDENTIFYING_OR_LOCATING_PERSONS;
        }
    }

    /** Any other assistance not contrary to the law of the requested State: {@code specifics} says what, {@code reasons} why. */
    record OtherAssistance(String specifics, String reasons) implements MeasureRequest {
        public MeasureKind kind() {
            return MeasureKind.OTHER_ASSISTANCE;
        }
    }
}
