package io.github.streamharness.internal.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Patterns that AWS rejects at CreateEventSourceMapping with "Invalid filter pattern definition." (rule 1.12). */
class FilterPatternValidationTest {
    private static final String AWS_MESSAGE = "Invalid filter pattern definition.";

    @ParameterizedTest
    @ValueSource(strings = {
            // not JSON (rule 1.12, AWS-OBS)
            "", "   ", "not json", "{\"data\":", "{'data':{'a':['x']}}", "{\"data\":{\"a\":[\"x\"]}} extra",
            // not an object
            "[]", "[{\"data\":{}}]", "\"data\"", "42", "null",
            // empty object or array
            "{}", "{\"data\":{}}", "{\"data\":{\"a\":{}}}", "{\"data\":{\"a\":[]}}", "{\"partitionKey\":[]}",
            // a data pattern that is not an object of patterns (rule 9.3: non-JSON data pattern)
            "{\"data\":[\"x\"]}", "{\"data\":[{\"exists\":true}]}", "{\"data\":\"x\"}",
            // a leaf that is not an array
            "{\"data\":{\"a\":\"x\"}}", "{\"data\":{\"a\":5}}", "{\"data\":{\"a\":null}}", "{\"partitionKey\":\"p\"}",
            "{\"data\":{\"a\":{\"prefix\":\"x\"}}}",
            // nested arrays in a rule array
            "{\"data\":{\"a\":[[\"x\"]]}}",
            // unknown or malformed operators
            "{\"data\":{\"a\":[{\"wildcard\":\"x*\"}]}}", "{\"data\":{\"a\":[{\"cidr\":\"10.0.0.0/8\"}]}}",
            "{\"data\":{\"a\":[{\"begins-with\":\"x\"}]}}", "{\"data\":{\"a\":[{}]}}",
            "{\"data\":{\"a\":[{\"prefix\":\"x\",\"suffix\":\"y\"}]}}",
            "{\"data\":{\"a\":[{\"prefix\":5}]}}", "{\"data\":{\"a\":[{\"prefix\":[\"x\"]}]}}",
            "{\"data\":{\"a\":[{\"suffix\":null}]}}", "{\"data\":{\"a\":[{\"equals-ignore-case\":1}]}}",
            "{\"data\":{\"a\":[{\"equals-ignore-case\":{\"equals-ignore-case\":\"x\"}}]}}",
            "{\"data\":{\"a\":[{\"exists\":\"true\"}]}}", "{\"data\":{\"a\":[{\"exists\":1}]}}",
            // anything-but with bad operands
            "{\"data\":{\"a\":[{\"anything-but\":[]}]}}", "{\"data\":{\"a\":[{\"anything-but\":[\"x\",1]}]}}",
            "{\"data\":{\"a\":[{\"anything-but\":null}]}}", "{\"data\":{\"a\":[{\"anything-but\":true}]}}",
            "{\"data\":{\"a\":[{\"anything-but\":{\"numeric\":[\">\",1]}}]}}",
            "{\"data\":{\"a\":[{\"anything-but\":{\"prefix\":1}}]}}",
            // numeric with bad operands
            "{\"data\":{\"a\":[{\"numeric\":[]}]}}", "{\"data\":{\"a\":[{\"numeric\":[\">\"]}]}}",
            "{\"data\":{\"a\":[{\"numeric\":[\">\",\"5\"]}]}}", "{\"data\":{\"a\":[{\"numeric\":[\"!=\",5]}]}}",
            "{\"data\":{\"a\":[{\"numeric\":[5,\">\"]}]}}", "{\"data\":{\"a\":[{\"numeric\":5}]}}",
            "{\"data\":{\"a\":[{\"numeric\":[\">\",1,\"<\"]}]}}",
            "{\"data\":{\"a\":[{\"numeric\":[\">\",1,\">\",2]}]}}", "{\"data\":{\"a\":[{\"numeric\":[\"<\",1,\"<=\",2]}]}}",
            "{\"data\":{\"a\":[{\"numeric\":[\"=\",1,\"<\",2]}]}}", "{\"data\":{\"a\":[{\"numeric\":[\">\",5,\"<\",1]}]}}",
            "{\"data\":{\"a\":[{\"numeric\":[\">\",5,\"<=\",5]}]}}",
            "{\"data\":{\"a\":[{\"numeric\":[\">\",1,\"<\",9,\"=\",5]}]}}"
    })
    void invalidPatternIsRejectedWithTheAwsMessage(String pattern) {
        assertThatThrownBy(() -> FilterCriteria.compile(List.of(pattern)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(AWS_MESSAGE + " (");
    }

    @Test
    void nullPatternIsRejectedWithTheAwsMessage() {
        assertThatThrownBy(() -> FilterCriteria.compile(Arrays.asList("{\"data\":{\"a\":[1]}}", null)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(AWS_MESSAGE);
    }

    @Test
    void detailNamesThePatternAndThePath() {
        assertThatThrownBy(() -> FilterCriteria.compile(List.of(
                "{\"data\":{\"a\":[1]}}", "{\"data\":{\"order\":{\"type\":[{\"wildcard\":\"b*\"}]}}}")))
                .hasMessage(AWS_MESSAGE + " (pattern 2: at data.order.type: unknown operator \"wildcard\"; "
                        + "supported: prefix, suffix, equals-ignore-case, anything-but, numeric, exists)");
    }

    @Test
    void detailForNonJsonExplainsIt() {
        assertThatThrownBy(() -> FilterCriteria.compile(List.of("{not json")))
                .hasMessageStartingWith(AWS_MESSAGE + " (pattern 1: not valid JSON: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"data\":{\"a\":[\"x\",1,1.5,-2e3,true,false,null,\"\"]}}",
            "{\"data\":{\"a\":[{\"numeric\":[\">=\",5,\"<=\",5]}]}}",
            "{\"data\":{\"a\":[{\"numeric\":[\"<=\",5]}]}}",
            "{\"data\":{\"a\":[{\"anything-but\":{\"equals-ignore-case\":\"x\"}}]}}",
            "{\"data\":{\"a\":[{\"exists\":true},{\"exists\":false}]}}",
            "{\"data\":{\"a\":[{\"prefix\":\"\"}]}}",
            "{\"partitionKey\":[\"p\"]}",
            "{\"sequenceNumber\":[{\"exists\":true}]}",
            "{\"data\":{\"a\":{\"b\":{\"c\":[1]}}},\"partitionKey\":[{\"anything-but\":\"x\"}]}"
    })
    void validPatternCompiles(String pattern) {
        assertThatCode(() -> FilterCriteria.compile(List.of(pattern))).doesNotThrowAnyException();
    }

    @Test
    void emptyFilterListIsValidAndEmpty() {
        // rule 1.12: Filters: [] is accepted
        assertThat(FilterCriteria.compile(List.of()).isEmpty()).isTrue();
    }
}
