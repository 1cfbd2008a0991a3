package io.github.streamharness.internal.filter;

import static io.github.streamharness.internal.filter.Filters.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The comparison operators of EventBridge syntax that Lambda filtering accepts (rule 9.2). */
class FilterOperatorsTest {

    private static String on(String field, String rule) {
        return "{\"data\":{\"" + field + "\":[" + rule + "]}}";
    }

    @Nested
    class Prefix {
        @Test
        void matchesStringsThatBeginWithThePrefix() {
            String pattern = on("region", "{\"prefix\":\"us-\"}");
            assertThat(matches(pattern, "{\"region\":\"us-east-1\"}")).isTrue();
            assertThat(matches(pattern, "{\"region\":\"eu-west-1\"}")).isFalse();
            assertThat(matches(pattern, "{\"region\":\"US-east-1\"}")).as("case sensitive").isFalse();
            assertThat(matches(pattern, "{\"region\":\"us\"}")).isFalse();
        }

        @Test
        void neverMatchesNumbers() {
            assertThat(matches(on("code", "{\"prefix\":\"12\"}"), "{\"code\":123}")).isFalse();
            assertThat(matches(on("code", "{\"prefix\":\"12\"}"), "{\"code\":\"123\"}")).isTrue();
        }

        @Test
        void withEqualsIgnoreCaseIgnoresCase() {
            String pattern = on("service", "{\"prefix\":{\"equals-ignore-case\":\"EventB\"}}");
            assertThat(matches(pattern, "{\"service\":\"eventbridge\"}")).isTrue();
            assertThat(matches(pattern, "{\"service\":\"EVENTBUS\"}")).isTrue();
            assertThat(matches(pattern, "{\"service\":\"lambda\"}")).isFalse();
        }
    }

    @Nested
    class Suffix {
        @Test
        void matchesStringsThatEndWithTheSuffix() {
            String pattern = on("file", "{\"suffix\":\".png\"}");
            assertThat(matches(pattern, "{\"file\":\"cat.png\"}")).isTrue();
            assertThat(matches(pattern, "{\"file\":\"cat.PNG\"}")).isFalse();
            assertThat(matches(pattern, "{\"file\":\"png\"}")).isFalse();
        }

        @Test
        void withEqualsIgnoreCaseIgnoresCase() {
            String pattern = on("file", "{\"suffix\":{\"equals-ignore-case\":\".png\"}}");
            assertThat(matches(pattern, "{\"file\":\"cat.PNG\"}")).isTrue();
            assertThat(matches(pattern, "{\"file\":\"cat.jpg\"}")).isFalse();
        }
    }

    @Nested
    class EqualsIgnoreCase {
        @Test
        void matchesTheSameStringInAnyCase() {
            String pattern = on("name", "{\"equals-ignore-case\":\"alice\"}");
            assertThat(matches(pattern, "{\"name\":\"ALICE\"}")).isTrue();
            assertThat(matches(pattern, "{\"name\":\"Alice\"}")).isTrue();
            assertThat(matches(pattern, "{\"name\":\"Alicia\"}")).isFalse();
        }
    }

    @Nested
    class AnythingBut {
        @Test
        void listOfStringsExcludesEachOfThem() {
            // rule 9.2 / D-FILTG "Not": {"anything-but":["Raining"]}
            String pattern = on("weather", "{\"anything-but\":[\"Raining\",\"Snowing\"]}");
            assertThat(matches(pattern, "{\"weather\":\"Sunny\"}")).isTrue();
            assertThat(matches(pattern, "{\"weather\":\"Raining\"}")).isFalse();
            assertThat(matches(pattern, "{\"weather\":\"Snowing\"}")).isFalse();
        }

        @Test
        void singleStringExcludesIt() {
            String pattern = on("state", "{\"anything-but\":\"initializing\"}");
            assertThat(matches(pattern, "{\"state\":\"running\"}")).isTrue();
            assertThat(matches(pattern, "{\"state\":\"initializing\"}")).isFalse();
        }

        @Test
        void singleNumberAndNumberListExcludeByNumericValue() {
            assertThat(matches(on("x", "{\"anything-but\":123}"), "{\"x\":124}")).isTrue();
            assertThat(matches(on("x", "{\"anything-but\":123}"), "{\"x\":123}")).isFalse();
            assertThat(matches(on("x", "{\"anything-but\":123}"), "{\"x\":123.0}"))
                    .as("modelled: anything-but compares numbers by value").isFalse();
            String list = on("x", "{\"anything-but\":[100,200,300]}");
            assertThat(matches(list, "{\"x\":200}")).isFalse();
            assertThat(matches(list, "{\"x\":250}")).isTrue();
        }

