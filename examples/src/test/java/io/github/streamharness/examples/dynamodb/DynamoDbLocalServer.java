package io.github.streamharness.examples.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local embedded in the test JVM: a real DynamoDB (conditional writes, ADD, transactions) in memory, with
 * no Docker and no network beyond the loopback interface. Close it to stop the server.
 *
 * <pre>{@code
 * try (DynamoDbLocalServer dynamoDb = DynamoDbLocalServer.start()) {
 *     dynamoDb.client().createTable(...);
 * }
 * }</pre>
 *
 * <p>DynamoDB Local stores tables in SQLite through sqlite4java, whose native library the build copies to
 * {@code target/native-libs} and names in the {@code sqlite4java.library.path} system property (see
 * examples/pom.xml). The server runs with {@code -inMemory} (nothing on disk), {@code -sharedDb} (one database
 * whatever the client's region and credentials) and {@code -disableTelemetry} (no calls home).
 */
public final class DynamoDbLocalServer implements AutoCloseable {
    private static final int START_ATTEMPTS = 5;

    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final DynamoDbClient client;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.client = newClient();
    }

    /**
     * Starts a server on a free port and a client pointed at it.
     *
     * @throws IllegalStateException if the server does not start, e.g. because the native SQLite library is missing
     */
    public static DynamoDbLocalServer start() {
        Exception last = null;
        // the free port is found before the server binds it, so another process may take it first: try again
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = freeLoopbackPort();
            DynamoDBProxyServer server = null;
            try {
                server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                    "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
                server.start();
                return new DynamoDbLocalServer(server, port);
            } catch (Exception e) {
                last = e;
                stopQuietly(server, e);
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start (sqlite4java.library.path="
                + System.getProperty("sqlite4java.library.path") + ")", last);
    }

    /** The client the tests (and the handler under test) use: dummy credentials, us-east-1, this server. */
    public DynamoDbClient client() {
        return client;
    }

    /** The server's endpoint, {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return endpoint;
    }

    /** A new client for this server, for a test that wants its own (the caller closes it). */
    public DynamoDbClient newClient() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * Closes the client and stops the server; the in-memory tables are gone.
     *
     * @throws IllegalStateException if the server fails to stop
     */
    @Override
    public void close() {
        try {
            client.close();
        } finally {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not stop", e);
            }
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void stopQuietly(DynamoDBProxyServer server, Exception cause) {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
