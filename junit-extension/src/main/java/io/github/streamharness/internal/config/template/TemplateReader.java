package io.github.streamharness.internal.config.template;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.InvalidTemplateException;
import io.github.streamharness.TemplateFunction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a mapping in a template by logical id and reads it with its function and stream (rule 18.3). The id names
 * an AWS::Lambda::EventSourceMapping, a SAM function's Kinesis event as {@code FunctionLogicalId/EventName}, a
 * function with exactly one Kinesis mapping, or (for {@code cdk synth} output) a construct path from the
 * resources' {@code aws:cdk:path} metadata; an empty id takes the template's only mapping.
 */
public final class TemplateReader {
    private static final String ESM = "AWS::Lambda::EventSourceMapping";
    private static final String SAM_FUNCTION = "AWS::Serverless::Function";
    private static final String FUNCTION = "AWS::Lambda::Function";
    private static final Pattern STREAM_ARN = Pattern.compile("arn:[^:]+:kinesis:[^:]*:[^:]*:stream/([^/]+)");

    private final Template template;
    private final Intrinsics intrinsics;

    private TemplateReader(Template template) {
        this.template = template;
        this.intrinsics = new Intrinsics(template);
    }

    /** A mapping the template defines: its name, its properties and where they are, its function and stream. */
    private record Found(String name, String functionId, TemplateNode.Mapping properties, String path,
                         Schema schema, TemplateNode stream) {
    }

    /**
     * Reads the mapping {@code logicalId} of a template's text.
     *
     * @param values    parameter values (they win over Defaults); {@code AWS::Region} and {@code AWS::AccountId}
     *                  keys override the region and account
     * @throws InvalidTemplateException naming the file, line, property path and what to do
     */
    public static TemplateFunction read(String text, String source, String logicalId, Map<String, String> values,
                                        String region, String accountId) {
        Template template = new Template(source, TemplateParser.parse(text, source), values, region, accountId);
        return new TemplateReader(template).read(logicalId == null ? "" : logicalId);
    }

    private TemplateFunction read(String id) {
        Found found = find(id);
        EventSourceMappingConfig mapping = new MappingReader(template.source(), found.schema(), intrinsics)
                .read(found.properties(), found.path());
        Optional<String> functionName = Optional.empty();
        Integer timeout = null;
        Integer memory = null;
        Integer reserved = null;
        Integer provisioned = null;
        if (found.functionId() != null) {
            FunctionReader f = new FunctionReader(template, intrinsics, found.functionId());
            functionName = Optional.of(f.name());
            timeout = f.timeout();
            memory = f.memorySize();
            reserved = f.reservedConcurrentExecutions();
            provisioned = f.provisionedConcurrentExecutions();
        }
        String streamName = null;
        Integer shards = null;
        String streamId = streamResource(found.stream());
        if (streamId != null) {
            streamName = intrinsics.names().physicalName(streamId, template.resource(streamId).line());
            TemplateNode count = template.properties(streamId).get("ShardCount");
            if (count != null) {
                shards = shardCount(streamId, count);
            }
        } else if (found.stream() != null) {
            streamName = streamNameOf(found.stream());
        }
        return new TemplateFunction(found.name(), Optional.ofNullable(found.functionId()), mapping, functionName,
                Optional.ofNullable(timeout).map(Duration::ofSeconds), optional(memory), optional(reserved),
                optional(provisioned), Optional.ofNullable(streamName), optional(shards));
    }

    private Found find(String id) {
        List<Found> all = mappings();
        if (id.isEmpty()) {
            if (all.size() == 1) {
                return all.get(0);
            }
            throw new InvalidTemplateException(template.source(), 0, "", "the template defines " + all.size()
                    + " Kinesis mappings; name one: " + names(all), null);
        }
        String type = template.type(id);
        if (template.resource(id) != null) {
            if (type.equals(ESM)) {
                return all.stream().filter(f -> f.name().equals(id)).findFirst().orElseThrow();
            }
            if (type.equals(SAM_FUNCTION) || type.equals(FUNCTION)) {
                List<Found> of = all.stream().filter(f -> id.equals(f.functionId())).toList();
                if (of.size() == 1) {
                    return of.get(0);
                }
                throw new InvalidTemplateException(template.source(), template.resource(id).line(), "Resources." + id,
                        of.isEmpty() ? "function " + id + " has no Kinesis event, and no " + ESM + " of the template "
                                + "refers to it; the mappings the template defines: " + names(all)
                                : "function " + id + " has " + of.size() + " Kinesis mappings; name one: " + names(of),
                        null);
            }
            throw new InvalidTemplateException(template.source(), template.resource(id).line(), "Resources." + id,
                    id + " is an " + type + ", not an event source mapping or a function; the mappings the "
                            + "template defines: " + names(all), null);
        }
        int slash = id.indexOf('/');
        if (slash > 0 && template.type(id.substring(0, slash)).equals(SAM_FUNCTION)) {
            String function = id.substring(0, slash);
            List<Found> of = all.stream().filter(f -> function.equals(f.functionId())).toList();
            return of.stream().filter(f -> f.name().equals(id)).findFirst().orElseThrow(() ->
                    new InvalidTemplateException(template.source(), template.resource(function).line(),
                            "Resources." + function + ".Properties.Events", "function " + function + " has no Kinesis "
                            + "event " + id.substring(slash + 1) + "; its Kinesis events: " + names(of)
                            + Suggestions.didYouMean(id, of.stream().map(Found::name).toList()), null));
        }
        for (String resource : template.resourceIds()) {
            if (template.resource(resource).get("Metadata") instanceof TemplateNode.Mapping meta
                    && meta.get("aws:cdk:path") instanceof TemplateNode.Scalar path
                    && (id.equals(path.text()) || (id + "/Resource").equals(path.text()))) {
                return find(resource);
            }
        }
        List<String> candidates = new ArrayList<>(all.stream().map(Found::name).toList());
        candidates.addAll(template.resourceIds());
        throw new InvalidTemplateException(template.source(), 0, "", "no mapping or function " + id + " in the "
                + "template" + near(id, candidates) + " The mappings it defines: " + names(all)
                + "; its functions: " + template.resourceIds().stream().filter(r -> template.type(r).equals(FUNCTION)
                || template.type(r).equals(SAM_FUNCTION)).toList() + ".", null);
    }

