package dev.emcc.bat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a CSV file, one at a time as Jackson's streaming CSV parser reads them (a preview
 * shows the first rows while the rest is still being read). UTF-8 only, strictly: a byte that is
 * not UTF-8 stops the file with its line. A UTF-8 byte order mark is stripped and said
 * ({@link #bomStripped}); a blank line is a row without cells (BAT refuses those: the caller
 * reports it). Quoting is RFC 4180's, as BAT's: a value with a comma or a quote is quoted, a quote
 * inside doubled.
 */
final class CsvRows implements Closeable {
  /** One row: the line it starts on (a quoted value may span lines) and its cells as written. */
  record Row(long line, List<String> cells) {
    /** A line with nothing on it (the parser may give it as one empty cell). */
    boolean blank() {
      return cells.isEmpty() || cells.size() == 1 && cells.get(0).isEmpty();
    }
  }

  private static final CsvFactory FACTORY = new CsvFactory();
  private final Path file;
  private final CountingStream counted;
  private final CsvParser parser;
  private final boolean bom;
  private final long size;
  private long nextLine = 1;

  private CsvRows(Path file, CountingStream counted, CsvParser parser, boolean bom, long size) {
    this.file = file;
    this.counted = counted;
    this.parser = parser;
    this.bom = bom;
    this.size = size;
  }

  static CsvRows open(Path file) throws IOException, BatFileException {
    long size = Files.size(file);
    CountingStream in = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    boolean bom = skipBom(in);
    InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    return new CsvRows(file, in, FACTORY.createParser(reader), bom, size);
  }

  /** Skips a UTF-8 byte order mark (true when there was one); refuses UTF-16's (Excel's "Unicode Text"). */
  private static boolean skipBom(InputStream in) throws IOException, BatFileException {
    in.mark(3);
    byte[] b = new byte[3];
    int n = in.readNBytes(b, 0, 3);
    if (n == 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return true;
    }
    if (n >= 2 && ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE || (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF)) {
      in.close();
      throw new BatFileException(1, "file.utf16", String.format("%02X %02X", b[0] & 0xff, b[1] & 0xff));
    }
    in.reset();
    return false;
  }

  /** The next row, or null at the end of the file. */
  Row next() throws BatFileException {
    try {
      JsonToken t = parser.nextToken();
      if (t == null) {
        return null;
      }
      if (t != JsonToken.START_ARRAY) {
        throw new BatFileException(nextLine, "file.unreadable", t);
      }
      List<String> cells = new ArrayList<>();
      while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw new BatFileException(nextLine, "file.unclosedQuote");
        }
        cells.add(parser.getText());
      }
      Row row = new Row(nextLine, cells);
      // after a row's end the parser stands at the start of the next line
      nextLine = parser.currentLocation().getLineNr();
      return row;
    } catch (CharacterCodingException e) {
      throw new BatFileException(firstMalformedLine(), "file.notUtf8");
    } catch (JsonProcessingException e) {
      String why = String.valueOf(e.getOriginalMessage());
      throw why.contains("closing quote") ? new BatFileException(nextLine, "file.unclosedQuote")
          : new BatFileException(nextLine, "file.malformed", why);
    } catch (IOException e) {
      throw new BatFileException(nextLine, "file.io", String.valueOf(e.getMessage()));
    }
  }

  /**
   * The line of the first byte that is not UTF-8 (the parser's decoder reads ahead, so its own
   * line is earlier): the file decoded again, only when it has failed.
   */
  private long firstMalformedLine() {
    try {
      byte[] bytes = Files.readAllBytes(file);
      java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
      java.nio.CharBuffer out = java.nio.CharBuffer.allocate(1 << 16);
      java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
      while (true) {
        java.nio.charset.CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
          break;
        }
        out.clear();
        if (r.isUnderflow()) {
          return nextLine;
        }
      }
      long line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      return line;
    } catch (IOException e) {
      return nextLine;
    }
  }

  boolean bomStripped() {
    return bom;
  }

  /** Bytes read so far (the parser reads ahead a buffer), for progress. */
  long bytesRead() {
    return counted.count;
  }

  long size() {
    return size;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  private static final class CountingStream extends FilterInputStream {
    long count;
    private long mark;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public synchronized void mark(int readlimit) {
      super.mark(readlimit);
      mark = count;
    }

    @Override
    public synchronized void reset() throws IOException {
      super.reset();
      count = mark;
    }
  }
}
