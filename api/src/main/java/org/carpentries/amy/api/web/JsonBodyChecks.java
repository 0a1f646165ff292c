package org.carpentries.amy.api.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.carpentries.amy.api.problem.BadRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads every JSON request body once before it is bound, and refuses with 400: nesting deeper than
 * {@value #MAX_DEPTH} ({@code json-too-deep}), a string over {@value #MAX_STRING} characters
 * ({@code string-too-long}), a number over {@value #MAX_NUMBER} digits or beyond a double ({@code number-too-long},
 * {@code number-out-of-range}), a key given twice in one object ({@code duplicate-key}), and a control or direction
 * character in any key or string ({@code control-character}), naming the field. Jackson alone would keep the last of
 * two equal keys and take escaped controls as text.
 */
@ControllerAdvice
public class JsonBodyChecks extends RequestBodyAdviceAdapter {

    static final int MAX_DEPTH = 32;
    static final int MAX_STRING = 100_000;
    static final int MAX_NUMBER = 100;

    private static final JsonFactory STRICT = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING).maxNumberLength(MAX_NUMBER).maxNameLength(MAX_STRING).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        MediaType type = message.getHeaders().getContentType();
        if (type == null || !(type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || type.getSubtype().endsWith("+json"))) {
            return message;
        }
        byte[] body = message.getBody().readAllBytes();
        check(body);
        HttpHeaders headers = message.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** Refuses {@code json} as described above; malformed JSON is left for the converter to report. */
    public static void check(byte[] json) {
        try (JsonParser parser = STRICT.createParser(ObjectReadContext.empty(), json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case PROPERTY_NAME -> refuse(parser.currentName(), parser);
                    case VALUE_STRING -> refuse(parser.getString(), parser);
                    case VALUE_NUMBER_FLOAT -> {
                        if (!Double.isFinite(parser.getDoubleValue())) {
                            throw new BadRequest("number-out-of-range", "A number is beyond what AMY can store.",
                                    "body", field(parser));
                        }
                    }
                    default -> {
                        // structure, booleans, nulls and integers (their length is bounded) are fine
                    }
                }
            }
        } catch (StreamConstraintsException e) {
            String message = String.valueOf(e.getOriginalMessage());
            String code = message.contains("nesting depth") ? "json-too-deep"
                    : message.contains("Number value length") ? "number-too-long"
                    : message.contains("String value length") || message.contains("Name length") ? "string-too-long"
                    : "json-too-large";
            throw new BadRequest(code, switch (code) {
                case "json-too-deep" -> "JSON may nest at most " + MAX_DEPTH + " levels.";
                case "number-too-long" -> "A number may have at most " + MAX_NUMBER + " digits.";
                case "string-too-long" -> "A string may have at most " + MAX_STRING + " characters.";
                default -> "The JSON is beyond AMY's limits.";
            }, "body", null);
        } catch (StreamReadException e) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.startsWith("Duplicate Object property")) {
                String name = message.replaceAll("^Duplicate Object property \"(.*)\"$", "$1");
                throw new BadRequest("duplicate-key", "A key appears twice in one object.", "body",
                        UnsafeCharacters.printable(name));
            }
            // Malformed JSON: the converter reads it again and answers malformed-body.
        } catch (tools.jackson.core.JacksonException e) {
            // Likewise: left to the converter.
        }
    }

    private static void refuse(String value, JsonParser parser) {
        int at = UnsafeCharacters.find(value);
        if (at >= 0) {
            throw new BadRequest("control-character", UnsafeCharacters.message(value, at), "body", field(parser));
        }
    }

    private static String field(JsonParser parser) {
        JsonPointer pointer = parser.streamReadContext().pathAsPointer();
        String path = pointer.toString();
        return UnsafeCharacters.printable(path.isEmpty() ? "/" : path);
    }
}
