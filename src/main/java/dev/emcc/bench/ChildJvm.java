package dev.emcc.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on this JVM's class path (measurements that must start cold, or that need JavaFX,
 * which the benchmark's own JVM never loads). It reports with lines "EMCC-PROBE event value".
 */
final class ChildJvm implements AutoCloseable {
  static final String PROBE = "EMCC-PROBE ";
  private final Process process;
  private final BlockingQueue<String> probes = new LinkedBlockingQueue<>();
  private final List<String> output = new ArrayList<>();
  private final long startedMillis;

  private ChildJvm(Process process, long startedMillis) {
    this.process = process;
    this.startedMillis = startedMillis;
    Thread reader = new Thread(this::read, "child-jvm-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code mainClass} with the JVM options, then its arguments. */
  static ChildJvm start(List<String> jvmOptions, String mainClass, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    long t0 = System.currentTimeMillis();
    return new ChildJvm(pb.start(), t0);
  }

  /** Wall-clock time (epoch ms) just before the process was started. */
  long startedMillis() {
    return startedMillis;
  }

  long pid() {
    return process.pid();
  }

  /** Waits for the probe line of {@code event} and returns its value. */
  String await(String event, long timeoutSeconds) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left <= 0 ? null : probes.poll(left, TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new IOException("the child JVM did not report '" + event + "' within " + timeoutSeconds
            + " s (alive: " + process.isAlive() + "); its output:\n" + tail());
      }
      if (line.startsWith(event + " ")) {
        return line.substring(event.length() + 1).trim();
      }
    }
  }

  /** All probe values of {@code event} until the child exits. */
  List<String> all(String event, long timeoutSeconds) throws IOException, InterruptedException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      throw new IOException("the child JVM did not finish within " + timeoutSeconds + " s; its output:\n" + tail());
    }
    Thread.sleep(50); // let the reader drain the pipe
    List<String> out = new ArrayList<>();
    for (String line : probes) {
      if (line.startsWith(event + " ")) {
        out.add(line.substring(event.length() + 1).trim());
      }
    }
    if (process.exitValue() != 0) {
      throw new IOException("the child JVM exited with " + process.exitValue() + "; its output:\n" + tail());
    }
    return out;
  }

  /** Resident set size of the child, from /proc/PID/status (VmRSS), in MB. */
  double rssMegabytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        String kb = line.substring(6).trim().split("\\s+")[0];
        return Long.parseLong(kb) / 1024.0;
      }
    }
    throw new IOException("no VmRSS in /proc/" + pid() + "/status");
  }

  int waitFor(long timeoutSeconds) throws InterruptedException, IOException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      throw new IOException("the child JVM did not exit within " + timeoutSeconds + " s; its output:\n" + tail());
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private void read() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        synchronized (output) {
          output.add(line);
        }
        if (line.startsWith(PROBE)) {
          probes.add(line.substring(PROBE.length()));
        }
      }
    } catch (IOException e) {
      // the process ended; what was read is kept
    }
  }

  private String tail() {
    synchronized (output) {
      return String.join("\n", output.subList(Math.max(0, output.size() - 20), output.size()));
    }
  }
}
