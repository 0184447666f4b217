package dk.visitationadvisor.platform.http;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The API document (/v3/api-docs), written so that an integrating system can generate a working
 * client from it alone: who we are, how to sign in, and every answer an operation can give, errors
 * included, typed as what is really sent (docs/api-guide.md §7).
 * <p>
 * The server is named as "/", relative to wherever the document was fetched from: springdoc would
 * otherwise write the request's Host header (or a forwarded host) into it, for any caller to set.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Visitation Advisor API", version = "v1",
                description = "Explained, rules-based recommendations for visitation of vulnerable pregnant women and "
                        + "infant families to familieanbringelse or Den intensive spædeindsats. Every statement cites "
                        + "its rule, its source and the facts that made it fire. The decision stays with the "
                        + "caseworker. Integration guide: docs/api-guide.md."),
        servers = @Server(url = "/", description = "This service, where this document was read"),
        security = {@SecurityRequirement(name = ApiDocumentation.BASIC), @SecurityRequirement(name = ApiDocumentation.BEARER)})
@SecurityScheme(name = ApiDocumentation.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "An account of the service (the embedded default)")
@SecurityScheme(name = ApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A token from the municipality's identity provider, where one is configured")
public class ApiDocumentation {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    /**
     * Every error an operation can answer, as the problem document it is (RFC 9457); JSON before any
     * other form of the same answer; and null allowed where the service sends it, for every property
     * that is not required.
     */
    @Bean
    OpenApiCustomizer documentedProblemsAndNulls() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> document(path, method, operation)));
            Set<Schema<?>> requests = new HashSet<>();
            api.getComponents().getSchemas().forEach((name, schema) -> allowNulls(schema));
            requestSchemas(api).forEach(name -> refuseUnknownFields(api, name, requests));
        };
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        List<HttpStatus> errors = new ArrayList<>(List.of(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN,
                HttpStatus.INTERNAL_SERVER_ERROR, HttpStatus.SERVICE_UNAVAILABLE));
        boolean withBody = WITH_BODY.contains(method.name());
        if (withBody || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
            errors.add(HttpStatus.BAD_REQUEST);
        }
        if (path.contains("{")) {
            errors.add(HttpStatus.NOT_FOUND);
        }
        if (withBody && operation.getRequestBody() != null) {
            errors.addAll(List.of(HttpStatus.CONTENT_TOO_LARGE, HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        }
        for (HttpStatus status : errors) {
            responses.computeIfAbsent(Integer.toString(status.value()), code -> new ApiResponse());
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(HttpStatus.valueOf(Integer.parseInt(code)).getReasonPhrase());
                }
                response.setContent(problemContent());
            } else if (response.getContent() != null) {
                response.setContent(jsonFirst(response.getContent()));
            }
        });
        operation.setResponses(sorted(responses));
    }

    /**
     * An error response as the API document gives every one: a problem document. For a feature that documents
     * an error of its own, whichever order the document's customizers run in.
     */
    public static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static Content jsonFirst(Content content) {
        Content ordered = new Content();
        content.entrySet().stream()
                .sorted((a, b) -> Boolean.compare(!a.getKey().contains("json"), !b.getKey().contains("json")))
                .forEach(entry -> ordered.addMediaType(entry.getKey(), entry.getValue()));
        return ordered;
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses ordered = new ApiResponses();
        new java.util.TreeMap<>(responses).forEach(ordered::addApiResponse);
        return ordered;
    }

    /** RFC 9457's problem document, with the fields this service adds. */
    private static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The offending field, as a JSON path; empty for the whole body"))
                .addProperty("message", new StringSchema().description("What is wrong with it, in the request's language"));
        return new ObjectSchema()
                .description("A problem document (RFC 9457): every error the service answers. A value sent is never repeated in it.")
                .addProperty("type", new StringSchema().format("uri-reference")
                        .description("The kind of problem, e.g. /problems/invalid-input; about:blank when the status says all"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("What happened, in the request's language"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldProblem)
                        .description("Invalid input: each offending field and why (at most 100)"))
                .addProperty("incident", new StringSchema().description("A 500: the id the service's log gives the fault under"))
                .addProperty("rulesetVersion", new StringSchema().description("A rule that failed: the rule set's version"));
    }

    /**
     * The service writes null for what is unknown or does not apply: for OpenAPI 3.1 that is a type of
     * its own, which a property that is not required may also have.
     */
    private static void allowNulls(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> properties.put(name,
                required.contains(name) ? property : nullable(property)));
        schema.setProperties(properties);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            Schema either = new Schema<>();
            either.setAnyOf(List.of(new Schema<>().$ref(property.get$ref()), new Schema<>().types(Set.of("null"))));
            either.setDescription(property.getDescription());
            return either;
        }
        if (property.getTypes() != null && !property.getTypes().isEmpty()) {
            Set<String> types = new java.util.LinkedHashSet<>(property.getTypes());
            types.add("null");
            property.setTypes(types);
            if (property.getEnum() != null && !property.getEnum().contains(null)) {
                List values = new ArrayList<>(property.getEnum());
                values.add(null);
                property.setEnum(values);
            }
        }
        return property;
    }

    /** The schemas of request bodies. */
    private static Set<String> requestSchemas(OpenAPI api) {
        Set<String> names = new HashSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().forEach(media -> {
                    if (media.getSchema() != null && media.getSchema().get$ref() != null) {
                        names.add(refName(media.getSchema().get$ref()));
                    }
                });
            }
        }));
        return names;
    }

    /**
     * Unknown fields in a request are refused (a misspelt field is never taken as unknown), so the
     * request's objects say so, down to those they contain.
     */
    private static void refuseUnknownFields(OpenAPI api, String name, Set<Schema<?>> done) {
        Schema<?> schema = api.getComponents().getSchemas().get(name);
        if (schema == null || !done.add(schema) || schema.getProperties() == null) {
            return;
        }
        if (schema.getAdditionalProperties() == null) {
            schema.setAdditionalProperties(false);
        }
        schema.getProperties().values().forEach(property -> references(property)
                .forEach(ref -> refuseUnknownFields(api, refName(ref), done)));
    }

    /** The schemas a property refers to, directly, through a list, or as one of several types. */
    private static List<String> references(Schema<?> property) {
        List<String> refs = new ArrayList<>();
        if (property.get$ref() != null) {
            refs.add(property.get$ref());
        }
        if (property.getItems() != null) {
            refs.addAll(references(property.getItems()));
        }
        if (property.getAnyOf() != null) {
            property.getAnyOf().forEach(option -> refs.addAll(references(option)));
        }
        return refs;
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
