package dk.visitationadvisor.platform.http;

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
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads a JSON body into a request record and validates it, collecting every offending field: wrong
 * types, unknown values and fields, and Bean Validation constraints, all in one answer, instead of
 * stopping at the first.
 */
@Component
public class RequestReader {

    private static final String UNREADABLE = "unreadableValues";
    /** More entries than any list of a request may have (the longest allows 16). */
    static final int MAX_LIST_SIZE = 100;

    /** A value Jackson could not read: its path, and the message code saying why. */
    private record UnreadableValue(String field, String code, Object... arguments) {
    }

    private final JsonMapper mapper;
    private final Validator validator;
    private final MessageSource messages;

    RequestReader(JsonMapper mapper, Validator validator, MessageSource messages) {
        // Strict about types, as the API guide promises (StrictValues).
        this.mapper = mapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new SimpleModule("strict-input").setDeserializerModifier(new StrictValues()))
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
        List<UnreadableValue> crowded = new ArrayList<>();
        findCrowdedLists(body, "", crowded);
        if (!crowded.isEmpty()) {
            throw invalid(crowded);
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

    /**
     * Lists longer than any field allows are refused before they are read: tens of thousands of bad
     * elements would keep a thread busy for minutes in Bean Validation, whose violations of nested
     * list elements collide in its hash set.
     */
    private static void findCrowdedLists(JsonNode node, String path, List<UnreadableValue> crowded) {
        if (node.isArray()) {
            if (node.size() > MAX_LIST_SIZE) {
                crowded.add(new UnreadableValue(path, "request.tooManyEntries", MAX_LIST_SIZE));
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                findCrowdedLists(node.get(i), path + "[" + i + "]", crowded);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                findCrowdedLists(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), crowded);
            }
        }
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

    /**
     * Each value only in its own JSON type, never coerced as Jackson would by itself: no whole number
     * from a string ("12") or a fraction (1.5, cut to 1), no boolean from a number or a string, no text
     * from a number, no enum from its position or from a name with spaces around it, no date from an
     * array, a number or a date-time. A value of the wrong type goes to the problem handler, so that
     * every offending field is named.
     */
    private static final class StrictValues extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            Set<String> names = Arrays.stream(type.getRawClass().getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.toSet());
            return new Strict(deserializer, type.getRawClass(), JsonToken.VALUE_STRING, names);
        }

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                ValueDeserializer<?> deserializer) {
            Class<?> type = description.getType().getRawClass();
            if (type == Integer.class || type == Long.class) {
                return new Strict(deserializer, type, JsonToken.VALUE_NUMBER_INT, null);
            }
            if (type == Boolean.class) {
                return new Strict(deserializer, type, JsonToken.VALUE_TRUE, null);
            }
            if (type == String.class || type == LocalDate.class) {
                return new Strict(deserializer, type, JsonToken.VALUE_STRING, null);
            }
            return deserializer;
        }
    }

    /** Lets only values of one JSON type through: an enum's exact names, a date as YYYY-MM-DD. */
    private static final class Strict extends DelegatingDeserializer {

        private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        private final Class<?> type;
        private final JsonToken token;
        private final Set<String> names;

        Strict(ValueDeserializer<?> delegate, Class<?> type, JsonToken token, Set<String> names) {
            super(delegate);
            this.type = type;
            this.token = token;
            this.names = names;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Strict(delegate, type, token, names);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            boolean fits = p.hasToken(token) || (token == JsonToken.VALUE_TRUE && p.hasToken(JsonToken.VALUE_FALSE));
            if (!fits) {
                return ctxt.handleUnexpectedToken(ctxt.constructType(type), p);
            }
            if (names != null && !names.contains(p.getString())
                    || type == LocalDate.class && !DATE.matcher(p.getString()).matches()) {
                return ctxt.handleWeirdStringValue(type, p.getString(), "not in the form this field takes");
            }
            return super.deserialize(p, ctxt);
        }
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
