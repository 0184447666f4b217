package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.rulesets.RuleCatalogue.Catalogue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Rules", description = "The live rules")
class RuleCatalogueController {

    private static final String MARKDOWN = "text/markdown;charset=UTF-8";

    private final RuleCatalogue catalogue;

    RuleCatalogueController(RuleCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(operationId = "listRules", summary = "The live rules",
            description = "Every rule of the live rule set with its code, kind, programme, step, file and line, its "
                    + "texts in Danish and English, whether it is local policy, an escalation's severity and action, "
                    + "the source passages it cites and the values of the parameters it reads.")
    @GetMapping(path = "/api/v1/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    Catalogue rules() {
        return catalogue.live();
    }

    @Operation(operationId = "listRules", summary = "The live rules as a page for domain experts",
            description = "The same catalogue in Markdown, by file; docs/rule-catalogue.md is this page for the "
                    + "repository's rules.")
    @GetMapping(path = "/api/v1/rules", produces = MARKDOWN)
    String rulesAsMarkdown() {
        return RuleCatalogueMarkdown.render(catalogue.live());
    }
}
