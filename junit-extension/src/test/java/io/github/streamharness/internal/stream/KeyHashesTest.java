package io.github.streamharness.internal.stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream's table of partition key hashes (rule 0.8 routes and assigns lanes by them): every key gets its own MD5
 * hash key, a repeated key the same {@link KeyHash} while it is held, through growth, collisions and the reset that
 * bounds a producer of unique keys.
 */
class KeyHashesTest {
    @Test
    void eachKeyGetsItsOwnHashAndARepeatedKeyTheSameOneAsTheTableGrows() { // rule 0.8
        KeyHashes table = new KeyHashes();
        KeyHash[] first = new KeyHash[5_000];
        for (int i = 0; i < first.length; i++) {
            first[i] = table.of("device-" + i);
        }
        for (int i = 0; i < first.length; i++) {
            String key = new String("device-" + i); // an equal key, not the same object
            assertThat(table.of(key)).isSameAs(first[i]);
            assertThat(first[i].hashKey()).isEqualTo(HashKeys.ofPartitionKey(key));
        }
    }

    @Test
    void keysWithTheSameStringHashAreTold() {
        KeyHashes table = new KeyHashes();
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        KeyHash aa = table.of("Aa");
        KeyHash bb = table.of("BB");
        assertThat(aa).isNotSameAs(bb);
        assertThat(table.of("BB")).isSameAs(bb);
        assertThat(table.of("Aa")).isSameAs(aa);
        assertThat(bb.hashKey()).isEqualTo(HashKeys.ofPartitionKey("BB"));
    }

    @Test
    void aProducerOfUniqueKeysStartsTheTableOverAndStillGetsEveryHashRight() {
        KeyHashes table = new KeyHashes();
        KeyHash early = table.of("key-0");
        for (int i = 1; i <= 70_000; i++) { // past the 65,536 keys held
            KeyHash k = table.of("key-" + i);
            if (i % 9_999 == 0) {
                assertThat(k.hashKey()).isEqualTo(HashKeys.ofPartitionKey("key-" + i));
            }
        }
        KeyHash again = table.of("key-0");
        assertThat(again).isNotSameAs(early); // forgotten at the reset, worked out again
        assertThat(again.hashKey()).isEqualTo(early.hashKey());
        assertThat(table.of("key-70000")).isSameAs(table.of("key-70000"));
    }

    @Test
    void keysThatShareASlotOfTheRecentKeysInFrontOfTheMapEachKeepTheirOwnHash() { // rule 0.8
        KeyHashes table = new KeyHashes();
        String one = "device-1";
        String other = null; // a key whose String hash lands in the same slot of the 4,096 recent keys
        for (int i = 2; other == null; i++) {
            String candidate = "device-" + i;
            if ((candidate.hashCode() & 4_095) == (one.hashCode() & 4_095)) {
                other = candidate;
            }
        }
        KeyHash a = table.of(one);
        KeyHash b = table.of(other);
        for (int round = 0; round < 3; round++) { // each evicts the other from the slot, the map still knows both
            assertThat(table.of(one)).isSameAs(a);
            assertThat(table.of(other)).isSameAs(b);
            assertThat(table.of(new String(one))).isSameAs(a); // equal text, another String: found in the map
        }
        assertThat(a.hashKey()).isEqualTo(HashKeys.ofPartitionKey(one));
        assertThat(b.hashKey()).isEqualTo(HashKeys.ofPartitionKey(other));
    }
}
