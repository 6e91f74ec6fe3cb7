package dev.emcc.app;

import dev.emcc.certs.CertificateInputException;
import dev.emcc.certs.CertificateTransferException;
import dev.emcc.edit.EditRefusedException;
import dev.emcc.format.DocumentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/** Maps the core's exceptions to exit codes and one clear line on stderr. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
    if (e instanceof DocumentException d) {
      // In the desktop's language, as picocli's help texts are.
      return fail(cmd, ExitCodes.BAD_INPUT, d.message(java.util.Locale.getDefault()));
    }
    if (e instanceof EditRefusedException r) {
      return fail(cmd, ExitCodes.BAD_INPUT, r.text(java.util.Locale.getDefault()));
    }
    if (e instanceof BadInputException b) {
      return fail(cmd, ExitCodes.BAD_INPUT, b.getMessage());
    }
    if (e instanceof CertificateTransferException t) {
      // a wrong PKCS12 password or a file without a certificate is the user's input; the rest is
      // the remote side. In the desktop's language, as picocli's help texts are.
      boolean input = t.reason() == CertificateTransferException.Reason.WRONG_PKCS12_PASSWORD
          || t.reason() == CertificateTransferException.Reason.NO_CERTIFICATES;
      return fail(cmd, input ? ExitCodes.BAD_INPUT : ExitCodes.IO, t.text(java.util.Locale.getDefault()));
    }
    if (e instanceof CertificateInputException c) {
      return fail(cmd, ExitCodes.BAD_INPUT, c.getMessage());
    }
    if (e instanceof dev.emcc.ui.app.ConsoleLauncher.NoDisplayException d) {
      return fail(cmd, ExitCodes.IO, d.getMessage());
    }
    if (e instanceof NoSuchFileException n) {
      return fail(cmd, ExitCodes.BAD_INPUT, "no such file: " + n.getFile());
    }
    if (e instanceof IOException io) {
      return fail(cmd, ExitCodes.IO, io.getMessage() == null ? io.toString() : io.getMessage());
    }
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    return fail(cmd, ExitCodes.IO, "unexpected failure: " + msg);
  }

  static int usage(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    // "emcc valdate demo.json": a mistyped command read as the console's FILE, then one too many
    if (cmd.getParent() == null && args.length > 0 && !args[0].startsWith("-") && !ConsoleArgs.looksLikeFile(args[0])
        && !cmd.getSubcommands().containsKey(args[0])) {
      return fail(cmd, ExitCodes.BAD_INPUT, UnknownCommand.message(cmd, args[0]));
    }
    String name = cmd.getParent() == null ? "emcc" : "emcc " + cmd.getCommandName();
    return fail(cmd, ExitCodes.BAD_INPUT, ex.getMessage() + " (see: " + name + " --help)");
  }

  private static int fail(CommandLine cmd, int code, String message) {
    String name = cmd.getCommandName();
    cmd.getErr().println("emcc" + ("emcc".equals(name) ? "" : " " + name) + ": error: " + message);
    cmd.getErr().flush();
    return code;
  }
}
