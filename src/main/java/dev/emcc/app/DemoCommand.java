package dev.emcc.app;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emcc demo --out FILE}: writes the Tokyo/Osaka demo workspace. */
@Command(name = "demo", mixinStandardHelpOptions = true, resourceBundle = WorkspaceFiles.BUNDLE,
    description = "Writes the demo workspace (Tokyo and Osaka, EMCC fully configured) to a file.")
public final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  OutFileOptions outFile = new OutFileOptions();

  @Override
  public Integer call() throws IOException {
    Path out = outFile.writable();
    Workspace ws = DemoWorkspace.create();
    long bytes = WorkspaceFiles.write(ws, out);
    WorkspaceFiles.summary(spec, ws, out, bytes, -1);
    return ExitCodes.OK;
  }
}
