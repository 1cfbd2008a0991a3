package io.github.streamharness.internal.config.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean ...?" in the template errors (rule 18.3): the nearest name by edit distance, if near enough. */
class SuggestionsTest {
    private static final List<String> MAPPING = List.of("BatchSize", "BisectBatchOnFunctionError",
            "MaximumRetryAttempts", "StartingPosition");

    @Test
    void twoEditsAwayIsNearEnoughForAShortName() {
        // BachSze: two letters left out of BatchSize
        assertThat(Suggestions.didYouMean("BachSze", MAPPING)).isEqualTo("; did you mean BatchSize?");
        assertThat(Suggestions.didYouMean("batchsize", MAPPING)).isEqualTo("; did you mean BatchSize?");
    }

    @Test
    void aNameFarFromEveryCandidateGetsNoSuggestion() {
        assertThat(Suggestions.didYouMean("Q", MAPPING)).isEmpty();
        assertThat(Suggestions.didYouMean("Tags", MAPPING)).isEmpty();
        assertThat(Suggestions.nearest("", List.of("abc"))).isNull();
    }

    @Test
    void ofEquallyNearCandidatesTheFirstWins() {
        assertThat(Suggestions.nearest("Stage", List.of("Stagex", "Stagey"))).isEqualTo("Stagex");
    }
}
