package dev.emcc.app;

import dev.emcc.demo.WorkspaceGenerator;
import dev.emcc.model.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emcc generate ...}: writes a large, valid, generated workspace (load tests, benchmarks). */
@Command(name = "generate", mixinStandardHelpOptions = true, resourceBundle = WorkspaceFiles.BUNDLE,
    description = "Generates a large, valid workspace and writes it to a file.")
public final class GenerateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--phones", paramLabel = "N", defaultValue = "1000", description = "Total phones.")
  int phones;

  @Option(names = "--profiles", paramLabel = "N", defaultValue = "1000", description = "Total device profiles.")
  int profiles;

  @Option(names = "--users", paramLabel = "N", defaultValue = "500", description = "Total end users.")
  int users;

  @Option(names = "--emcc-devices", paramLabel = "N", defaultValue = "100", description = "Total EMCC devices.")
  int emccDevices;

  @Option(names = "--clusters", paramLabel = "K", defaultValue = "2", description = "Number of clusters.")
  int clusters;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed.")
  long seed;

  @Mixin
  OutFileOptions outFile = new OutFileOptions();

  @Override
  public Integer call() throws IOException {
    Path out = outFile.writable();
    long start = System.nanoTime();
    Workspace ws;
    try {
      ws = WorkspaceGenerator.generate(phones, profiles, users, emccDevices, clusters, seed);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    long bytes = WorkspaceFiles.write(ws, out);
    WorkspaceFiles.summary(spec, ws, out, bytes, (System.nanoTime() - start) / 1_000_000);
    return ExitCodes.OK;
  }
}
