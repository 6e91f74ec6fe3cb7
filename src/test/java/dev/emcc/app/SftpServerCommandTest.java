package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.certs.HostKeyPolicy;
import dev.emcc.certs.SftpCredentials;
import dev.emcc.certs.SftpSession;
import dev.emcc.certs.SftpTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SftpServerCommandTest {
  @TempDir Path temp;

  private record Started(int port, String password, String fingerprint) {}

  private Started startAndRead(SftpServerCommand cmd, StringWriter out, CompletableFuture<Integer> exit)
      throws Exception {
    CommandLine cli = new CommandLine(cmd);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    CompletableFuture.runAsync(() -> exit.complete(cli.execute("--dir", temp.toString(), "--port", "0")));
    assertThat(cmd.started.await(60, TimeUnit.SECONDS)).isTrue();
    String text = out.toString();
    Matcher url = Pattern.compile("url: +sftp://emcc@127\\.0\\.0\\.1:(\\d+)/").matcher(text);
    Matcher pw = Pattern.compile("password: (\\S+)").matcher(text);
    Matcher fp = Pattern.compile("host key: (SHA256:\\S+)").matcher(text);
    assertThat(url.find() && pw.find() && fp.find()).as(text).isTrue();
    return new Started(Integer.parseInt(url.group(1)), pw.group(1), fp.group(1));
  }

  @Test
  void printsWhatTheTraineesNeedAndKeepsTheHostKeyAcrossRestarts() throws Exception {
    Files.writeString(temp.resolve("hello.txt"), "hi");
    SftpServerCommand first = new SftpServerCommand();
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Started s = startAndRead(first, new StringWriter(), exit);
    try (SftpSession session = SftpSession.open(new SftpTarget("emcc", "127.0.0.1", s.port(), "/"),
        SftpCredentials.password(s.password().toCharArray()),
        new HostKeyPolicy(temp.resolve("kh-client"), s.fingerprint()), Duration.ofSeconds(20))) {
      assertThat(new String(session.read("hello.txt"))).isEqualTo("hi");
    }
    first.stop.countDown();
    assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();

    SftpServerCommand second = new SftpServerCommand();
    CompletableFuture<Integer> exit2 = new CompletableFuture<>();
    Started again = startAndRead(second, new StringWriter(), exit2);
    assertThat(again.fingerprint()).isEqualTo(s.fingerprint());
    assertThat(again.password()).isNotEqualTo(s.password());
    second.stop.countDown();
    assertThat(exit2.get(60, TimeUnit.SECONDS)).isZero();
  }
}