        @Test
        void requiresThePresenceOfTheField() {
            assertThat(matches(on("state", "{\"anything-but\":\"x\"}"), "{\"other\":\"y\"}")).isFalse();
        }

        @Test
        void matchesOtherTypesThanTheExcludedOnes() {
            // modelled choice: anything-but is "any present leaf value except these"
            String pattern = on("state", "{\"anything-but\":\"x\"}");
            assertThat(matches(pattern, "{\"state\":5}")).isTrue();
            assertThat(matches(pattern, "{\"state\":null}")).isTrue();
        }

        @Test
        void onAnArrayMatchesWhenAnyElementIsNotExcluded() {
            String pattern = on("tags", "{\"anything-but\":\"a\"}");
            assertThat(matches(pattern, "{\"tags\":[\"a\",\"b\"]}")).isTrue();
            assertThat(matches(pattern, "{\"tags\":[\"a\",\"a\"]}")).isFalse();
        }

        @Test
        void withPrefixExcludesStringsWithThatPrefix() {
            String pattern = on("region", "{\"anything-but\":{\"prefix\":\"us-\"}}");
            assertThat(matches(pattern, "{\"region\":\"eu-west-1\"}")).isTrue();
            assertThat(matches(pattern, "{\"region\":\"us-east-1\"}")).isFalse();
        }

        @Test
        void withSuffixExcludesStringsWithThatSuffix() {
            String pattern = on("file", "{\"anything-but\":{\"suffix\":\".png\"}}");
            assertThat(matches(pattern, "{\"file\":\"a.jpg\"}")).isTrue();
            assertThat(matches(pattern, "{\"file\":\"a.png\"}")).isFalse();
        }

        @Test
        void withEqualsIgnoreCaseExcludesAnyCasing() {
            String pattern = on("state", "{\"anything-but\":{\"equals-ignore-case\":[\"stopped\",\"failed\"]}}");
            assertThat(matches(pattern, "{\"state\":\"STOPPED\"}")).isFalse();
            assertThat(matches(pattern, "{\"state\":\"Failed\"}")).isFalse();
            assertThat(matches(pattern, "{\"state\":\"running\"}")).isTrue();
        }
    }

    @Nested
    class Numeric {
        @Test
        void rangeHasOpenAndClosedEnds() {
            // rule 9.2: {"numeric":[">",0,"<=",5]}
            String pattern = on("count", "{\"numeric\":[\">\",0,\"<=\",5]}");
            assertThat(matches(pattern, "{\"count\":0}")).isFalse();
            assertThat(matches(pattern, "{\"count\":0.000001}")).isTrue();
            assertThat(matches(pattern, "{\"count\":1}")).isTrue();
            assertThat(matches(pattern, "{\"count\":5}")).isTrue();
            assertThat(matches(pattern, "{\"count\":5.0}")).isTrue();
            assertThat(matches(pattern, "{\"count\":5.01}")).isFalse();
            assertThat(matches(pattern, "{\"count\":-1}")).isFalse();
        }

        @Test
        void boundsMayBeGivenUpperFirst() {
            String pattern = on("t", "{\"numeric\":[\"<\",10,\">=\",2]}");
            assertThat(matches(pattern, "{\"t\":2}")).isTrue();
            assertThat(matches(pattern, "{\"t\":10}")).isFalse();
        }

        @Test
        void equalsComparesByValueSo5Equals5Point0And5e0() {
            String pattern = on("price", "{\"numeric\":[\"=\",5]}");
            assertThat(matches(pattern, "{\"price\":5}")).isTrue();
            assertThat(matches(pattern, "{\"price\":5.0}")).isTrue();
            assertThat(matches(pattern, "{\"price\":5e0}")).isTrue();
            assertThat(matches(pattern, "{\"price\":0.5e1}")).isTrue();
            assertThat(matches(pattern, "{\"price\":5.000001}")).isFalse();
        }

        @Test
        void decimalsAndExponentsInThePattern() {
            assertThat(matches(on("x", "{\"numeric\":[\"=\",3.018e2]}"), "{\"x\":301.8}")).isTrue();
            assertThat(matches(on("x", "{\"numeric\":[\">=\",-1.5]}"), "{\"x\":-1.5}")).isTrue();
            assertThat(matches(on("x", "{\"numeric\":[\">=\",-1.5]}"), "{\"x\":-1.50001}")).isFalse();
            assertThat(matches(on("x", "{\"numeric\":[\"<\",0.1]}"), "{\"x\":0.1}"))
                    .as("exact decimals: no binary rounding").isFalse();
        }

