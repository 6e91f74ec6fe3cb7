package dev.emcc.app;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emcc demo --out FILE}: writes the Tokyo/Osaka demo workspace. */
@Command(name = "demo", mixinStandardHelpOptions = true, resourceBundle = WorkspaceFiles.BUNDLE,
    description = "Writes the demo workspace (Tokyo and Osaka, EMCC fully configured) to a file.")
public final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The workspace file to write.")
  Path out;

  @Option(names = "--force", description = "Overwrite FILE if it exists.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    WorkspaceFiles.refuseOverwrite(out, force);
    Workspace ws = DemoWorkspace.create();
    long bytes = WorkspaceFiles.write(ws, out);
    WorkspaceFiles.summary(spec, ws, out, bytes, -1);
    return ExitCodes.OK;
  }
}
