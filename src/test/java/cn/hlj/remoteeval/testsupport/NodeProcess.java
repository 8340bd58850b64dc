package cn.hlj.remoteeval.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import cn.hlj.remoteeval.RemoteEvalApplication;

/**
 * This application started as a separate operating-system process on the test's classpath, so that
 * a test can kill it the way a node dies: {@code SIGKILL}, no shutdown hook, no transaction ended,
 * no lock released by anything but the database noticing the connection is gone.
 */
public final class NodeProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private NodeProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts a node with the arguments ({@code --name=value}) and waits until it answers its health check. */
    public static NodeProcess start(int port, List<String> arguments, Path log, Duration startTimeout) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx768m");
        command.add("-XX:TieredStopAtLevel=1");
        // The same configuration location the test JVM was given (the test profile lies on the test classpath).
        String configLocation = System.getProperty("spring.config.location");
        if (configLocation != null) {
            command.add("-Dspring.config.location=" + configLocation);
        }
        command.add("-cp");
        // An empty entry would put the working directory (with bpmn/ at the top) on the classpath a second time.
        command.add(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator)));
        command.add(RemoteEvalApplication.class.getName());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            NodeProcess node = new NodeProcess(process, log, port);
            node.awaitHealthy(startTimeout);
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("could not start a node", e);
        }
    }

    /** Kills the node with {@code SIGKILL} and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant limit = Instant.now().plus(timeout);
        while (Instant.now().isBefore(limit)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node exited at start (" + process.exitValue() + "):\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(500);
        }
        kill();
        throw new IllegalStateException("the node did not answer its health check within " + timeout + ":\n" + tail());
    }

    /** The last lines of the node's log, for a failure message. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
