package io.github.streamharness.internal.config.template;

import io.github.streamharness.InvalidTemplateException;

import java.util.Set;

/**
 * The function's settings a template deploys (rule 15.1, 18.3): Timeout, MemorySize, ReservedConcurrentExecutions,
 * ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions and FunctionName, the function's own value over SAM's
 * Globals.Function default. Property names are checked against the resource's schema, values against Lambda's ranges.
 */
final class FunctionReader {
    private final Template template;
    private final Intrinsics intrinsics;
    private final String id;
    private final TemplateNode.Mapping own;
    private final TemplateNode.Mapping globals;

    /** Settings of the function resource {@code id} (an AWS::Serverless::Function or AWS::Lambda::Function). */
    FunctionReader(Template template, Intrinsics intrinsics, String id) {
        this.template = template;
        this.intrinsics = intrinsics;
        this.id = id;
        this.own = template.properties(id);
        boolean sam = template.type(id).equals("AWS::Serverless::Function");
        this.globals = sam && template.section("Globals").get("Function") instanceof TemplateNode.Mapping g
                ? g : new TemplateNode.Mapping(java.util.Map.of(), java.util.Map.of(), 0);
        check(own, "Resources." + id + ".Properties", sam ? Schema.SAM_FUNCTION : Schema.CFN_FUNCTION,
                sam ? "an AWS::Serverless::Function" : "an AWS::Lambda::Function");
        check(globals, "Globals.Function", Schema.SAM_FUNCTION, "SAM's Globals.Function");
    }

    private void check(TemplateNode.Mapping properties, String path, Set<String> valid, String what) {
        for (String name : properties.entries().keySet()) {
            if (!valid.contains(name)) {
                String near = Suggestions.didYouMean(name, valid);
                throw template.error(properties.lineOf(name), path + "." + name, "unknown property " + name
                        + (near.isEmpty() ? "." : near) + " It is not a property of " + what + ", so AWS would not "
                        + "deploy it.");
            }
        }
    }

    /** The function's physical name: FunctionName, or its logical id. */
    String name() {
        TemplateNode n = own.get("FunctionName");
        if (n == null) {
            return id;
        }
        try {
            return intrinsics.text(n, "FunctionName");
        } catch (Intrinsics.Unresolvable u) {
            throw template.error(u.line(), "Resources." + id + ".Properties.FunctionName", u.getMessage());
        }
    }

    /** Timeout in seconds, 1..900, or null when neither the function nor Globals sets it. */
    Integer timeout() {
        return integer("Timeout", 1, 900, "a Lambda function timeout is 1 to 900 seconds");
    }

    /** MemorySize in MB, 128..10240, or null. */
    Integer memorySize() {
        return integer("MemorySize", 128, 10_240, "Lambda memory is 128 to 10240 MB");
    }

    /** ReservedConcurrentExecutions, 0 or more, or null. */
    Integer reservedConcurrentExecutions() {
        return integer("ReservedConcurrentExecutions", 0, Integer.MAX_VALUE,
                "reserved concurrency is 0 (throttle everything) or more");
    }

    /** ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions, or null. */
    Integer provisionedConcurrentExecutions() {
        String key = "ProvisionedConcurrencyConfig";
        TemplateNode.Mapping from = own.get(key) != null ? own : globals;
        String path = (from == own ? "Resources." + id + ".Properties." : "Globals.Function.") + key;
        TemplateNode node = resolve(from.get(key), path);
        if (node == null) {
            return null;
        }
        if (!(node instanceof TemplateNode.Mapping m) || m.get("ProvisionedConcurrentExecutions") == null) {
            throw template.error(node.line(), path, "expected a map with ProvisionedConcurrentExecutions, got "
                    + node.describe() + ".");
        }
        return value(m.get("ProvisionedConcurrentExecutions"), path + ".ProvisionedConcurrentExecutions", 1,
                Integer.MAX_VALUE, "provisioned concurrency is at least 1");
    }

    private Integer integer(String key, int min, int max, String rule) {
        TemplateNode.Mapping from = own.get(key) != null ? own : globals;
        String path = (from == own ? "Resources." + id + ".Properties." : "Globals.Function.") + key;
        TemplateNode node = resolve(from.get(key), path);
        return node == null ? null : value(node, path, min, max, rule);
    }

    private Integer value(TemplateNode node, String path, int min, int max, String rule) {
        String text = node instanceof TemplateNode.Scalar s ? s.text() : null;
        int v;
        try {
            v = Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw template.error(node.line(), path, "expected an integer, got " + node.describe() + ".");
        }
        if (v < min || v > max) {
            throw new InvalidTemplateException(template.source(), node.line(), path, rule + ", got " + v + ".", null);
        }
        return v;
    }

    private TemplateNode resolve(TemplateNode node, String path) {
        if (node == null) {
            return null;
        }
        try {
            return intrinsics.resolve(node);
        } catch (Intrinsics.Unresolvable u) {
            throw template.error(u.line(), path, u.getMessage());
        }
    }
}
