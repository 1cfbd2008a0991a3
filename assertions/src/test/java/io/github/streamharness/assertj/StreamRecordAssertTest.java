package io.github.streamharness.assertj;

import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.Test;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** StreamRecordAssert on records put into a two-shard harness. */
class StreamRecordAssertTest {
    private final StreamHarness stream = StreamHarness.builder().shards(2).build();
    private final StreamRecord order = stream.put("user-7", "{\"id\":7,\"items\":[1,2],\"total\":9.5}");

    @Test
    void hasDataAsTextComparesTheUtf8Text() {
        assertThat(stream.put("user-1", "héllo")).hasDataAsText("héllo");
        assertThatThrownBy(() -> assertThat(order).hasDataAsText("{\"id\":8}"))
                .hasMessage(String.format("Expecting the data of:%n  " + shown(order) + "%n"
                        + "to be the UTF-8 text:%n  \"{\"id\":8}\"%n"
                        + "but was:%n  \"{\"id\":7,\"items\":[1,2],\"total\":9.5}\""));
    }

    @Test
    void hasJsonDataIgnoresKeyOrderAndWhitespace() {
        assertThat(order).hasJsonData("{ \"total\": 9.5, \"items\": [1, 2], \"id\": 7 }")
                .hasJsonData("{\"id\":7.0,\"items\":[1,2.00],\"total\":9.50}"); // numbers by value
    }

    @Test
    void hasJsonDataFailsOnADifferentValueOrArrayOrder() {
        assertThatThrownBy(() -> assertThat(order).hasJsonData("{\"id\":\"7\",\"items\":[1,2],\"total\":9.5}"))
                .hasMessageContaining("but was:");
        assertThatThrownBy(() -> assertThat(order).hasJsonData("{\"id\":7,\"items\":[2,1],\"total\":9.5}"))
                .hasMessage(String.format("Expecting the data of:%n  " + shown(order) + "%n"
                        + "to be JSON equal (key order ignored) to:%n  {\"id\":7,\"items\":[2,1],\"total\":9.5}%n"
                        + "but was:%n  {\"id\":7,\"items\":[1,2],\"total\":9.5}"));
    }

    @Test
    void hasJsonDataFailsWhenTheDataIsNotJson() {
        StreamRecord poison = stream.put("user-3", "{not json");
        assertThatThrownBy(() -> assertThat(poison).hasJsonData("{\"id\":3}"))
                .hasMessageStartingWith(String.format("Expecting the data of:%n  " + shown(poison) + "%n"
                        + "to be JSON equal to:%n  {\"id\":3}%nbut it is not JSON: "));
        StreamRecord empty = stream.put("user-4", "");
        assertThatThrownBy(() -> assertThat(empty).hasJsonData("{}"))
                .hasMessageEndingWith("but it is not JSON: the data is empty");
    }

    @Test
    void hasJsonDataRejectsAnExpectedValueThatIsNotJson() {
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(order).hasJsonData("{oops"))
                .withMessageStartingWith("the expected value is not JSON");
    }

    @Test
    void hasPartitionKeyAndSequenceNumber() {
        assertThat(order).hasPartitionKey("user-7").hasSequenceNumber(order.sequenceNumber());
        assertThatThrownBy(() -> assertThat(order).hasPartitionKey("user-8"))
                .hasMessage(String.format("Expecting the record:%n  " + shown(order) + "%n"
                        + "to have partition key:%n  \"user-8\"%nbut had:%n  \"user-7\""));
        assertThatThrownBy(() -> assertThat(order).hasSequenceNumber("1"))
                .hasMessage(String.format("Expecting the record:%n  " + shown(order) + "%n"
                        + "to have sequence number:%n  \"1\"%nbut had:%n  \"" + order.sequenceNumber() + "\""));
    }

    @Test
    void isInShardFollowsTheMd5RoutingOfThePartitionKey() { // rule 0.8: keys route by MD5 hash key
        String shard = stream.shardOf(order).id();
        String other = shard.equals("shardId-000000000000") ? "shardId-000000000001" : "shardId-000000000000";
        assertThat(order).isInShard(shard);
        assertThatThrownBy(() -> assertThat(order).isInShard(other))
                .hasMessage(String.format("Expecting the record:%n  " + shown(order) + "%n"
                        + "to be in shard:%n  \"" + other + "\"%nbut it is in:%n  \"" + shard + "\""));
    }

    private static String shown(StreamRecord r) {
        String seq = r.sequenceNumber();
        return r.shardId() + "/" + seq.substring(0, 4) + "..." + seq.substring(seq.length() - 6) + " pk="
                + r.partitionKey() + " data=" + (r.dataSize() > 40 ? r.dataAsString().substring(0, 37) + "..."
                : r.dataAsString());
    }
}
