package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emcc.ui.app.Screenshots;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The screenshot renderer writes a real PNG of the asked size. */
class ScreenshotTest {
  /**
   * The toolkit started the TestFX way, as the other UI tests start it: started by the renderer
   * instead, TestFX's robot later typed into no window (the keyboard tests after this one failed).
   */
  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void rendersAViewToAPng(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("profile.png");
    Screenshots.render("emccFeatureConfig", out, I18n.JAPANESE, Themes.DARK, 800, 600);
    BufferedImage img = ImageIO.read(out.toFile());
    assertThat(img.getWidth()).isEqualTo(800);
    assertThat(img.getHeight()).isEqualTo(600);
    // dark theme: the top-left corner (menu bar) is dark
    int rgb = img.getRGB(5, 5);
    int brightness = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
    assertThat(brightness).isLessThan(3 * 100);
    Themes.LIGHT.apply();
  }

  @Test
  void unknownViewIsRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> Screenshots.render("nope", dir.resolve("x.png"), I18n.ENGLISH, Themes.LIGHT, 800, 600))
        .hasMessageContaining("unknown view").hasMessageContaining("deviceProfile");
  }
}
