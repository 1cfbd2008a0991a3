package io.github.streamharness.internal.config.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Evaluates CloudFormation's intrinsic functions as CloudFormation does (rule 18.3): Ref, Fn::GetAtt, Fn::Sub,
 * Fn::Join, Fn::If with the Conditions section (Fn::Equals, Fn::Not, Fn::And, Fn::Or), Fn::Select, Fn::Split,
 * Fn::FindInMap, Fn::Base64, Fn::Length, Fn::ToJsonString; parameters from the test's values or their Defaults;
 * pseudo parameters from the harness's region and account; resources through {@link ResourceNames}. What cannot be
 * known in-process (Fn::ImportValue, Fn::GetAZs, an unknown attribute) is an {@link Unresolvable} that says what to do.
 */
public final class Intrinsics {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private final Template template;
    private final ResourceNames names;
    private final Map<String, Boolean> conditions = new HashMap<>();
    private final Set<String> evaluating = new LinkedHashSet<>();

    /** An evaluator for {@code template}. */
    public Intrinsics(Template template) {
        this.template = template;
        this.names = new ResourceNames(template, this);
    }

    /** The resource names and attributes of the template. */
    ResourceNames names() {
        return names;
    }

    /** An intrinsic that cannot be resolved: the message says which and what to do; the line is where it is. */
    public static final class Unresolvable extends RuntimeException {
        private final int line;

        Unresolvable(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        /** The line of the intrinsic. */
        public int line() {
            return line;
        }
    }

    /** The node with every intrinsic evaluated; null when it is {@code AWS::NoValue} (the property is removed). */
    public TemplateNode resolve(TemplateNode node) {
        if (node instanceof TemplateNode.Sequence s) {
            List<TemplateNode> items = new ArrayList<>();
            for (TemplateNode item : s.items()) {
                TemplateNode r = resolve(item);
                if (r != null) {
                    items.add(r);
                }
            }
            return new TemplateNode.Sequence(List.copyOf(items), s.line());
        }
        if (node instanceof TemplateNode.Mapping m) {
            if (m.isIntrinsic() && !m.onlyKey().equals("Condition")) {
                return evaluate(m);
            }
            Map<String, TemplateNode> entries = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> {
                TemplateNode r = resolve(v);
                if (r != null) {
                    entries.put(k, r);
                }
            });
            return new TemplateNode.Mapping(entries, m.keyLines(), m.line());
        }
        return node;
    }

    /** The node resolved to text (a scalar), or an {@link Unresolvable} naming what it got instead. */
    String text(TemplateNode node, String what) {
        TemplateNode r = resolve(node);
        if (r instanceof TemplateNode.Scalar s && s.text() != null) {
            return s.text();
        }
        throw new Unresolvable(node.line(), what + " needs a string, but " + describe(node) + " gives "
                + (r == null ? "AWS::NoValue" : r.describe()));
    }

    private TemplateNode evaluate(TemplateNode.Mapping m) {
        String fn = m.onlyKey();
        TemplateNode arg = m.get(fn);
        int line = m.line();
        return switch (fn) {
            case "Ref" -> ref(text(arg, "!Ref"), line);
            case "Fn::GetAtt" -> {
                List<TemplateNode> a = args(m, 2);
                yield scalar(names.attribute(text(a.get(0), "!GetAtt"), text(a.get(1), "!GetAtt"), line), line);
            }
            case "Fn::Sub" -> scalar(sub(m), line);
            case "Fn::Join" -> {
                List<TemplateNode> a = args(m, 2);
                yield scalar(list(a.get(1), m).stream().map(n -> text(n, "!Join"))
                        .collect(Collectors.joining(text(a.get(0), "!Join"))), line);
            }
            case "Fn::Select" -> {
                List<TemplateNode> a = args(m, 2);
                List<TemplateNode> items = list(a.get(1), m);
                String index = text(a.get(0), "!Select");
                int i = index.matches("\\d+") ? Integer.parseInt(index) : -1;
                if (i < 0 || i >= items.size()) {
                    throw new Unresolvable(line, describe(m) + ": index " + index + " is outside the list of "
                            + items.size() + " item(s)");
                }
                yield items.get(i);
            }
            case "Fn::Split" -> {
                List<TemplateNode> a = args(m, 2);
                List<TemplateNode> parts = new ArrayList<>();
                for (String p : text(a.get(1), "!Split").split(Pattern.quote(text(a.get(0), "!Split")), -1)) {
                    parts.add(scalar(p, line));
                }
                yield new TemplateNode.Sequence(List.copyOf(parts), line);
            }
            case "Fn::FindInMap" -> findInMap(m);
            case "Fn::If" -> {
                List<TemplateNode> a = args(m, 3);
                yield resolve(condition(text(a.get(0), "!If"), line) ? a.get(1) : a.get(2));
            }
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" -> scalar(String.valueOf(bool(m)), line);
            case "Fn::Base64" -> scalar(Base64.getEncoder().encodeToString(
                    text(arg, "!Base64").getBytes(StandardCharsets.UTF_8)), line);
            case "Fn::Length" -> scalar(String.valueOf(list(arg, m).size()), line);
            case "Fn::ToJsonString" -> scalar(Json.write(resolve(arg)), line);
            case "Fn::ImportValue" -> throw new Unresolvable(line, describe(m) + " reads an export of another "
                    + "stack, which the harness cannot see. Make it a parameter of this template and pass its value, "
                    + "or write the value literally.");
            default -> throw new Unresolvable(line, describe(m) + " depends on the AWS account it is deployed in ("
                    + fn + " is not evaluated by the harness). Make the value a parameter and pass it, or write it "
                    + "literally.");
        };
    }

