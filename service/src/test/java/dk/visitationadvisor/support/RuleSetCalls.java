package dk.visitationadvisor.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Calls of the rule-set API as an author's tool makes them, answered in English. */
public final class RuleSetCalls {

    private RuleSetCalls() {
    }

    public static ResultActions send(MockMvc mvc, String path, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                .content(json));
    }

    /** The version of the live rule set, as the rule catalogue names it. */
    public static String liveVersion(MockMvc mvc) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/rules")).andReturn().getResponse().getContentAsString(),
                "$.rulesetVersion");
    }
}