    private List<Found> mappings() {
        List<Found> all = new ArrayList<>();
        for (String id : template.resourceIds()) {
            String type = template.type(id);
            if (type.equals(ESM)) {
                TemplateNode.Mapping p = template.properties(id);
                all.add(new Found(id, functionOf(p.get("FunctionName")), p, "Resources." + id + ".Properties",
                        Schema.CFN_MAPPING, p.get("EventSourceArn")));
            } else if (type.equals(SAM_FUNCTION)
                    && template.properties(id).get("Events") instanceof TemplateNode.Mapping events) {
                events.entries().forEach((name, event) -> {
                    if (event instanceof TemplateNode.Mapping e && e.get("Type") instanceof TemplateNode.Scalar t
                            && "Kinesis".equals(t.text())) {
                        TemplateNode.Mapping p = e.get("Properties") instanceof TemplateNode.Mapping m ? m
                                : new TemplateNode.Mapping(Map.of(), Map.of(), e.line());
                        all.add(new Found(id + "/" + name, id, p, "Resources." + id + ".Properties.Events." + name
                                + ".Properties", Schema.SAM_KINESIS, p.get("Stream")));
                    }
                });
            }
        }
        return all;
    }

    /** The template's function a mapping's FunctionName refers to (Ref, GetAtt .Arn, or its name), or null. */
    private String functionOf(TemplateNode node) {
        if (node instanceof TemplateNode.Mapping m && m.isIntrinsic()) {
            String target = referenced(m);
            if (target != null && (template.type(target).equals(FUNCTION)
                    || template.type(target).equals(SAM_FUNCTION))) {
                return target;
            }
        }
        try {
            String name = node == null ? null : intrinsics.text(node, "FunctionName");
            for (String id : template.resourceIds()) {
                String type = template.type(id);
                if ((type.equals(FUNCTION) || type.equals(SAM_FUNCTION)) && name != null) {
                    String physical = intrinsics.names().physicalName(id, 0);
                    if (name.equals(physical) || name.endsWith(":function:" + physical)) {
                        return id;
                    }
                }
            }
        } catch (Intrinsics.Unresolvable | InvalidTemplateException ignored) {
            // FunctionName is not modelled: a name the harness cannot resolve only means no function settings
        }
        return null;
    }

    /** The logical id a Ref or GetAtt points at, or null. */
    private static String referenced(TemplateNode.Mapping m) {
        TemplateNode arg = m.get(m.onlyKey());
        if (m.onlyKey().equals("Ref") && arg instanceof TemplateNode.Scalar s) {
            return s.text();
        }
        if (m.onlyKey().equals("Fn::GetAtt") && arg instanceof TemplateNode.Sequence s && !s.items().isEmpty()
                && s.items().get(0) instanceof TemplateNode.Scalar target) {
            return target.text();
        }
        return null;
    }

    private String streamResource(TemplateNode node) {
        if (node instanceof TemplateNode.Mapping m && m.isIntrinsic()) {
            String target = referenced(m);
            if (target != null && template.type(target).equals("AWS::Kinesis::Stream")) {
                return target;
            }
            if (target != null && template.type(target).equals("AWS::Kinesis::StreamConsumer")) {
                return streamResource(template.properties(target).get("StreamARN"));
            }
        }
        return null;
    }

    private String streamNameOf(TemplateNode node) {
        try {
            Matcher m = STREAM_ARN.matcher(intrinsics.text(node, "the stream"));
            return m.lookingAt() ? m.group(1) : null;
        } catch (Intrinsics.Unresolvable ignored) {
            return null; // the stream is not modelled: the harness's own stream name stays
        }
    }

    private int shardCount(String streamId, TemplateNode count) {
        String path = "Resources." + streamId + ".Properties.ShardCount";
        try {
            TemplateNode r = intrinsics.resolve(count);
            String text = r instanceof TemplateNode.Scalar s ? s.text() : null;
            int n = text != null && text.trim().matches("\\d{1,5}") ? Integer.parseInt(text.trim()) : -1;
            if (n < 1) {
                throw template.error(count.line(), path, "expected a number of shards (1 or more), got "
                        + (r == null ? "nothing" : r.describe()) + ".");
            }
            return n;
        } catch (Intrinsics.Unresolvable u) {
            throw template.error(u.line(), path, u.getMessage());
        }
    }

    private static String near(String id, List<String> candidates) {
        String near = Suggestions.didYouMean(id, candidates);
        return near.isEmpty() ? "." : near;
    }

    private static String names(List<Found> found) {
        return found.isEmpty() ? "(none)" : String.join(", ", found.stream().map(Found::name).toList());
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
