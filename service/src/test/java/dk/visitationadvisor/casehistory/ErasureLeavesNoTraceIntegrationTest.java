package dk.visitationadvisor.casehistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.visitationadvisor.support.FamilyJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finding: an erased case's data could still be read in the H2 file. After an erasure, no byte of the
 * family's data, its answers or the decision's text is left in any file of the data directory, while
 * another family's is still there to be found (so the search can find what is there).
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "anna", roles = {"CASEWORKER", "ADMIN"})
class ErasureLeavesNoTraceIntegrationTest {

    private static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("erasure-traces");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry properties) {
        properties.add("advisor.data.directory", DATA::toString);
        // The nightly rewrite alone: the housekeeping every few seconds could compact the file just before
        // the rewrite, which then has nothing left to shrink.
        properties.add("advisor.data.h2.housekeeping-interval", () -> "PT24H");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Erasures erasures;

    @Test
    void anErasedCaseLeavesNoTraceOfItsDataAnswersOrDecisionTextsInTheDatabaseFiles() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        List<String> erased = storeFamilyWithDecision("K-ERASED-" + unique, "Decided so: ERASED-" + unique);
        List<String> kept = storeFamilyWithDecision("K-KEPT-" + unique, "Decided so: KEPT-" + unique);
        assertThat(traces(erased)).as("what is stored can be found in the files").containsExactlyElementsOf(erased);

        String erasure = mvc.perform(delete("/api/v1/cases/{caseRef}", "K-ERASED-" + unique))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assessmentsErased").value(1))
                .andReturn().getResponse().getContentAsString();
        if (json.readTree(erasure).path("tracesRemovedAt").isNull()) {
            // A busy database leaves the rewrite for the next try (CI saw it once): that try is what the
            // scheduler runs every few minutes, and it must then succeed.
            System.out.println("The rewrite after the erasure was left for the next try");
            assertThat(erasures.removeTraces()).as("the next try removes the traces").isTrue();
        }

        assertThat(traces(erased)).as("the erased family's data, answer and decision text").isEmpty();
        assertThat(traces(kept)).as("another family's, still there").containsExactlyElementsOf(kept);
        mvc.perform(get("/api/v1/cases/{caseRef}/assessments", "K-KEPT-" + unique))
                .andExpect(jsonPath("$.totalAssessments").value(1))
                .andExpect(jsonPath("$.assessments[0].decision.reason").value("Decided so: KEPT-" + unique));
    }

    /**
     * Finding: the database grew 1.1 GB during a batch whose answers were a third of that: H2 appends
     * what it changes and frees old pages only slowly. The nightly purge writes the file anew with its
     * live data, so the file is bounded by what is stored.
     */
    @Test
    void theNightlyRewriteKeepsTheDatabaseFileToItsLiveData() throws Exception {
        // One commit each, as a caseworker's assessments come: each commit appends to the file.
        for (int i = 0; i < 300; i++) {
            mvc.perform(post("/api/v1/assessments").contentType(MediaType.APPLICATION_JSON)
                            .content(FamilyJson.inCourse("K-SIZE-" + i, "2026-11-22", "MODERATE")))
                    .andExpect(status().isCreated());
        }
        long before = databaseFileSize();

        erasures.purgeExpired();

        long after = databaseFileSize();
        System.out.printf("H2 file: %d KB before the nightly rewrite, %d KB after%n", before / 1024, after / 1024);
        assertThat(after).as("written anew with its live data").isLessThan(before / 2);
        mvc.perform(get("/api/v1/cases/{caseRef}/assessments", "K-SIZE-299"))
                .andExpect(jsonPath("$.totalAssessments").value(1));
    }

    private static long databaseFileSize() throws IOException {
        return Files.size(DATA.resolve("visitation-advisor.mv.db"));
    }

    /**
     * Stores an assessment of the family and a decision on it; returns the texts that only its stored
     * request, answer and decision hold (the access audit keeps the bare case reference, not these).
     */
    private List<String> storeFamilyWithDecision(String caseRef, String reason) throws Exception {
        String answer = mvc.perform(post("/api/v1/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content(FamilyJson.inCourse(caseRef, "2026-11-22", "SIGNIFICANT")))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(answer).path("assessmentId").asString();
        mvc.perform(put("/api/v1/assessments/{id}/decision", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"OVERRIDDEN\", \"decidedProgramme\": \"NONE\", \"reason\": \"" + reason + "\"}"))
                .andExpect(status().isCreated());
        return List.of("\"caseRef\":\"" + caseRef + "\"", "\"assessmentId\":\"" + id + "\"", reason);
    }

    /** Which of the texts some file of the data directory holds, in UTF-8 as stored. */
    private static List<String> traces(List<String> texts) throws IOException {
        List<byte[]> files;
        try (Stream<Path> paths = Files.walk(DATA)) {
            files = paths.filter(Files::isRegularFile).map(ErasureLeavesNoTraceIntegrationTest::read).toList();
        }
        return texts.stream().filter(text -> files.stream().anyMatch(file -> contains(file,
                text.getBytes(StandardCharsets.UTF_8)))).toList();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] file, byte[] text) {
        outer:
        for (int i = 0; i + text.length <= file.length; i++) {
            for (int j = 0; j < text.length; j++) {
                if (file[i + j] != text[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