    private TemplateNode ref(String name, int line) {
        TemplateNode.Mapping parameters = template.section("Parameters");
        if (parameters.get(name) instanceof TemplateNode.Mapping p) {
            return parameter(name, p, line);
        }
        switch (name) {
            case "AWS::Region": return scalar(template.region(), line);
            case "AWS::AccountId": return scalar(template.accountId(), line);
            case "AWS::Partition": return scalar(template.partition(), line);
            case "AWS::URLSuffix": return scalar(template.partition().equals("aws-cn")
                    ? "amazonaws.com.cn" : "amazonaws.com", line);
            case "AWS::NoValue": return null;
            default: break;
        }
        if (name.startsWith("AWS::")) {
            if (template.value(name) != null) {
                return scalar(template.value(name), line);
            }
            throw new Unresolvable(line, "!Ref " + name + " is known only once the stack is deployed; pass its "
                    + "value with the parameter values, e.g. Map.of(\"" + name + "\", \"...\")");
        }
        if (template.resource(name) != null) {
            return scalar(names.ref(name, line), line);
        }
        throw new Unresolvable(line, "!Ref " + name + ": the template has no parameter or resource " + name
                + " (parameters: " + String.join(", ", parameters.entries().keySet()) + "; resources: "
                + String.join(", ", template.resourceIds()) + ")" + Suggestions.didYouMean(name,
                union(parameters.entries().keySet(), template.resourceIds())));
    }

