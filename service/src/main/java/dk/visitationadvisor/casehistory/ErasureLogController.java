package dk.visitationadvisor.casehistory;

import dk.visitationadvisor.casehistory.Erasures.Erasure;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The erasure log over HTTP: when, why and how many were erased, for operators; no personal data. */
@RestController
@Tag(name = "Cases")
class ErasureLogController {

    private final Erasures erasures;

    ErasureLogController(Erasures erasures) {
        this.erasures = erasures;
    }

    @Operation(operationId = "listErasures", summary = "The erasure log, newest first", description = "When, why and how many; no personal data.")
    @GetMapping(path = "/api/v1/erasures", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Erasure> log() {
        return erasures.log();
    }
}
