package dev.emcc.bat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PINs a user hands an export to write (the console keeps only PIN hashes, so it cannot write
 * a PIN it was not given): a CSV file of rows {@code User ID,PIN}, an optional header row first.
 */
public final class PinFile {
  private PinFile() {}

  /** User id to PIN. A row without both, or a PIN that is not digits, is an error with its line. */
  public static Map<String, String> read(Path file) throws IOException, BatFileException {
    Map<String, String> pins = new LinkedHashMap<>();
    try (CsvRows rows = CsvRows.open(file)) {
      for (CsvRows.Row r = rows.next(); r != null; r = rows.next()) {
        if (r.blank()) {
          continue;
        }
        String user = r.cells().get(0).strip();
        String pin = r.cells().size() > 1 ? r.cells().get(1).strip() : "";
        if (r.line() == 1 && BatNames.key(user).equals("userid")) {
          continue; // the header row
        }
        if (user.isEmpty() || pin.isEmpty() || !pin.chars().allMatch(Character::isDigit)) {
          throw new BatFileException(r.line(), "pins.badRow");
        }
        pins.put(user, pin);
      }
    }
    return pins;
  }
}
