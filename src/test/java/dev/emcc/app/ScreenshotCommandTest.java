package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** emcc screenshot: a PNG of the asked size, clear errors for bad arguments. */
class ScreenshotCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.execute(out, err, args);
  }

  @Test
  void writesThePng(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("cluster.png");
    assertThat(run("screenshot", "cluster", "--out", png.toString(), "--lang", "ja", "--size", "640x480")).isZero();
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(640);
    assertThat(img.getHeight()).isEqualTo(480);
  }

  @Test
  void badArgumentsAreExitTwoWithOneLine(@TempDir Path dir) {
    String png = dir.resolve("x.png").toString();
    assertThat(run("screenshot", "nope", "--out", png)).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).startsWith("emcc screenshot: error: unknown view \"nope\"");
    assertThat(run("screenshot", "phone", "--out", png, "--size", "big")).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run("screenshot", "phone", "--out", png, "--lang", "fr")).isEqualTo(ExitCodes.BAD_INPUT);
  }

  @Test
  void helpListsTheViews() {
    assertThat(run("screenshot", "--help")).isZero();
    assertThat(out.toString()).contains("deviceProfile", "emccFeatureConfig", "phoneFeatureList", "clusterPicture");
  }
}
