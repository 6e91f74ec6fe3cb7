package dev.emcc.app;

import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.ui.app.Screenshots;
import dev.emcc.ui.kit.Themes;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code emcc screenshot VIEW --out FILE.png}: renders a console view with the demo workspace, headless. */
@Command(
    name = "screenshot",
    mixinStandardHelpOptions = true,
    description = "Render a console view with the demo workspace (or --workspace) to a PNG, without a screen.")
final class ScreenshotCommand implements Callable<Integer> {

  /** The view ids, for --help. */
  static final class ViewIds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Screenshots.views().iterator();
    }
  }

  @Parameters(index = "0", paramLabel = "VIEW", completionCandidates = ViewIds.class,
      description = "The view: ${COMPLETION-CANDIDATES}")
  String view;

  @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write the PNG.")
  Path out;

  @Option(names = "--lang", defaultValue = "en", paramLabel = "en|ja", description = "Language (default: en).")
  String lang;

  @Option(names = "--theme", defaultValue = "light", paramLabel = "light|dark", description = "Theme (default: light).")
  String theme;

  @Option(names = "--workspace", paramLabel = "FILE", description = "A workspace file to show instead of the demo.")
  Path workspace;

  @Option(names = "--size", defaultValue = "1280x800", paramLabel = "WxH", description = "Size in pixels (default: 1280x800).")
  String size;

  @Override
  public Integer call() throws Exception {
    if (!Screenshots.views().contains(view)) {
      throw new BadInputException("unknown view \"" + view + "\": one of " + String.join(", ", Screenshots.views()));
    }
    if (!lang.equals("en") && !lang.equals("ja")) {
      throw new BadInputException("--lang must be en or ja, not \"" + lang + "\"");
    }
    if (!theme.equalsIgnoreCase("light") && !theme.equalsIgnoreCase("dark")) {
      throw new BadInputException("--theme must be light or dark, not \"" + theme + "\"");
    }
    String[] wh = size.toLowerCase(Locale.ROOT).split("x");
    int w;
    int h;
    try {
      w = Integer.parseInt(wh[0]);
      h = Integer.parseInt(wh[1]);
    } catch (RuntimeException e) {
      throw new BadInputException("--size must be WIDTHxHEIGHT such as 1280x800, not \"" + size + "\"");
    }
    if (wh.length != 2 || w < 200 || h < 150 || w > 7680 || h > 4320) {
      throw new BadInputException("--size must be between 200x150 and 7680x4320, not \"" + size + "\"");
    }
    Workspace ws = workspace == null ? null : WorkspaceFormat.read(workspace);
    Screenshots.render(view, ws, out, Locale.forLanguageTag(lang), Themes.parse(theme), w, h);
    return ExitCodes.OK;
  }
}
