package dev.emcc.certs;

import dev.emcc.model.Cluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Throwaway: export, consolidate and import times for two clusters of five nodes. */
public final class BulkBench {
  public static void main(String[] args) throws Exception {
    Cluster tokyo = TestClusters.cluster("TOKYO", 5);
    Cluster osaka = TestClusters.cluster("OSAKA", 5);
    BulkCertificateJobs jobs = new BulkCertificateJobs(Clock.systemUTC());
    List<Long> exp = new ArrayList<>(), con = new ArrayList<>(), imp = new ArrayList<>(), conn = new ArrayList<>();
    int runs = Integer.parseInt(args.length > 0 ? args[0] : "7");
    for (int i = 0; i < runs; i++) {
      Path temp = Files.createTempDirectory("bench");
      try (SftpFixture sftp = new SftpFixture(temp, false)) {
        long t0 = System.nanoTime();
        try (SftpSession s = sftp.open()) {
          long t1 = System.nanoTime();
          jobs.export(tokyo, CertificateSelection.ALL, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
          jobs.export(osaka, CertificateSelection.ALL, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
          long t2 = System.nanoTime();
          jobs.consolidate(SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
          long t3 = System.nanoTime();
          jobs.importInto(tokyo, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
          jobs.importInto(osaka, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
          long t4 = System.nanoTime();
          conn.add(t1 - t0); exp.add(t2 - t1); con.add(t3 - t2); imp.add(t4 - t3);
        }
      }
    }
    System.out.printf("runs=%d (first run included in the median)%n", runs);
    System.out.printf("connect (login + dir check): median %.1f ms%n", median(conn));
    System.out.printf("export x2 (40 certs each):   median %.1f ms%n", median(exp));
    System.out.printf("consolidate (80 certs):      median %.1f ms%n", median(con));
    System.out.printf("import x2:                   median %.1f ms%n", median(imp));
  }

  private static double median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2) / 1e6;
  }
}
