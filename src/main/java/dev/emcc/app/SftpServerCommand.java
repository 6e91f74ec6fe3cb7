package dev.emcc.app;

import dev.emcc.certs.TrainerSftpServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emcc sftp-server}: the trainer's SFTP server for the bulk certificate exercise. */
@Command(name = "sftp-server", mixinStandardHelpOptions = true,
    description = "Run an SFTP server rooted at DIR for the bulk certificate exercise. Prints the user, a "
        + "password generated for this run and the host key fingerprint (stable: the key is kept in DIR). "
        + "Runs until interrupted (Ctrl+C).")
public final class SftpServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Directory served as the SFTP root.")
  Path dir;

  @Option(names = "--port", defaultValue = "2222", description = "Port (default ${DEFAULT-VALUE}; 0 for any free port).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for the classroom network).")
  String bind;

  @Option(names = "--user", defaultValue = "emcc", description = "User name (default ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--read-only", description = "Refuse every change (for a demonstration of 'no permission').")
  boolean readOnly;

  @Option(names = "--authorized-keys", paramLabel = "FILE",
      description = "OpenSSH authorized_keys file: also let the user log in with these keys.")
  Path authorizedKeys;

  final CountDownLatch started = new CountDownLatch(1);
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException("not a directory: " + dir);
    }
    if (port < 0 || port > 65535) {
      throw new BadInputException("--port out of range 0-65535: " + port);
    }
    try (TrainerSftpServer server = TrainerSftpServer.start(
        new TrainerSftpServer.Config(dir, bind, port, user, null, readOnly, authorizedKeys))) {
      Thread hook = new Thread(stop::countDown, "sftp-server-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      PrintWriter out = spec.commandLine().getOut();
      out.println("SFTP server for the bulk certificate exchange" + (readOnly ? " (read-only)" : ""));
      out.println("  url:      sftp://" + server.user() + "@" + bind + ":" + server.port() + "/");
      out.println("  user:     " + server.user());
      out.println("  password: " + new String(server.password()));
      out.println("  host key: " + server.hostKeyFingerprint());
      out.println("  root:     " + dir.toAbsolutePath().normalize());
      out.println("Press Ctrl+C to stop.");
      out.flush();
      started.countDown();
      stop.await();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is what stopped us
      }
    }
    return ExitCodes.OK;
  }
}
