package io.github.streamharness.internal.config.template;

import io.github.streamharness.InvalidTemplateException;

import java.util.List;
import java.util.Map;

/**
 * A parsed template with the values its intrinsics resolve against: the parameter values the test passes, and the
 * region and account the harness runs in (the pseudo parameters AWS::Region, AWS::AccountId, AWS::Partition).
 */
public final class Template {
    private static final TemplateNode.Mapping EMPTY = new TemplateNode.Mapping(Map.of(), Map.of(), 0);

    private final String source;
    private final TemplateNode.Mapping root;
    private final Map<String, String> values;
    private final String region;
    private final String accountId;

    /**
     * A template.
     *
     * @param source    the file or resource name, for messages
     * @param root      the parsed document
     * @param values    parameter values passed by the test (they win over Defaults)
     * @param region    the harness's region
     * @param accountId the harness's account
     */
    public Template(String source, TemplateNode root, Map<String, String> values, String region, String accountId) {
        if (!(root instanceof TemplateNode.Mapping m)) {
            throw new InvalidTemplateException(source, root.line(), "", "a template is a map with a Resources "
                    + "section, got " + root.describe(), null);
        }
        this.source = source;
        this.root = m;
        this.values = Map.copyOf(values);
        this.region = region;
        this.accountId = accountId;
    }

    /** The file or resource name. */
    public String source() {
        return source;
    }

    /** A top-level section (Resources, Parameters, Conditions, Mappings, Globals), empty when absent. */
    public TemplateNode.Mapping section(String name) {
        return root.get(name) instanceof TemplateNode.Mapping m ? m : EMPTY;
    }

    /** The resource with this logical id, or null. */
    public TemplateNode.Mapping resource(String logicalId) {
        return section("Resources").get(logicalId) instanceof TemplateNode.Mapping m ? m : null;
    }

    /** The logical ids of the resources, in template order. */
    public List<String> resourceIds() {
        return List.copyOf(section("Resources").entries().keySet());
    }

    /** A resource's Type, or "" when it has none. */
    public String type(String logicalId) {
        TemplateNode.Mapping r = resource(logicalId);
        return r != null && r.get("Type") instanceof TemplateNode.Scalar s && s.text() != null ? s.text() : "";
    }

    /** A resource's Properties, empty when it has none. */
    public TemplateNode.Mapping properties(String logicalId) {
        TemplateNode.Mapping r = resource(logicalId);
        return r != null && r.get("Properties") instanceof TemplateNode.Mapping m ? m : EMPTY;
    }

    /** A parameter value the test passed, or null. */
    String value(String name) {
        return values.get(name);
    }

    /** The harness's region (AWS::Region). */
    public String region() {
        return values.getOrDefault("AWS::Region", region);
    }

    /** The harness's account (AWS::AccountId). */
    public String accountId() {
        return values.getOrDefault("AWS::AccountId", accountId);
    }

    /** AWS::Partition of the region: aws, aws-cn or aws-us-gov. */
    public String partition() {
        String r = region();
        return r.startsWith("cn-") ? "aws-cn" : r.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /** An error at a node. */
    InvalidTemplateException error(int line, String path, String message) {
        return new InvalidTemplateException(source, line, path, message, null);
    }
}
