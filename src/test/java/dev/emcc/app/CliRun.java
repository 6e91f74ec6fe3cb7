package dev.emcc.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The emcc command line as the tests run it: {@link Main#commandLine()} with stdout and stderr captured. */
record CliRun(int code, String out, String err) {
  /** One run with output of its own. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = execute(out, err, args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** One run whose output is appended to {@code out} and {@code err} (a test reading several runs). */
  static int execute(StringWriter out, StringWriter err, String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
