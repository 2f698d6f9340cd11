package org.mlaexchange.request.api;

/** Bodies shown as examples in the OpenAPI document (and posted by {@code DemoBodiesTest}, so they stay valid). */
final class ApiExamples {

    private ApiExamples() {
    }

    /** A request with typed measures: a witness heard by video conference, and a detained person's temporary transfer. */
    static final String SUBMIT_TYPED = """
            {"requestedState": "AR", "urgent": false, "confidential": false,
             "content": {
              "requestingAuthority": {"name": "Central Authority of the Netherlands", "address": "The Hague"},
              "proceedingsAuthority": {"name": "National Public Prosecutor, International Crimes Unit", "address": "Rotterdam"},
              "proceedings": {"nature": "PROSECUTION", "subjectMatter": "Crimes against humanity in the northern province", "caseNumber": "ICU-2026-0142"},
              "summaryOfFacts": "Between 2021 and 2023 civilians were detained and tortured at a site run by the accused.",
              "legalQualification": {"category": "CRIMES_AGAINST_HUMANITY", "law": "International Crimes Act, s. 4", "penalty": "life imprisonment"},
              "measures": [
               {"kind": "TAKING_EVIDENCE_OR_STATEMENTS", "specifics": "Hear witness W-17 by video conference",
                "persons": [{"person": 0, "status": "WITNESS"}], "questions": ["Conditions of detention at the site"],
                "interpreterLanguages": ["es"],
                "videoConference": {"proposedDates": ["2030-03-04", "2030-03-05"], "ledBy": "REQUESTING_STATE",
                                    "officialsPresent": ["Investigating judge, Rotterdam District Court"]}},
               {"kind": "FACILITATING_VOLUNTARY_APPEARANCE", "specifics": "Temporary transfer of D-3 to testify at trial",
                "person": 1, "safeConduct": true,
                "temporaryTransfer": {"personConsents": true, "agreedTerms": "Escorted both ways by the requested State's officers",
                                      "custody": "Dutch Custodial Institutions Agency", "returnDate": "2030-06-30"}}],
              "purpose": "Trial of the accused",
              "contact": {"name": "J. de Vries", "email": "j.devries@nl.demo"},
              "language": "en",
              "personsConcerned": [{"identity": "Witness W-17", "location": "Buenos Aires", "protectedPerson": false},
                                   {"identity": "Detainee D-3", "location": "Unidad 2, Buenos Aires", "protectedPerson": false}]}}""";

    /** The form before typed measures, still accepted: each measure described in words only. */
    static final String SUBMIT_IN_WORDS = """
            {"requestedState": "AR", "urgent": false, "confidential": false,
             "content": {
              "requestingAuthority": {"name": "Central Authority of the Netherlands"},
              "proceedingsAuthority": {"name": "National Public Prosecutor, International Crimes Unit"},
              "proceedings": {"nature": "INVESTIGATION", "subjectMatter": "Crimes against humanity", "caseNumber": "ICU-2026-0142"},
              "summaryOfFacts": "Civilians were detained and tortured at a site run by the suspect.",
              "legalQualification": {"category": "CRIMES_AGAINST_HUMANITY", "law": "International Crimes Act, s. 4", "penalty": "life imprisonment"},
              "measures": [{"kind": "PROVIDING_DOCUMENTS_AND_RECORDS", "specifics": "Bank records of account AR-0042, 2021-2023"}],
              "purpose": "Establish the command responsibility of the suspect",
              "contact": {"name": "J. de Vries", "email": "j.devries@nl.demo"},
              "language": "en"}}""";

    /** The execution record of a hearing by video conference, its recording an evidence item. */
    static final String HEARING_EXECUTED = """
            {"updates": [{"measureId": "m1", "status": "EXECUTED", "note": "Witness heard",
              "execution": {"kind": "TAKING_EVIDENCE_OR_STATEMENTS", "heldOn": "2030-03-04", "byVideoConference": true,
                            "participants": ["Witness W-17", "Investigating judge (NL)", "Juez federal (AR)", "Interpreter (es-nl)"],
                            "identityChecked": true, "minutes": "Acta AR-MLA-2026-77/1",
                            "recordingItemId": "0b6f3c1e-4d2a-4c55-9f0e-1a2b3c4d5e6f"}}],
             "summary": "Witness heard by video conference"}""";
}
