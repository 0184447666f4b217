package dk.visitationadvisor.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON body into a request record and validates it, collecting every offending field: wrong
 * types, unknown values and fields, and Bean Validation constraints, all in one answer, instead of
 * stopping at the first.
 */
@Component
public class RequestReader {

    private static final String UNREADABLE = "unreadableValues";

    /** A value Jackson could not read: its path, and the message code saying why. */
    private record UnreadableValue(String field, String code, Object... arguments) {
    }

    private final JsonMapper mapper;
    private final Validator validator;
    private final MessageSource messages;

    RequestReader(JsonMapper mapper, Validator validator, MessageSource messages) {
        this.mapper = mapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addHandler(new CollectingHandler())
                .build();
        this.validator = validator;
        this.messages = messages;
    }

    /** The request, or an {@link InvalidRequestException} naming every offending field in the request's language. */
    public <T> T read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw invalid(List.of(new UnreadableValue("", "request.notAnObject")));
        }
        List<UnreadableValue> unreadable = new ArrayList<>();
        T value;
        try {
            value = mapper.readerFor(type).withAttribute(UNREADABLE, unreadable).readValue(body);
        } catch (JacksonException e) {
            unreadable.add(new UnreadableValue(path(e), "request.outOfRange"));
            throw invalid(unreadable);
        }
        List<FieldProblem> problems = new ArrayList<>(resolve(unreadable));
        Set<String> unreadableFields = unreadable.stream().map(UnreadableValue::field).collect(Collectors.toSet());
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            String field = violation.getPropertyPath().toString().replace(".<list element>", "");
            if (!unreadableFields.contains(field)) {
                problems.add(new FieldProblem(field, violation.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(sorted(problems));
        }
        return value;
    }

    private InvalidRequestException invalid(List<UnreadableValue> unreadable) {
        return new InvalidRequestException(sorted(resolve(unreadable)));
    }

    private List<FieldProblem> resolve(List<UnreadableValue> unreadable) {
        Locale locale = LocaleContextHolder.getLocale();
        return unreadable.stream()
                .map(u -> new FieldProblem(u.field(), messages.getMessage(u.code(), u.arguments(), locale)))
                .toList();
    }

    private static List<FieldProblem> sorted(Collection<FieldProblem> problems) {
        return problems.stream().distinct()
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
                .toList();
    }

    private static String path(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Records each unreadable value with its path, and reads it as null so that reading goes on. */
    private static final class CollectingHandler extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
            record(ctxt, new UnreadableValue(pathOf(p, propertyName), "request.unknownField"));
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                String failureMsg) {
            record(ctxt, expected(pathOf(ctxt.getParser(), null), targetType));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                String failureMsg) {
            record(ctxt, expected(pathOf(ctxt.getParser(), null), targetType));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
                JsonParser p, String failureMsg) {
            record(ctxt, expected(pathOf(p, null), targetType.getRawClass()));
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
            return null;
        }

        @SuppressWarnings("unchecked")
        private static void record(DeserializationContext ctxt, UnreadableValue value) {
            ((List<UnreadableValue>) ctxt.getAttribute(UNREADABLE)).add(value);
        }

        /** The JSON path of the parser's current value, e.g. {@code parents[0].role}. */
        private static String pathOf(JsonParser p, String propertyName) {
            TokenStreamContext context = p.streamReadContext();
            if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
                context = context.getParent();
            }
            Deque<String> parts = new ArrayDeque<>();
            if (propertyName != null && !propertyName.equals(context.currentName())) {
                parts.push("." + propertyName);
            }
            for (; context != null && !context.inRoot(); context = context.getParent()) {
                parts.push(context.inArray() ? "[" + context.getCurrentIndex() + "]" : "." + context.currentName());
            }
            String path = String.join("", parts);
            return path.startsWith(".") ? path.substring(1) : path;
        }

        /** What the field should have been, as a message code. */
        private static UnreadableValue expected(String field, Class<?> type) {
            if (type.isEnum()) {
                return new UnreadableValue(field, "request.mustBeOneOf", Arrays.toString(type.getEnumConstants()));
            }
            if (type == Integer.class || type == int.class || type == Long.class) {
                return new UnreadableValue(field, "request.mustBeWholeNumber");
            }
            if (type == Boolean.class || type == boolean.class) {
                return new UnreadableValue(field, "request.mustBeBoolean");
            }
            if (type == LocalDate.class) {
                return new UnreadableValue(field, "request.mustBeDate");
            }
            if (type == String.class) {
                return new UnreadableValue(field, "request.mustBeText");
            }
            if (Collection.class.isAssignableFrom(type)) {
                return new UnreadableValue(field, "request.mustBeList");
            }
            return new UnreadableValue(field, "request.mustBeObject");
        }
    }
}