    private TemplateNode parameter(String name, TemplateNode.Mapping p, int line) {
        String value = template.value(name);
        if (value == null) {
            TemplateNode d = p.get("Default");
            if (d == null) {
                throw new Unresolvable(line, "!Ref " + name + ": parameter " + name + " has no Default and no "
                        + "value was passed. Pass its value with the parameter values, e.g. Map.of(\"" + name
                        + "\", \"...\") (or templateParameters = \"" + name + "=...\" on the annotation).");
            }
            value = d instanceof TemplateNode.Sequence s
                    ? s.items().stream().map(n -> text(n, "Default")).collect(Collectors.joining(","))
                    : text(d, "Default of parameter " + name);
        }
        if (p.get("AllowedValues") instanceof TemplateNode.Sequence allowed) {
            List<String> ok = allowed.items().stream().map(n -> text(n, "AllowedValues")).toList();
            if (!ok.contains(value)) {
                throw new Unresolvable(line, "!Ref " + name + ": value '" + value + "' is not one of the parameter's "
                        + "AllowedValues " + ok + "; CloudFormation would refuse to deploy it");
            }
        }
        String type = p.get("Type") instanceof TemplateNode.Scalar t && t.text() != null ? t.text() : "String";
        if (type.equals("Number") && !NUMBER.matcher(value).matches()) {
            throw new Unresolvable(line, "!Ref " + name + ": value '" + value + "' of a Number parameter is not a "
                    + "number; CloudFormation would refuse to deploy it");
        }
        if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
            List<TemplateNode> items = new ArrayList<>();
            for (String item : value.split(",", -1)) {
                items.add(scalar(item.trim(), line));
            }
            return new TemplateNode.Sequence(List.copyOf(items), line);
        }
        return new TemplateNode.Scalar(value, !type.equals("Number"), line);
    }

    private String sub(TemplateNode.Mapping m) {
        TemplateNode arg = m.get("Fn::Sub");
        String text;
        Map<String, TemplateNode> vars = Map.of();
        if (arg instanceof TemplateNode.Sequence s && s.items().size() == 2
                && s.items().get(1) instanceof TemplateNode.Mapping v) {
            text = text(s.items().get(0), "!Sub");
            vars = v.entries();
        } else {
            text = text(arg, "!Sub");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            int end = start < 0 ? -1 : text.indexOf('}', start);
            if (end < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            String var = text.substring(start + 2, end).trim();
            if (var.startsWith("!")) {
                out.append("${").append(var.substring(1)).append('}');
            } else if (vars.containsKey(var)) {
                out.append(text(vars.get(var), "!Sub variable " + var));
            } else if (var.contains(".") && !template.section("Parameters").entries().containsKey(var)) {
                int dot = var.indexOf('.');
                out.append(names.attribute(var.substring(0, dot), var.substring(dot + 1), m.line()));
            } else {
                TemplateNode r = ref(var, m.line());
                if (!(r instanceof TemplateNode.Scalar s) || s.text() == null) {
                    throw new Unresolvable(m.line(), describe(m) + ": ${" + var + "} is "
                            + (r == null ? "AWS::NoValue" : r.describe()) + ", which cannot be put into a string");
                }
                out.append(s.text());
            }
            i = end + 1;
        }
        return out.toString();
    }

    private TemplateNode findInMap(TemplateNode.Mapping m) {
        List<TemplateNode> a = args(m, 3);
        String map = text(a.get(0), "!FindInMap");
        String top = text(a.get(1), "!FindInMap");
        String second = text(a.get(2), "!FindInMap");
        if (template.section("Mappings").get(map) instanceof TemplateNode.Mapping mm
                && mm.get(top) instanceof TemplateNode.Mapping level && level.get(second) != null) {
            return resolve(level.get(second));
        }
        throw new Unresolvable(m.line(), describe(m) + ": Mappings has no " + map + "." + top + "." + second);
    }

    /** The value of the named condition of the Conditions section. */
    boolean condition(String name, int line) {
        Boolean known = conditions.get(name);
        if (known != null) {
            return known;
        }
        TemplateNode c = template.section("Conditions").get(name);
        if (c == null) {
            throw new Unresolvable(line, "condition " + name + " is not in the Conditions section ("
                    + String.join(", ", template.section("Conditions").entries().keySet()) + ")");
        }
        if (!evaluating.add(name)) {
            throw new Unresolvable(line, "condition " + name + " depends on itself: " + evaluating);
        }
        try {
            boolean value = bool(c);
            conditions.put(name, value);
            return value;
        } finally {
            evaluating.remove(name);
        }
    }

    private boolean bool(TemplateNode node) {
        if (node instanceof TemplateNode.Mapping m && m.isIntrinsic()) {
            String fn = m.onlyKey();
            switch (fn) {
                case "Condition": return condition(text(m.get(fn), "Condition"), m.line());
                case "Fn::Equals": {
                    List<TemplateNode> a = args(m, 2);
                    TemplateNode left = resolve(a.get(0));
                    TemplateNode right = resolve(a.get(1));
                    if (left instanceof TemplateNode.Scalar l && right instanceof TemplateNode.Scalar r) {
                        return java.util.Objects.equals(l.text(), r.text()); // "2" equals 2, as in CloudFormation
                    }
                    return Json.write(left).equals(Json.write(right));
                }
                case "Fn::Not": return !bool(args(m, 1).get(0));
                case "Fn::And": return list(m.get(fn), m).stream().allMatch(this::bool);
                case "Fn::Or": return list(m.get(fn), m).stream().anyMatch(this::bool);
                default: break;
            }
        }
        String text = text(node, "a condition");
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new Unresolvable(node.line(), "a condition must be true or false, got '" + text + "'");
    }

    private List<TemplateNode> list(TemplateNode node, TemplateNode.Mapping fn) {
        TemplateNode r = node instanceof TemplateNode.Mapping m && m.isIntrinsic() ? resolve(node) : node;
        if (r instanceof TemplateNode.Sequence s) {
            return s.items();
        }
        throw new Unresolvable(fn.line(), describe(fn) + " needs a list, got "
                + (r == null ? "nothing" : r.describe()));
    }

    private List<TemplateNode> args(TemplateNode.Mapping m, int count) {
        TemplateNode arg = m.get(m.onlyKey());
        if (arg instanceof TemplateNode.Sequence s && s.items().size() == count) {
            return s.items();
        }
        throw new Unresolvable(m.line(), describe(m) + " takes a list of " + count + " argument(s), got "
                + arg.describe());
    }

    private static TemplateNode scalar(String text, int line) {
        return new TemplateNode.Scalar(text, true, line);
    }

    private static List<String> union(Set<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** An intrinsic as a reader writes it in YAML: {@code !Ref AnalyticsDlq}, {@code !GetAtt Dlq.Arn}, ... */
    public static String describe(TemplateNode node) {
        return node instanceof TemplateNode.Mapping m && m.isIntrinsic() ? shortForm(m) : node.describe();
    }

    static String shortForm(TemplateNode.Mapping m) {
        String fn = m.onlyKey();
        String name = fn.startsWith("Fn::") ? fn.substring(4) : fn;
        TemplateNode arg = m.get(fn);
        String shown;
        if (name.equals("GetAtt") && arg instanceof TemplateNode.Sequence s && s.items().size() == 2
                && s.items().get(0) instanceof TemplateNode.Scalar a
                && s.items().get(1) instanceof TemplateNode.Scalar b) {
            shown = a.text() + "." + b.text();
        } else if (arg instanceof TemplateNode.Scalar s) {
            shown = name.equals("Sub") ? "'" + s.text() + "'" : String.valueOf(s.text());
        } else {
            shown = Json.write(arg);
        }
        return "!" + name + " " + shown;
    }
}
