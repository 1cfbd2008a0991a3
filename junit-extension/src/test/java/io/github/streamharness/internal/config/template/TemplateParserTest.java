package io.github.streamharness.internal.config.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamharness.InvalidTemplateException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Template text read into nodes as CloudFormation reads YAML and JSON templates (rule 18.3). */
class TemplateParserTest {
    private static TemplateNode value(String yaml, String key) {
        return ((TemplateNode.Mapping) TemplateParser.parse(yaml, "t.yaml")).get(key);
    }

    private static String text(String yaml, String key) {
        return ((TemplateNode.Scalar) value(yaml, key)).text();
    }

    @Test
    void yamlNullsAreNullButAQuotedNullIsText() {
        String yaml = "a: null\nb: ~\nc:\nd: 'null'\ne: \"~\"\nf: NULL\n";
        assertThat(Arrays.asList(text(yaml, "a"), text(yaml, "b"), text(yaml, "c"), text(yaml, "d"), text(yaml, "e"),
                text(yaml, "f"))).containsExactly(null, null, null, "null", "~", null);
    }

    @Test
    void aShortFormWithoutAnArgumentTakesTheEmptyString() {
        // rule 18.3: !GetAZs with no value is !GetAZs '' (the region's zones)
        TemplateNode.Mapping getAzs = (TemplateNode.Mapping) value("Zones: !GetAZs\n", "Zones");
        assertThat(getAzs.entries()).containsOnlyKeys("Fn::GetAZs");
        assertThat(((TemplateNode.Scalar) getAzs.get("Fn::GetAZs")).text()).isEmpty();
    }

    @Test
    void getAttShortFormSplitsAtTheFirstDotAndNeedsALogicalIdBeforeIt() {
        // rule 18.3
        TemplateNode.Mapping getAtt = (TemplateNode.Mapping) value("Arn: !GetAtt Q.Arn\n", "Arn");
        assertThat(Json.write(getAtt)).isEqualTo("{\"Fn::GetAtt\":[\"Q\",\"Arn\"]}");
        assertThatThrownBy(() -> TemplateParser.parse("Arn: !GetAtt .Arn\n", "t.yaml"))
                .hasMessage("t.yaml:1: !GetAtt .Arn needs the form LogicalId.Attribute, e.g. !GetAtt AnalyticsDlq.Arn");
    }

    @Test
    void aSyntaxErrorNamesItsLine() {
        // rule 18.3
        assertThatThrownBy(() -> TemplateParser.parse("Resources:\n  M: {Type: AWS::SQS::Queue\nOutputs: {}\n",
                "t.yaml")).isInstanceOf(InvalidTemplateException.class)
                .hasMessageStartingWith("t.yaml:3: not valid YAML: ")
                .hasMessageEndingWith(". Check the indentation and quoting on that line.");
        assertThatThrownBy(() -> TemplateParser.parse("{\n  \"Resources\": {\n    \"M\": }\n}", "t.json"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageStartingWith("t.json:3: not valid JSON: ");
    }
}
