package dev.emcc.app;

import dev.emcc.catalog.ErrorCatalog;
import dev.emcc.catalog.ErrorEntry;
import dev.emcc.catalog.ErrorSource;
import dev.emcc.certs.Fingerprints;
import dev.emcc.node.EmApiExchange;
import dev.emcc.node.EmXml;
import dev.emcc.node.Messages;
import dev.emcc.sync.NodeRef;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code emcc emapi}: Cisco's Extension Mobility API against a node, for trainers who show the exchange. */
@Command(name = "emapi", mixinStandardHelpOptions = true,
    description = "Cisco's Extension Mobility API (EM API) against a cluster node.",
    subcommands = EmApiCommand.Send.class)
public final class EmApiCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code emcc emapi send FILE.xml --node URL}: posts one EM API document as CUCM's clients do
   * and prints the whole exchange, then what the answer means (the error catalog's words for a
   * failure code). Exit 0 on {@code <success/>} or query results, 1 on an EM API failure, 3 when
   * the node cannot be reached or trusted.
   */
  @Command(name = "send", mixinStandardHelpOptions = true,
      description = {"Send an EM API request or query (FILE.xml, as Cisco documents them) to a node's "
          + "/emservice/EMServiceServlet and print the raw exchange.",
          "Exit codes: 0 success, 1 the EM API answered a failure, 2 usage error, 3 node unreachable or untrusted."})
  static final class Send implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.xml", description = "The XML document: <request> or <query> with <appInfo>.")
    Path file;

    @Option(names = "--node", required = true, paramLabel = "URL",
        description = "The node: https://HOST:PORT (its HTTPS port) or http://HOST:PORT (serve-node --http-port).")
    String node;

    @Option(names = "--fingerprint", paramLabel = "SHA256",
        description = "The node certificate's SHA-256 fingerprint (default: the node registered at that URL).")
    String fingerprint;

    @Option(names = "--raw", description = "Send the XML as the body (text/xml) instead of the form field xml.")
    boolean raw;

    @Mixin
    NodesFileOption nodesFile;

    @Override
    public Integer call() throws IOException, InterruptedException {
      String xml = read(file);
      URI endpoint;
      try {
        endpoint = EmApiExchange.endpoint(node);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(Messages.format("emapi.badUrl", node));
      }
      String pin = endpoint.getScheme().equals("https") ? fingerprint(endpoint) : null;
      PrintWriter out = spec.commandLine().getOut();
      EmApiExchange.Result r;
      try {
        r = EmApiExchange.send(endpoint, pin, xml, raw);
      } catch (IOException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("emcc emapi send: " + Messages.format("emapi.unreachable", endpoint, String.valueOf(e.getMessage())));
        err.flush();
        return ExitCodes.IO;
      }
      EmApiExchange.transcript(r).forEach(out::println);
      out.println();
      int exit = ExitCodes.OK;
      try {
        EmXml.Answer a = EmXml.readAnswer(r.responseBody());
        if (a.success()) {
          out.println(Messages.get("emapi.success"));
        } else {
          exit = ExitCodes.FINDINGS;
          Optional<ErrorEntry> entry = ErrorCatalog.standard().get(ErrorSource.EM_API, a.code())
              .or(() -> ErrorCatalog.standard().get(ErrorSource.EM_SERVICE, a.code()));
          out.println(Messages.format("emapi.failure", a.code(), a.text()));
          entry.ifPresent(e -> out.println(e.shortDescription(Locale.getDefault()) + ": " + e.cause(Locale.getDefault())));
        }
      } catch (IOException e) {
        exit = ExitCodes.FINDINGS;
        out.println(Messages.format("emapi.notXml", r.status()));
      }
      out.flush();
      return exit;
    }

    private String fingerprint(URI endpoint) throws IOException {
      if (fingerprint != null) {
        try {
          return Fingerprints.normalize(fingerprint);
        } catch (IllegalArgumentException e) {
          throw new BadInputException(e.getMessage());
        }
      }
      String base = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
      return nodesFile.load().nodes().stream().filter(n -> n.url().equalsIgnoreCase(base)).findFirst()
          .map(NodeRef::fingerprint)
          .orElseThrow(() -> new BadInputException(Messages.format("emapi.noFingerprint", base)));
    }

    private static String read(Path file) throws IOException {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        throw new BadInputException(Messages.format("emapi.noFile", file));
      }
      try {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes)).toString().strip();
      } catch (CharacterCodingException e) {
        throw new BadInputException(Messages.format("emapi.notUtf8", file));
      }
    }
  }
}
