package dk.visitationadvisor.web;

import dk.visitationadvisor.authoring.RuleCatalogue;
import dk.visitationadvisor.authoring.RuleCatalogue.Catalogue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Rules", description = "The live rules")
class RuleCatalogueController {

    private final RuleCatalogue catalogue;

    RuleCatalogueController(RuleCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(summary = "The live rules",
            description = "Every rule of the live rule set with its code, kind, programme, step, file and line, its "
                    + "texts in Danish and English, whether it is local policy, an escalation's severity and action, "
                    + "the source passages it cites and the values of the parameters it reads.")
    @GetMapping(path = "/api/v1/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    Catalogue rules() {
        return catalogue.live();
    }
}
