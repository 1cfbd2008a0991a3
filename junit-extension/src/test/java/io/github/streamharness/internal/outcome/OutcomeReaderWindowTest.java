package io.github.streamharness.internal.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamharness.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a response in a tumbling window (rule 8.1): a state object or a failed invocation. */
class OutcomeReaderWindowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "rule 8.1: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"state\":{\"n\":1}}|OK {\"n\":1}",
            "{\"state\":{},\"batchItemFailures\":[]}|OK {}",
            "{\"state\":{\"n\":\"x\"},\"extra\":true}|OK {\"n\":\"x\"}",
            "{}|the response has no state",
            "{\"state\":null}|the response has no state",
            "{\"batchItemFailures\":[]}|the response has no state",
            "{\"state\":\"n=1\"}|its state is a JSON string, not an object",
            "{\"state\":[1]}|its state is a JSON array, not an object",
            "[]|the response is a JSON array, not an object",
            "NONE|the function returned nothing"})
    void aWindowResponseNeedsAStateObject(String response, String expected) throws Exception {
        JsonNode json = response.equals("NONE") ? null : JSON.readTree(response);
        OutcomeReader.WindowReading reading = OutcomeReader.readWindow(json, response, List.of(), true);
        if (expected.startsWith("OK ")) {
            assertThat(reading.outcome()).isInstanceOf(Outcome.Success.class);
            assertThat(reading.state()).hasToString(expected.substring(3));
        } else {
            assertThat(reading.state()).isNull();
            Outcome.FunctionError error = (Outcome.FunctionError) reading.outcome();
            assertThat(error.kind()).isEqualTo(Outcome.ErrorKind.BATCH_FAILURE_RESPONSE);
            assertThat(error.functionError()).isNull();
            assertThat(error.errorMessage()).isEqualTo("an invocation in a tumbling window must return "
                    + "{\"state\":{...}}, the invocation failed (rule 8.1): " + expected);
        }
    }
}