        @Test
        void singleBounds() {
            assertThat(matches(on("x", "{\"numeric\":[\"<\",10]}"), "{\"x\":9}")).isTrue();
            assertThat(matches(on("x", "{\"numeric\":[\"<\",10]}"), "{\"x\":10}")).isFalse();
            assertThat(matches(on("x", "{\"numeric\":[\"<=\",10]}"), "{\"x\":10}")).isTrue();
            assertThat(matches(on("x", "{\"numeric\":[\">\",10]}"), "{\"x\":10}")).isFalse();
            assertThat(matches(on("x", "{\"numeric\":[\">=\",10]}"), "{\"x\":10}")).isTrue();
        }

        @Test
        void onlyMatchesJsonNumbersNotNumericStrings() {
            assertThat(matches(on("x", "{\"numeric\":[\">\",0]}"), "{\"x\":\"5\"}")).isFalse();
            assertThat(matches(on("x", "{\"numeric\":[\">\",0]}"), "{\"x\":true}")).isFalse();
            assertThat(matches(on("x", "{\"numeric\":[\">\",0]}"), "{\"x\":null}")).isFalse();
        }

        @Test
        void onAnArrayMatchesWhenAnyElementIsInRange() {
            String pattern = on("readings", "{\"numeric\":[\">\",100]}");
            assertThat(matches(pattern, "{\"readings\":[1,2,150]}")).isTrue();
            assertThat(matches(pattern, "{\"readings\":[1,2,3]}")).isFalse();
        }
    }

    @Nested
    class Exists {
        @Test
        void trueMatchesAPresentLeafOfAnyValueIncludingNull() {
            String pattern = on("productName", "{\"exists\":true}");
            assertThat(matches(pattern, "{\"productName\":\"x\"}")).isTrue();
            assertThat(matches(pattern, "{\"productName\":null}")).isTrue();
            assertThat(matches(pattern, "{\"productName\":0}")).isTrue();
            assertThat(matches(pattern, "{\"other\":\"x\"}")).isFalse();
        }

        @Test
        void falseMatchesOnlyWhenTheFieldIsMissing() {
            String pattern = on("productName", "{\"exists\":false}");
            assertThat(matches(pattern, "{\"other\":\"x\"}")).isTrue();
            assertThat(matches(pattern, "{}")).isTrue();
            assertThat(matches(pattern, "{\"productName\":\"x\"}")).isFalse();
            assertThat(matches(pattern, "{\"productName\":null}")).as("null is present").isFalse();
        }

        @Test
        void worksOnLeavesOnlySoAnObjectValueCountsAsMissing() {
            // EventBridge: "Exists matching only works on leaf nodes"; exists:false matches an intermediate node
            assertThat(matches(on("c", "{\"exists\":false}"), "{\"c\":{\"c1\":100}}")).isTrue();
            assertThat(matches(on("c", "{\"exists\":true}"), "{\"c\":{\"c1\":100}}")).isFalse();
        }

        @Test
        void emptyArrayHasNoLeaves() {
            assertThat(matches(on("tags", "{\"exists\":false}"), "{\"tags\":[]}")).isTrue();
            assertThat(matches(on("tags", "{\"exists\":true}"), "{\"tags\":[]}")).isFalse();
            assertThat(matches(on("tags", "{\"exists\":true}"), "{\"tags\":[\"a\"]}")).isTrue();
        }

        @Test
        void falseUnderAMissingParentMatches() {
            String pattern = "{\"data\":{\"order\":{\"coupon\":[{\"exists\":false}]}}}";
            assertThat(matches(pattern, "{\"id\":1}")).isTrue();
            assertThat(matches(pattern, "{\"order\":{\"id\":1}}")).isTrue();
            assertThat(matches(pattern, "{\"order\":{\"coupon\":\"X\"}}")).isFalse();
        }

        @Test
        void combinesWithOtherKeys() {
            String pattern = "{\"data\":{\"type\":[\"buy\"],\"coupon\":[{\"exists\":false}]}}";
            assertThat(matches(pattern, "{\"type\":\"buy\"}")).isTrue();
            assertThat(matches(pattern, "{\"type\":\"buy\",\"coupon\":\"X\"}")).isFalse();
            assertThat(matches(pattern, "{\"type\":\"sell\"}")).isFalse();
        }
    }

    @Test
    void operatorsAndValuesInOneArrayAreOred() {
        String pattern = on("region", "\"eu-west-1\",{\"prefix\":\"us-\"}");
        assertThat(matches(pattern, "{\"region\":\"eu-west-1\"}")).isTrue();
        assertThat(matches(pattern, "{\"region\":\"us-east-2\"}")).isTrue();
        assertThat(matches(pattern, "{\"region\":\"ap-south-1\"}")).isFalse();
    }
}
