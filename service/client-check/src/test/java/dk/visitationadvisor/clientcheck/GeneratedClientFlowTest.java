package dk.visitationadvisor.clientcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.visitationadvisor.client.ApiClient;
import dk.visitationadvisor.client.ApiException;
import dk.visitationadvisor.client.ApiResponse;
import dk.visitationadvisor.client.JSON;
import dk.visitationadvisor.client.api.AssessmentsApi;
import dk.visitationadvisor.client.api.CasesApi;
import dk.visitationadvisor.client.api.DecisionsApi;
import dk.visitationadvisor.client.model.AssessmentRequest;
import dk.visitationadvisor.client.model.AssessmentResponse;
import dk.visitationadvisor.client.model.Decision;
import dk.visitationadvisor.client.model.DecisionRequest;
import dk.visitationadvisor.client.model.Timeline;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The main flow of an integrating case system, through the client generated from the served API
 * document alone: sign in with the documented Basic scheme (the client's username and password),
 * assess the contract's family, read it back, preview with the missing facts ranked, record the
 * decision, read the case's timeline, and be refused with a wrong password.
 */
class GeneratedClientFlowTest {

    /** The contract's example family (docs/api-guide.md §2), with a case reference of this run. */
    private static final String FAMILY = """
            {"caseRef": "%s", "assessmentDate": "2026-11-22",
             "pregnancy": {"gestationalWeek": 24},
             "parents": [{"role": "MOTHER", "riskFactors": ["LOW_MENTALIZATION", "CHILDHOOD_TRAUMA"],
                          "substanceUse": "NONE", "retentionAgreement": false,
                          "mentalIllness": "MILD_MODERATE", "cognitiveFunction": "NORMAL"}],
             "concern": {"level": "SIGNIFICANT", "childSafetyConcern": true,
                         "doubtAboutParentingCapacity": true, "placementNecessary": false},
             "consent": true, "housing": "STABLE", "network": "LIMITED"}
            """;

    private static ApiClient client(String password) {
        ApiClient client = new ApiClient();
        client.setBasePath(System.getProperty("api.url"));
        client.setUsername(System.getProperty("api.username"));
        client.setPassword(password);
        return client;
    }

    @Test
    void theMainFlowWorksThroughTheGeneratedClient() throws ApiException {
        ApiClient client = client(System.getProperty("api.password"));
        AssessmentsApi assessments = new AssessmentsApi(client);
        String caseRef = "K-CLIENT-" + UUID.randomUUID().toString().substring(0, 8);
        AssessmentRequest family = JSON.getGson().fromJson(FAMILY.formatted(caseRef), AssessmentRequest.class);

        ApiResponse<AssessmentResponse> created = assessments.assessWithHttpInfo(family, UUID.randomUUID().toString(), null, null);
        assertThat(created.getStatusCode()).isEqualTo(201);
        AssessmentResponse answer = created.getData();
        assertThat(answer.getCaseRef()).isEqualTo(caseRef);
        assertThat(answer.getProgrammes()).hasSize(2);
        assertThat(answer.getRecommendedProgramme()).isNotNull();

        AssessmentResponse read = assessments.readAssessment(answer.getAssessmentId());
        assertThat(read.getRecommendedProgramme()).isEqualTo(answer.getRecommendedProgramme());

        AssessmentResponse preview = assessments.previewAssessment(family, true, null);
        assertThat(preview.getAssessmentId()).isNull();
        assertThat(preview.getRecommendedProgramme()).isEqualTo(answer.getRecommendedProgramme());
        assertThat(preview.getRankedMissingInformation()).isNotNull();

        DecisionsApi decisions = new DecisionsApi(client);
        DecisionRequest decision = new DecisionRequest()
                .outcome(DecisionRequest.OutcomeEnum.FOLLOWED)
                .decidedProgramme(DecisionRequest.DecidedProgrammeEnum.fromValue(answer.getRecommendedProgramme().getValue()))
                .reason("Fulgt efter samtale med familien.");
        ApiResponse<Decision> recorded = decisions.recordDecisionWithHttpInfo(answer.getAssessmentId(), decision, null);
        assertThat(recorded.getStatusCode()).isEqualTo(201);
        assertThat(decisions.readDecision(answer.getAssessmentId()).getDecidedBy()).isEqualTo(System.getProperty("api.username"));

        Timeline timeline = new CasesApi(client).caseTimeline(caseRef, 0, 20);
        assertThat(timeline.getAssessments()).hasSize(1);
    }

    @Test
    void aWrongPasswordIsRefusedAsDocumented() {
        AssessmentsApi assessments = new AssessmentsApi(client("not-the-password-" + UUID.randomUUID()));
        assertThatThrownBy(() -> assessments.readAssessment(UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(401));
    }
}
