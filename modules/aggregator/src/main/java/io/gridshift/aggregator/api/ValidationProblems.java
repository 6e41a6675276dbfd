package io.gridshift.aggregator.api;

import io.gridshift.aggregator.api.Problems.Problem;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failure of the OpenAPI request validation into a problem that names the parameter or body
 * field at fault ({@code field}, e.g. {@code limit} or {@code actions[0].reductionKw}) and the rule
 * it broke ({@code rule}: the JSON Schema keyword such as {@code type} or {@code minimum}, or
 * {@code required}/{@code format} for a missing or unreadable parameter).
 */
final class ValidationProblems {
    /** The validator names the parameter in its message: "... query parameter limit ...". */
    private static final Pattern PARAMETER =
            Pattern.compile("(?:query|path|header|cookie) parameter ([^\\s.]+)");

    private static final Pattern REQUIRED_PROPERTY = Pattern.compile("property \"([^\"]+)\"");

    private ValidationProblems() {}

    static Problem of(ValidatorException e) {
        String parameter = parameter(e.getMessage());
        OutputUnit unit = e instanceof SchemaValidationException s ? leaf(s.getOutputUnit()) : null;
        String rule = rule(e, unit);
        String field = parameter != null ? parameter : bodyField(unit);
        String detail = e.getMessage();
        return new Problem(400, rule, detail, field, rule);
    }

    private static String parameter(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = PARAMETER.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    private static String rule(ValidatorException e, OutputUnit unit) {
        switch (e.type()) {
            case MISSING_REQUIRED_PARAMETER:
                return "required";
            case INVALID_VALUE_FORMAT:
            case UNSUPPORTED_VALUE_FORMAT:
            case ILLEGAL_VALUE:
                return "format";
            default:
                break;
        }
        String keyword = unit == null ? "" : keyword(unit);
        return keyword.isEmpty() ? "invalid" : keyword;
    }

    /** Keywords that only say that something beneath them failed. */
    private static final Set<String> APPLICATORS =
            Set.of(
                    "properties",
                    "items",
                    "prefixItems",
                    "oneOf",
                    "anyOf",
                    "allOf",
                    "$ref",
                    "additionalProperties",
                    "unevaluatedProperties");

    /**
     * The most specific error: of the validator's output tree, the leaf deepest in the instance,
     * preferring a broken rule to an applicator that only reports its children.
     */
    private static OutputUnit leaf(OutputUnit unit) {
        List<OutputUnit> leaves = new ArrayList<>();
        collect(unit, leaves);
        return leaves.stream()
                .max(
                        Comparator.comparingInt(ValidationProblems::depth)
                                .thenComparing(u -> APPLICATORS.contains(keyword(u)) ? 0 : 1))
                .orElse(unit);
    }

    private static void collect(OutputUnit unit, List<OutputUnit> into) {
        if (unit == null) {
            return;
        }
        List<OutputUnit> errors = unit.getErrors();
        if (errors == null || errors.isEmpty()) {
            into.add(unit);
            return;
        }
        for (OutputUnit e : errors) {
            collect(e, into);
        }
    }

    private static int depth(OutputUnit u) {
        String pointer = u.getInstanceLocation();
        int depth = pointer == null ? 0 : (int) pointer.chars().filter(c -> c == '/').count();
        return "required".equals(keyword(u)) ? depth + 1 : depth;
    }

    private static String keyword(OutputUnit u) {
        String k = u.getKeywordLocation();
        return k == null ? "" : k.substring(k.lastIndexOf('/') + 1);
    }

    /**
     * A JSON pointer into the body ({@code #/actions/0/jobKw}) as a path ({@code
     * actions[0].jobKw}).
     */
    private static String bodyField(OutputUnit unit) {
        if (unit == null) {
            return "body";
        }
        StringBuilder path = new StringBuilder();
        String pointer = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty() || "#".equals(segment)) {
                continue;
            }
            String s = segment.replace("~1", "/").replace("~0", "~");
            if (s.chars().allMatch(Character::isDigit)) {
                path.append('[').append(s).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(s);
            }
        }
        if (unit.getKeywordLocation() != null
                && unit.getKeywordLocation().endsWith("/required")
                && unit.getError() != null) {
            Matcher m = REQUIRED_PROPERTY.matcher(unit.getError());
            if (m.find()) {
                path.append(path.length() == 0 ? "" : ".").append(m.group(1));
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }
}
