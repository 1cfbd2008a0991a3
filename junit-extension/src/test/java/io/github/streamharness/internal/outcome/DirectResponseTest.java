package io.github.streamharness.internal.outcome;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The StreamsEventResponse written without the mapper reads exactly as the mapper's round trip (section 5). */
class DirectResponseTest {
    private static final ObjectMapper MAPPER = new ObjectMapper(); // the harness's mapper (HarnessAssembly)

    private static StreamsEventResponse response(String... ids) {
        List<BatchItemFailure> failures = new ArrayList<>();
        for (String id : ids) {
            failures.add(new BatchItemFailure(id));
        }
        return new StreamsEventResponse(failures);
    }

    @Test
    void writesTheTextAndTreeTheMapperWritesAndReadsBack() throws Exception {
        // rule 5.3, 5.5: the empty and the partial responses, ids as the runtime's serializer writes them
        for (StreamsEventResponse r : List.of(response(),
                response("49590338271490256608559692538361571095921575989136588898"), response("1", "2", "3"),
                response("", " "), response("not/a number: {x}"))) {
            DirectResponse.Json direct = DirectResponse.of(r);
            String viaMapper = MAPPER.writeValueAsString(r);

            assertThat(direct).as(viaMapper).isNotNull();
            assertThat(direct.text()).isEqualTo(viaMapper);
            assertThat(direct.tree()).isEqualTo(MAPPER.readTree(viaMapper));
        }
    }

    @Test
    void leavesEverythingElseToTheMapper() {
        // nulls, characters JSON escapes, subclasses and other types go through the mapper as before
        assertThat(DirectResponse.of(new StreamsEventResponse(null))).isNull();
        assertThat(DirectResponse.of(new StreamsEventResponse(Arrays.asList((BatchItemFailure) null)))).isNull();
        assertThat(DirectResponse.of(response((String) null))).isNull();
        assertThat(DirectResponse.of(response("quote\"d"))).isNull();
        assertThat(DirectResponse.of(response("back\\slash"))).isNull();
        assertThat(DirectResponse.of(response("tab\t"))).isNull();
        assertThat(DirectResponse.of(response("é"))).isNull();
        assertThat(DirectResponse.of(new StreamsEventResponse() { })).isNull();
        assertThat(DirectResponse.of(java.util.Map.of("batchItemFailures", List.of()))).isNull();
        assertThat(DirectResponse.of(null)).isNull();
    }
}
