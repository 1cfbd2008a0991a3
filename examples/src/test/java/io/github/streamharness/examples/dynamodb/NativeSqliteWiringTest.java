package io.github.streamharness.examples.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Proves the build's wiring (examples/pom.xml): DynamoDB Local runs on the sqlite4java native library that
 * maven-dependency-plugin copied from its Maven artifact, not on a copy it extracted from its own jar.
 */
class NativeSqliteWiringTest {

    @Test
    @EnabledOnOs(OS.LINUX) // /proc/self/maps lists the shared libraries the JVM has loaded
    void dynamoDbLocalLoadsTheSqliteLibraryCopiedByTheBuild() throws Exception {
        String dir = System.getProperty("org.sqlite.lib.path");
        String name = System.getProperty("org.sqlite.lib.name");
        assumeTrue(dir != null && name != null, "no sqlite4java profile for this platform in examples/pom.xml");
        Path copied = Path.of(dir, name).toAbsolutePath();
        assertThat(copied).isRegularFile();

        try (DynamoDbLocalServer dynamoDb = DynamoDbLocalServer.start()) {
            dynamoDb.client().listTables(); // the first request opens the SQLite database

            assertThat(Files.readAllLines(Path.of("/proc/self/maps")))
                    .filteredOn(line -> line.contains("sqlite4java"))
                    .isNotEmpty()
                    .allMatch(line -> line.endsWith(copied.toString()));
        }
    }
}
