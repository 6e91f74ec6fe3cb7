package dev.emcc.app;

import dev.emcc.format.DocumentException;
import dev.emcc.node.LiveNetwork;
import dev.emcc.sim.LoginStorm;
import dev.emcc.sim.Messages;
import dev.emcc.sim.ResultText;
import dev.emcc.sim.Scenario;
import dev.emcc.sim.ScenarioCatalog;
import dev.emcc.sim.ScenarioFormat;
import dev.emcc.sim.SimulationResult;
import dev.emcc.sim.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code emcc simulate}: walks an EMCC login through the visiting and home clusters of a scenario
 * and prints the trace. Exit 0 on a successful login, 1 on a failed one, 2 on a bad scenario.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
        "Simulate an EMCC login: phone -> visiting EMApp -> visiting EMService -> home EMService -> registration.",
        "Exit status: 0 login succeeded, 1 login failed, 2 bad scenario or usage."})
public final class SimulateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "SCENARIO.json", description = "A scenario document.")
  Path file;

  @Option(names = "--json", description = "Print the result document (JSON) instead of the trace.")
  boolean json;

  @Option(names = "--list", description = "List the teaching scenarios shipped with the console.")
  boolean list;

  @Option(names = "--scenario", paramLabel = "NAME", description = "Run a teaching scenario by name.")
  String scenario;

  @Option(names = "--export-scenario", paramLabel = "NAME",
      description = "Print a teaching scenario's document (JSON), to edit and run as SCENARIO.json; with --out, write it to a file.")
  String exportScenario;

  @Option(names = "--out", paramLabel = "FILE", description = "With --export-scenario: the file to write.")
  Path outFile;

  @Option(names = "--force", description = "With --out: overwrite FILE if it exists.")
  boolean force;

  @Option(names = "--storm", paramLabel = "N", description = "Log N users in across phones (in process) and report logins/s and latency.")
  Integer storm;

  @Option(names = "--users", paramLabel = "U", defaultValue = "1000", description = "Users of the storm (default ${DEFAULT-VALUE}).")
  int users;

  @Option(names = "--phones", paramLabel = "P", defaultValue = "1000", description = "Phones of the storm (default ${DEFAULT-VALUE}).")
  int phones;

  @Option(names = "--live", description = "Start the clusters as HTTPS nodes on 127.0.0.1 (real certificates, real TLS) and send the calls between clusters over the wire.")
  boolean live;

  @Option(names = "--lang", paramLabel = "en|ja", defaultValue = "en", description = "Language of the trace (default ${DEFAULT-VALUE}).")
  String lang;

  /** The teaching scenario's bytes as shipped, to stdout or --out FILE (never over a file without --force). */
  private int export() throws IOException {
    byte[] bytes = ScenarioCatalog.bytes(exportScenario).orElseThrow(() -> new BadInputException(
        "no teaching scenario named " + exportScenario + " (see: emcc simulate --list)"));
    if (outFile == null) {
      spec.commandLine().getOut().print(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
    WorkspaceFiles.refuseOverwrite(outFile, force);
    Path dir = outFile.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Files.write(outFile, bytes);
    spec.commandLine().getOut().println("Wrote the scenario " + exportScenario + " to " + outFile
        + " (run it: emcc simulate " + outFile + ")");
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  @Override
  public Integer call() throws DocumentException, IOException {
    int modes = (file != null ? 1 : 0) + (list ? 1 : 0) + (scenario != null ? 1 : 0) + (storm != null ? 1 : 0)
        + (exportScenario != null ? 1 : 0);
    if (modes != 1) {
      throw new BadInputException(
          "give exactly one of SCENARIO.json, --list, --scenario NAME, --export-scenario NAME, --storm N");
    }
    if (outFile != null && exportScenario == null) {
      throw new BadInputException("--out goes with --export-scenario NAME");
    }
    if (exportScenario != null) {
      return export();
    }
    if (!lang.equals("en") && !lang.equals("ja")) {
      throw new BadInputException("--lang must be en or ja, not " + lang);
    }
    boolean ja = lang.equals("ja");
    PrintWriter out = spec.commandLine().getOut();
    if (live && list) {
      throw new BadInputException("--live goes with SCENARIO.json, --scenario NAME or --storm N, not --list");
    }
    if (list) {
      out.println(Messages.get(ja, "text.listHeader"));
      for (String name : ScenarioCatalog.names()) {
        Scenario s = ScenarioCatalog.scenario(name).orElseThrow();
        out.printf("  %-32s %s%n", name, s.name());
      }
      out.flush();
      return ExitCodes.OK;
    }
    if (storm != null) {
      LoginStorm.Report r;
      try {
        if (live) {
          try (LiveNetwork network = new LiveNetwork()) {
            r = LoginStorm.run(storm, users, phones, network::open);
          }
        } else {
          r = LoginStorm.run(storm, users, phones);
        }
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
      out.print(json ? ScenarioFormat.toJson(r) + "\n" : ResultText.render(r, ja));
      out.flush();
      return r.failures() == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
    byte[] bytes;
    String source;
    if (scenario != null) {
      bytes = ScenarioCatalog.bytes(scenario).orElseThrow(() -> new BadInputException(
          "no teaching scenario named " + scenario + " (see: emcc simulate --list)"));
      source = scenario + ".json";
    } else {
      bytes = Files.readAllBytes(file);
      source = file.toString();
    }
    Scenario s = ScenarioFormat.read(bytes, source);
    SimulationResult r;
    if (live) {
      try (LiveNetwork network = new LiveNetwork()) {
        r = Simulator.run(s, bytes, source, network::open);
      }
    } else {
      r = Simulator.run(s, bytes, source);
    }
    out.print(json ? ScenarioFormat.toJson(r) + "\n" : ResultText.render(s.name(), r, ja));
    out.flush();
    return r.isSuccess() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
