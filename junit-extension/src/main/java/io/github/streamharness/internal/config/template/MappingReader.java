package io.github.streamharness.internal.config.template;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionResponseType;
import io.github.streamharness.InvalidEventSourceMappingException;
import io.github.streamharness.InvalidTemplateException;
import io.github.streamharness.StartingPosition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the properties of a mapping (a CloudFormation resource, a SAM Kinesis event, or the Lambda API's JSON) into
 * an {@link EventSourceMappingConfig} through its builder, so every value gets the builder's AWS validation and
 * texts (section 1). Each error names the property path and line: a name outside the {@link Schema} (with the nearest
 * valid one), an intrinsic that cannot be resolved, a value of the wrong type, or the builder's refusal.
 */
public final class MappingReader {
    private final String source;
    private final Schema schema;
    private final Intrinsics intrinsics;
    private final Map<String, int[]> lines = new HashMap<>();
    private final Map<String, String> paths = new HashMap<>();
    private TemplateNode rawDestination;

    /** A reader; {@code intrinsics} is null for the API's JSON, which has none. */
    MappingReader(String source, Schema schema, Intrinsics intrinsics) {
        this.source = source;
        this.schema = schema;
        this.intrinsics = intrinsics;
    }

    /** Reads the Lambda API's JSON: a CreateEventSourceMapping request or get-event-source-mapping output. */
    public static EventSourceMappingConfig readApiJson(String json) {
        String source = "event source mapping JSON";
        if (json == null || !json.stripLeading().startsWith("{")) {
            throw new InvalidTemplateException(source, 1, "", "expected a JSON object with the mapping's members "
                    + "(BatchSize, StartingPosition, ...), as CreateEventSourceMapping takes it", null);
        }
        TemplateNode root = TemplateParser.parse(json, source);
        return new MappingReader(source, Schema.API, null).read((TemplateNode.Mapping) root, "");
    }

    EventSourceMappingConfig read(TemplateNode.Mapping properties, String path) {
        EventSourceMappingConfig.Builder b = EventSourceMappingConfig.builder()
                .startingPosition((StartingPosition) null); // AWS requires it for Kinesis (rule 1.4)
        for (Map.Entry<String, TemplateNode> e : properties.entries().entrySet()) {
            String name = e.getKey();
            String at = path.isEmpty() ? name : path + "." + name;
            int line = properties.lineOf(name);
            if (!schema.isValid(name)) {
                String near = Suggestions.didYouMean(name, schema.valid());
                throw error(line, at, "unknown property " + name + (near.isEmpty() ? "." : near) + " It is not a "
                        + "property of " + schema.description() + ", so AWS would refuse it; the valid names are "
                        + schema.valid() + ".");
            }
            if (!Schema.MODELLED.contains(name)) {
                continue; // valid, not modelled by the harness (rule 18.3)
            }
            if (name.equals("DestinationConfig")) {
                rawDestination = e.getValue();
            }
            TemplateNode value = resolve(e.getValue(), at);
            if (value == null) {
                continue; // AWS::NoValue removes the property
            }
            lines.put(name, new int[] {line});
            paths.put(name, at);
            try {
                set(b, name, value, at);
            } catch (InvalidEventSourceMappingException x) {
                throw new InvalidTemplateException(source, line, at, x.getMessage(), x);
            }
        }
        try {
            return b.build();
        } catch (InvalidEventSourceMappingException x) {
            int[] line = lines.get(x.parameter());
            String message = x.getMessage();
            if (x.parameter().equals("StartingPosition") && line == null) {
                message += " (a Kinesis mapping needs StartingPosition: add StartingPosition: TRIM_HORIZON, LATEST "
                        + "or AT_TIMESTAMP)";
            }
            throw new InvalidTemplateException(source, line == null ? properties.line() : line[0],
                    paths.getOrDefault(x.parameter(), path), message, x);
        }
    }

    private void set(EventSourceMappingConfig.Builder b, String name, TemplateNode v, String at) {
        switch (name) {
            case "BatchSize" -> b.batchSize(integer(v, at));
            case "MaximumBatchingWindowInSeconds" -> b.maximumBatchingWindowInSeconds(integer(v, at));
            case "ParallelizationFactor" -> b.parallelizationFactor(integer(v, at));
            case "MaximumRetryAttempts" -> b.maximumRetryAttempts(integer(v, at));
            case "MaximumRecordAgeInSeconds" -> b.maximumRecordAgeInSeconds(integer(v, at));
            case "TumblingWindowInSeconds" -> b.tumblingWindowInSeconds(integer(v, at));
            case "BisectBatchOnFunctionError" -> b.bisectBatchOnFunctionError(bool(v, at));
            case "Enabled" -> b.enabled(bool(v, at));
            case "StartingPosition" -> b.startingPosition(string(v, at));
            case "StartingPositionTimestamp" -> b.startingPositionTimestamp(timestamp(v, at));
            case "FunctionResponseTypes" -> b.functionResponseTypes(responseTypes(v, at));
            case "FilterCriteria" -> b.filterPatterns(patterns(v, at));
            case "DestinationConfig" -> b.onFailureDestination(destination(v, at));
            default -> throw new IllegalStateException(name);
        }
    }

    private TemplateNode resolve(TemplateNode node, String at) {
        if (intrinsics == null) {
            return node;
        }
        try {
            return intrinsics.resolve(node);
        } catch (Intrinsics.Unresolvable u) {
            throw error(u.line(), pathTo(node, u.line(), at), u.getMessage());
        }
    }

    /** The path of the innermost property written on {@code line} inside {@code node}, else {@code at}. */
    private static String pathTo(TemplateNode node, int line, String at) {
        if (node instanceof TemplateNode.Mapping m && !m.isIntrinsic()) {
            for (Map.Entry<String, TemplateNode> e : m.entries().entrySet()) {
                String inner = pathTo(e.getValue(), line, at + "." + e.getKey());
                if (m.lineOf(e.getKey()) == line || !inner.equals(at + "." + e.getKey())) {
                    return inner;
                }
            }
        } else if (node instanceof TemplateNode.Sequence s) {
            for (int i = 0; i < s.items().size(); i++) {
                String inner = pathTo(s.items().get(i), line, at + "[" + i + "]");
                if (s.items().get(i).line() == line || !inner.equals(at + "[" + i + "]")) {
                    return inner;
                }
            }
        }
        return at;
    }

    private int integer(TemplateNode v, String at) {
        String text = v instanceof TemplateNode.Scalar s ? s.text() : null;
        try {
            return Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw error(v.line(), at, "expected an integer, got " + v.describe() + ".");
        }
    }

    private boolean bool(TemplateNode v, String at) {
        String text = v instanceof TemplateNode.Scalar s ? s.text() : null;
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.parseBoolean(text);
        }
        throw error(v.line(), at, "expected true or false, got " + v.describe() + ".");
    }

    private String string(TemplateNode v, String at) {
        if (v instanceof TemplateNode.Scalar s && s.text() != null) {
            return s.text();
        }
        throw error(v.line(), at, "expected a string, got " + v.describe() + ".");
    }

    private Instant timestamp(TemplateNode v, String at) {
        String text = string(v, at).trim();
        try {
            BigDecimal seconds = new BigDecimal(text);
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.subtract(new BigDecimal(seconds.longValue())).movePointRight(9).intValue());
        } catch (NumberFormatException | ArithmeticException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException bad) {
                    throw error(v.line(), at, "expected epoch seconds (1767225600.5) or an ISO-8601 time "
                            + "(2026-01-01T00:00:00Z), got " + v.describe() + ".");
                }
            }
        }
    }

    private FunctionResponseType[] responseTypes(TemplateNode v, String at) {
        List<FunctionResponseType> types = new ArrayList<>();
        List<String> given = new ArrayList<>();
        for (TemplateNode item : items(v, at)) {
            given.add(string(item, at));
        }
        for (String t : given) {
            if (!t.equals(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES.awsName())) {
                throw new InvalidTemplateException(source, v.line(), at, "1 validation error detected: Value '"
                        + given + "' at 'functionResponseTypes' failed to satisfy constraint: Member must satisfy "
                        + "constraint: [Member must satisfy enum value set: [ReportBatchItemFailures]]"
                        + Suggestions.didYouMean(t, List.of("ReportBatchItemFailures")), null);
            }
            types.add(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
        }
        return types.stream().distinct().toArray(FunctionResponseType[]::new);
    }

    private String[] patterns(TemplateNode v, String at) {
        TemplateNode.Mapping criteria = map(v, at, Set.of("Filters"));
        List<String> patterns = new ArrayList<>();
        TemplateNode filters = criteria.get("Filters");
        if (filters == null) {
            return new String[0];
        }
        List<TemplateNode> list = items(filters, at + ".Filters");
        for (int i = 0; i < list.size(); i++) {
            String p = at + ".Filters[" + i + "]";
            TemplateNode.Mapping filter = map(list.get(i), p, Set.of("Pattern"));
            TemplateNode pattern = filter.get("Pattern");
            if (pattern == null) {
                throw error(filter.line(), p, "a filter needs Pattern, a JSON string such as "
                        + "'{\"data\":{\"metric\":[\"cpu\"]}}'.");
            }
            if (!(pattern instanceof TemplateNode.Scalar)) {
                throw error(pattern.line(), p + ".Pattern", "expected the pattern as a JSON string, got "
                        + pattern.describe() + "; write it quoted, e.g. Pattern: '{\"data\":{\"metric\":[\"cpu\"]}}'.");
            }
            patterns.add(string(pattern, p + ".Pattern"));
        }
        return patterns.toArray(String[]::new);
    }

    private String destination(TemplateNode v, String at) {
        TemplateNode.Mapping config = map(v, at, schema.destination());
        TemplateNode onSuccess = config.get("OnSuccess");
        if (onSuccess instanceof TemplateNode.Mapping m && m.get("Destination") != null) {
            throw error(onSuccess.line(), at + ".OnSuccess", "Unsupported DestinationConfig parameter for given "
                    + "event source mapping type. (a Kinesis mapping has an on-failure destination only, rule 1.9)");
        }
        TemplateNode onFailure = config.get("OnFailure");
        if (onFailure == null) {
            return null;
        }
        TemplateNode.Mapping failure = map(onFailure, at + ".OnFailure", schema.onFailure());
        TemplateNode destination = failure.get("Destination");
        if (destination == null) {
            return null;
        }
        String arn = string(destination, at + ".OnFailure.Destination");
        String raw = rawDestination instanceof TemplateNode.Mapping d && d.get("OnFailure") instanceof
                TemplateNode.Mapping f && f.get("Destination") != null
                ? Intrinsics.describe(f.get("Destination")) : arn;
        try {
            if (!arn.isEmpty()) {
                io.github.streamharness.DestinationType.ofArn(arn);
            }
        } catch (InvalidEventSourceMappingException x) {
            String hint = !arn.startsWith("https://sqs.") ? "" : raw.startsWith("!Ref ")
                    ? " " + raw + " is the queue's URL, as CloudFormation returns it for an AWS::SQS::Queue; the "
                    + "destination needs its ARN: !GetAtt " + raw.substring(5) + ".Arn"
                    : " That is a queue URL; the destination needs the queue's ARN.";
            throw new InvalidTemplateException(source, destination.line(), at + ".OnFailure.Destination",
                    x.getMessage() + hint, x);
        }
        return arn;
    }

    private TemplateNode.Mapping map(TemplateNode v, String at, Set<String> valid) {
        if (!(v instanceof TemplateNode.Mapping m)) {
            throw error(v.line(), at, "expected a map with " + String.join(", ", valid) + ", got " + v.describe()
                    + ".");
        }
        for (String key : m.entries().keySet()) {
            if (!valid.contains(key)) {
                String near = Suggestions.didYouMean(key, valid);
                throw error(m.lineOf(key), at + "." + key, "unknown property " + key
                        + (near.isEmpty() ? "." : near) + " The valid names here are "
                        + new TreeSet<>(valid) + ".");
            }
        }
        return m;
    }

    private List<TemplateNode> items(TemplateNode v, String at) {
        if (v instanceof TemplateNode.Sequence s) {
            return s.items();
        }
        throw error(v.line(), at, "expected a list, got " + v.describe() + ".");
    }

    private InvalidTemplateException error(int line, String path, String message) {
        return new InvalidTemplateException(source, line, path, message, null);
    }

}
