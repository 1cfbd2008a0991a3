package io.github.streamharness.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KinesisRecordsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METRICS =
            "{\"id\":${index},\"metric\":\"${oneOf:cpu,mem}\",\"value\":${double:0,100}}";

    private static KinesisRecords busyConfiguration(long seed) {
        return KinesisRecords.withSeed(seed)
                .json(METRICS + " ")
                .skewedKeys(20, 0.3)
                .payloadSize(40, 120)
                .malformedJson(0.05).emptyData(0.02).invalidUtf8(0.02).hotKey("hot", 0.05)
                .oversized(0.001)
                .defectAt(3, Defect.MALFORMED_JSON);
    }

    @Test
    void sameSeedGivesByteIdenticalRuns() {
        List<RecordSpec> first = busyConfiguration(7).take(3_000);
        List<RecordSpec> second = busyConfiguration(7).take(3_000);

        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).data()).as("data of record %d", i).isEqualTo(first.get(i).data());
            assertThat(second.get(i).partitionKey()).as("key of record %d", i).isEqualTo(first.get(i).partitionKey());
        }
        assertThat(digest(second)).isEqualTo(digest(first));
    }

    @Test
    void generatedBytesArePinnedAcrossMachinesAndJdks() {
        // Pinned: a change here changes the run every user's printed seed replays. Only BigDecimal formatting and
        // SplittableRandom (whose algorithm is specified) are involved, so the bytes do not depend on the JDK.
        List<RecordSpec> records = KinesisRecords.withSeed(42).json(METRICS).take(3);
        assertThat(records).extracting(RecordSpec::dataAsString).containsExactly(
                "{\"id\":0,\"metric\":\"mem\",\"value\":41.87}",
                "{\"id\":1,\"metric\":\"cpu\",\"value\":56.56}",
                "{\"id\":2,\"metric\":\"cpu\",\"value\":1.07}");
        assertThat(records).extracting(RecordSpec::partitionKey).containsExactly("pk-9", "pk-2", "pk-0");
    }

    @Test
    void differentSeedsGiveDifferentRuns() {
        assertThat(digest(busyConfiguration(8).take(200))).isNotEqualTo(digest(busyConfiguration(7).take(200)));
    }

    @Test
    void takeStreamIteratorAndRecordAgree() {
        KinesisRecords records = busyConfiguration(3);
        List<RecordSpec> taken = records.take(50);

        assertThat(records.stream().limit(50).toList()).isEqualTo(taken);
        assertThat(records.iterator().next()).isEqualTo(taken.get(0));
        assertThat(records.record(49)).isEqualTo(taken.get(49));
        assertThat(records.take(50)).isEqualTo(taken);
    }

    @Test
    void templateFillsEveryPlaceholder() throws IOException {
        List<RecordSpec> records = KinesisRecords.create()
                .json("{\"id\":${index},\"pk\":\"${key}\",\"metric\":\"${oneOf:cpu,mem}\",\"value\":${double:0,100},"
                        + "\"n\":${int:5,7},\"u\":\"${uuid}\",\"b\":${bool},\"s\":\"${string:6}\",\"lit\":\"$${x}\"}")
                .take(500);

        for (int i = 0; i < records.size(); i++) {
            JsonNode node = JSON.readTree(records.get(i).data());
            assertThat(node.get("id").asInt()).isEqualTo(i);
            assertThat(node.get("pk").asText()).isEqualTo(records.get(i).partitionKey());
            assertThat(node.get("metric").asText()).isIn("cpu", "mem");
            assertThat(node.get("value").decimalValue()).isBetween(
                    java.math.BigDecimal.ZERO, java.math.BigDecimal.valueOf(100));
            assertThat(records.get(i).dataAsString()).containsPattern("\"value\":\\d{1,2}\\.\\d\\d,");
            assertThat(node.get("n").asInt()).isBetween(5, 7);
            assertThat(node.get("u").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(node.get("b").isBoolean()).isTrue();
            assertThat(node.get("s").asText()).matches("[a-z0-9]{6}");
            assertThat(node.get("lit").asText()).isEqualTo("${x}");
        }
        assertThat(records).extracting(r -> dataField(r, "metric")).contains("cpu", "mem");
        assertThat(records).extracting(r -> dataField(r, "n")).contains("5", "6", "7");
    }

    @Test
    void badPlaceholderFailsWhenConfigured() {
        assertThatThrownBy(() -> KinesisRecords.create().json("{\"a\":${nope}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad placeholder ${nope} at offset 5")
                .hasMessageContaining("known: index, key");
        assertThatThrownBy(() -> KinesisRecords.create().json("{\"a\":${int:9,1}}"))
                .hasMessageContaining("min 9 > max 1");
        assertThatThrownBy(() -> KinesisRecords.create().json("{\"a\":${index"))
                .hasMessageContaining("unclosed placeholder at offset 5");
    }

    @Test
    void textAndBytesFunctionsReceiveTheIndex() {
        assertThat(KinesisRecords.create().text(i -> "line " + i).take(3))
                .extracting(RecordSpec::dataAsString).containsExactly("line 0", "line 1", "line 2");
        assertThat(KinesisRecords.create().bytes(i -> new byte[] {(byte) i, 0}).record(5).data())
                .containsExactly(5, 0);
    }

    @Test
    void uniformKeysSpreadEvenlyOverTheKeySet() {
        Map<String, Long> counts = countKeys(KinesisRecords.withSeed(1).uniformKeys(4).take(8_000));

        assertThat(counts).containsOnlyKeys("pk-0", "pk-1", "pk-2", "pk-3");
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(1_850L, 2_150L));
    }

    @Test
    void skewedKeysGiveTheHotKeyItsShare() {
        Map<String, Long> counts = countKeys(KinesisRecords.withSeed(1).skewedKeys(10, 0.8).take(10_000));

        assertThat(counts).hasSize(10);
        assertThat(counts.get("pk-0")).isBetween(7_800L, 8_200L);
        assertThat(counts.get("pk-9")).isBetween(160L, 290L);
    }

    @Test
    void fixedAndRandomKeySets() {
        assertThat(countKeys(KinesisRecords.create().keys("a", "b").take(100))).containsOnlyKeys("a", "b");

        List<RecordSpec> random = KinesisRecords.create().randomKeys().take(100);
        assertThat(random).extracting(RecordSpec::partitionKey).doesNotHaveDuplicates()
                .allSatisfy(k -> assertThat(k).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    @Test
    void hotKeyOverridesTheDistributionForItsShare() {
        Map<String, Long> counts = countKeys(KinesisRecords.withSeed(5).uniformKeys(10).hotKey("hot", 0.5)
                .take(4_000));

        assertThat(counts.get("hot")).isBetween(1_900L, 2_100L);
        assertThat(counts).hasSize(11);
    }

    @Test
    void malformedJsonShareGivesPoisonPillsThatDoNotParse() {
        List<RecordSpec> records = KinesisRecords.withSeed(9).json(METRICS).malformedJson(0.1).take(2_000);

        long poison = records.stream().filter(r -> !parses(r)).count();
        assertThat(poison).isBetween(170L, 230L);
        assertThat(records).filteredOn(r -> !parses(r))
                .allSatisfy(r -> assertThat(r.dataAsString()).startsWith("{").doesNotEndWith("}"));
    }

    @Test
    void defectAtPutsTheDefectOnExactlyThatRecord() {
        List<RecordSpec> records = KinesisRecords.create().json(METRICS)
                .defectAt(7, Defect.MALFORMED_JSON).defectAt(8, Defect.EMPTY_DATA).defectAt(9, Defect.HOT_KEY)
                .take(12);

        assertThat(parses(records.get(6))).isTrue();
        assertThat(parses(records.get(7))).isFalse();
        assertThat(records.get(8).dataSize()).isZero();
        assertThat(records.get(9).partitionKey()).isEqualTo("hot-key");
        for (int i : new int[] {0, 1, 2, 3, 4, 5, 10, 11}) {
            assertThat(parses(records.get(i))).as("record %d", i).isTrue();
            assertThat(records.get(i).partitionKey()).as("record %d", i).startsWith("pk-");
        }
    }

    @Test
    void nonJsonPayloadBecomesAPoisonPillToo() {
        RecordSpec record = KinesisRecords.create().text(i -> "plain").defectAt(0, Defect.MALFORMED_JSON).record(0);
        assertThat(record.dataAsString()).isEqualTo("{not json plain");
    }

    @Test
    void oversizedRecordsFillTheOneMebibyteLimitAndStayJson() {
        RecordSpec record = KinesisRecords.create().json(METRICS).randomKeys().oversized(1.0).record(0);

        assertThat(record.dataSize() + record.partitionKey().length()).isEqualTo(1_048_576);
        assertThat(parses(record)).isTrue();
    }

    @Test
    void oversizedWithAnExplicitSizeCanCrossTheLimit() {
        RecordSpec record = KinesisRecords.create().oversized(1.0, KinesisRecords.MAX_RECORD_BYTES + 1).record(0);

        assertThat(record.dataSize()).isEqualTo(1_048_577);
        assertThat(parses(record)).isTrue();
    }

    @Test
    void invalidUtf8RecordsFailStrictDecoding() {
        List<RecordSpec> records = KinesisRecords.create().json(METRICS).invalidUtf8(1.0).take(20);

        assertThat(records).allSatisfy(r -> assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(r.data())))
                .isInstanceOf(CharacterCodingException.class));
    }

    @Test
    void emptyDataShareGivesEmptyRecords() {
        long empty = KinesisRecords.withSeed(2).emptyData(0.25).take(1_000).stream()
                .filter(r -> r.dataSize() == 0).count();
        assertThat(empty).isBetween(220L, 280L);
    }

    @Test
    void payloadSizesStayInRangeAndJsonStaysValid() {
        List<RecordSpec> records = KinesisRecords.withSeed(4).json(METRICS).payloadSize(100, 200).take(500);

        assertThat(records).allSatisfy(r -> {
            assertThat(r.dataSize()).isBetween(100, 200);
            assertThat(parses(r)).isTrue();
        });
        assertThat(records.stream().mapToInt(RecordSpec::dataSize).distinct().count()).isGreaterThan(50);
        assertThat(KinesisRecords.create().text(i -> "x").payloadSize(5, 5).record(0).dataAsString())
                .isEqualTo("x    ");
        assertThat(KinesisRecords.create().json("{}").payloadSize(20, 20).record(0).dataAsString())
                .hasSize(20).startsWith("{\"padding\":\"").endsWith("\"}");
    }

    @Test
    void addingDefectsDoesNotChangeWhichKeysRecordsGet() {
        List<RecordSpec> plain = KinesisRecords.withSeed(11).uniformKeys(50).take(500);
        List<RecordSpec> withPoison = KinesisRecords.withSeed(11).uniformKeys(50).malformedJson(0.2).take(500);

        assertThat(withPoison).extracting(RecordSpec::partitionKey)
                .containsExactlyElementsOf(plain.stream().map(RecordSpec::partitionKey).toList());
    }

    @Test
    void seedIsExposedAndPrinted() {
        assertThat(KinesisRecords.create().seed()).isEqualTo(KinesisRecords.DEFAULT_SEED);
        assertThat(KinesisRecords.create().toString()).startsWith("KinesisRecords[seed=42, ");
        KinesisRecords reseeded = busyConfiguration(1).seed(1234);
        assertThat(reseeded.seed()).isEqualTo(1234);
        assertThat(reseeded.toString()).contains("seed=1234").contains("MALFORMED_JSON=0.05").contains("hotKey=hot");
        assertThat(reseeded.take(100)).isEqualTo(busyConfiguration(1234).take(100));
    }

    @Test
    void sharesAreValidated() {
        assertThatThrownBy(() -> KinesisRecords.create().malformedJson(1.5))
                .hasMessage("a share must be between 0 and 1, got 1.5");
        assertThatThrownBy(() -> KinesisRecords.create().malformedJson(0.6).emptyData(0.6))
                .hasMessageContaining("add up to 1.2");
    }

    private static Map<String, Long> countKeys(List<RecordSpec> records) {
        return records.stream().collect(Collectors.groupingBy(RecordSpec::partitionKey, Collectors.counting()));
    }

    private static boolean parses(RecordSpec record) {
        try {
            JSON.readTree(record.data());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String dataField(RecordSpec record, String field) {
        try {
            return JSON.readTree(record.data()).get(field).asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String digest(List<RecordSpec> records) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RecordSpec r : records) {
                sha.update(r.partitionKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(r.data());
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

}
