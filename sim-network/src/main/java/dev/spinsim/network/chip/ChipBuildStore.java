package dev.spinsim.network.chip;

import com.google.common.hash.HashCode;
import dev.spinsim.devices.crossbar.Crossbar;
import dev.spinsim.devices.crossbar.ProgramResult;
import dev.spinsim.devices.crossbar.WeightMapping;
import dev.spinsim.devices.synapse.SynapseDevice;
import dev.spinsim.network.tensor.Parallel;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * The on-disk side of the {@link ChipBuildCache}: what a chip build computed, kept in a directory
 * for the next process built from the same inputs, one file per entry named by the hash of its key:
 *
 * <ul>
 *   <li>{@code xbars-<key>.bin}: the programmed crossbars of one chip stage, in order ({@link
 *       Crossbar#programmedCells()} and the {@link ProgramResult} of each);
 *   <li>{@code ranges-<key>.bin}: one range calibration ({@link RangeCalibration.Range}s).
 * </ul>
 *
 * A file holds its 128-bit key, its format version and a CRC-32 of its content; on load all of
 * them, the file's length and every crossbar's shape against the request it stands for are checked,
 * and a file that fails any check is ignored (the caller computes and saves the entry again): a
 * corrupt, truncated or foreign file is never trusted. Files are written under a temporary name and
 * renamed into place, so a concurrent reader sees a whole file or none. The directory is bounded by
 * {@link #MAX_BYTES}: the least recently used files go first.
 *
 * <p>The key does not cover the simulator's code: the directory must belong to one build (the
 * {@code spinsim} launcher passes one per jar).
 */
final class ChipBuildStore {
  /** Bytes of files kept in the directory before the least recently used are removed. */
  static final long MAX_BYTES = 256L << 20;

  /**
   * Version of the file layout and of the key's make-up; part of every key (2: weights keyed
   * through {@code ArrayHash}).
   */
  static final int VERSION = 2;

  private static final long MAGIC = 0x5350494E43484950L; // "SPINCHIP"
  private static final int KIND_CROSSBARS = 1;
  private static final int KIND_RANGES = 2;
  private static final int HEADER_BYTES = 8 + 4 + 4 + 16;

  private final Path dir;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  ChipBuildStore(Path dir) {
    this.dir = dir;
  }

  Path directory() {
    return dir;
  }

  /** Entries read from disk. */
  long hits() {
    return hits.get();
  }

  /** Entries asked for that had no file. */
  long misses() {
    return misses.get();
  }

  /** Files found and ignored (corrupt, truncated, another key or shape). */
  long rejected() {
    return rejected.get();
  }

  /**
   * The crossbars of {@code requests} ({@code device} cells, {@code mapping}) restored from the
   * file of {@code key}, in order; null when there is no valid file for them.
   */
  List<ChipBuildCache.Programmed> crossbars(
      HashCode key,
      SynapseDevice device,
      WeightMapping mapping,
      List<ChipBuildCache.ProgramRequest> requests) {
    ByteBuffer b = read(file("xbars", key), key, KIND_CROSSBARS);
    if (b == null) {
      return null;
    }
    try {
      int n = b.getInt();
      if (n != requests.size()) {
        return reject();
      }
      // the entries' places and results first (a pass over the headers), then the arrays decoded
      // and the crossbars restored over the compute threads (restoring builds the read matrices)
      int[] at = new int[n];
      ProgramResult[] results = new ProgramResult[n];
      for (int j = 0; j < n; j++) {
        ChipBuildCache.ProgramRequest r = requests.get(j);
        int usedRows = b.getInt();
        int usedColumns = b.getInt();
        int physicalColumns = b.getInt();
        if (usedRows != r.rows()
            || usedColumns != r.cols()
            || physicalColumns != r.config().columns()) {
          return reject();
        }
        results[j] = new ProgramResult(b.getLong(), b.getLong(), b.getDouble(), b.getLong());
        at[j] = b.position();
        int width = b.get();
        if (width != 1 && width != 4) {
          return reject();
        }
        long cells = (long) usedRows * physicalColumns;
        long skip = cells * (width + 8);
        if (skip > b.remaining()) {
          return reject();
        }
        b.position(b.position() + (int) skip);
      }
      if (b.hasRemaining()) {
        return reject();
      }
      Crossbar[] restored = new Crossbar[n];
      Parallel.forRange(
          n,
          1,
          (long) requests.get(0).config().rows() * requests.get(0).config().columns(),
          (from, to) -> {
            ByteBuffer own = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            for (int j = from; j < to; j++) {
              restored[j] = restore(own.position(at[j]), requests.get(j), device, mapping);
            }
          });
      List<ChipBuildCache.Programmed> out = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        out.add(new ChipBuildCache.Programmed(restored[j], results[j]));
      }
      hits.incrementAndGet();
      return out;
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      return reject();
    }
  }

  /**
   * The crossbar of request {@code r} from its level width, levels and conductances at {@code b}'s
   * position.
   */
  private static Crossbar restore(
      ByteBuffer b, ChipBuildCache.ProgramRequest r, SynapseDevice device, WeightMapping mapping) {
    int cells = r.rows() * r.config().columns();
    int[] levels = new int[cells];
    if (b.get() == 1) {
      // one bulk copy out of the mapped file, then widened: a get per byte is slow while cold
      byte[] narrow = new byte[cells];
      b.get(narrow);
      for (int i = 0; i < cells; i++) {
        levels[i] = narrow[i] & 0xFF;
      }
    } else {
      b.asIntBuffer().get(levels);
      b.position(b.position() + 4 * cells);
    }
    double[] g = new double[cells];
    b.asDoubleBuffer().get(g);
    return Crossbar.restore(
        r.config(), device, mapping, new Crossbar.ProgrammedCells(r.rows(), r.cols(), levels, g));
  }

  /**
   * Saves {@code done}, the crossbars programmed for the requests of {@code key}: streamed to the
   * file one crossbar at a time, so saving a stage holds one crossbar's cells at once, not a copy
   * of the stage.
   */
  void saveCrossbars(HashCode key, List<ChipBuildCache.Programmed> done) {
    write(
        file("xbars", key),
        out -> {
          out.put(header(HEADER_BYTES + 4, key, KIND_CROSSBARS).putInt(done.size()));
          for (ChipBuildCache.Programmed p : done) {
            Crossbar.ProgrammedCells c = p.crossbar().programmedCells();
            boolean narrow = narrow(c.levels());
            long bytes =
                3 * 4
                    + 4 * 8
                    + 1
                    + (long) c.levels().length * (narrow ? 1 : 4)
                    + 8L * c.conductanceSiemens().length;
            if (out.written() + bytes + 8 > MAX_BYTES) {
              return false;
            }
            ByteBuffer b = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
            ProgramResult r = p.result();
            b.putInt(c.usedRows()).putInt(c.usedColumns()).putInt(p.crossbar().physicalColumns());
            b.putLong(r.cellsWritten())
                .putLong(r.levelSteps())
                .putDouble(r.energyPj())
                .putLong(r.timePs());
            if (narrow) {
              b.put((byte) 1);
              for (int level : c.levels()) {
                b.put((byte) level);
              }
            } else {
              b.put((byte) 4);
              b.asIntBuffer().put(c.levels());
              b.position(b.position() + 4 * c.levels().length);
            }
            b.asDoubleBuffer().put(c.conductanceSiemens());
            b.position(b.position() + 8 * c.conductanceSiemens().length);
            out.put(b);
          }
          return true;
        });
  }

  /** The ranges saved for {@code key}; null when there is no valid file. */
  List<RangeCalibration.Range> ranges(HashCode key) {
    ByteBuffer b = read(file("ranges", key), key, KIND_RANGES);
    if (b == null) {
      return null;
    }
    try {
      int n = b.getInt();
      if (n < 0 || b.remaining() != 16L * n) {
        return reject();
      }
      List<RangeCalibration.Range> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(new RangeCalibration.Range(b.getDouble(), b.getDouble()));
      }
      hits.incrementAndGet();
      return List.copyOf(out);
    } catch (BufferUnderflowException e) {
      return reject();
    }
  }

  /** Saves the ranges of {@code key}. */
  void saveRanges(HashCode key, List<RangeCalibration.Range> ranges) {
    ByteBuffer b = header(HEADER_BYTES + 4 + 16 * ranges.size(), key, KIND_RANGES);
    b.putInt(ranges.size());
    for (RangeCalibration.Range r : ranges) {
      b.putDouble(r.inputMax()).putDouble(r.preActivationMax());
    }
    write(
        file("ranges", key),
        out -> {
          out.put(b);
          return true;
        });
  }

  private Path file(String kind, HashCode key) {
    return dir.resolve(kind + "-" + key + ".bin");
  }

  private static boolean narrow(int[] levels) {
    for (int level : levels) {
      if (level < 0 || level > 255) {
        return false;
      }
    }
    return true;
  }

  private static ByteBuffer header(int bytes, HashCode key, int kind) {
    ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(MAGIC).putInt(VERSION).putInt(kind).put(key.asBytes());
    return b;
  }

  /**
   * The content of {@code file} after its header, positioned at the first entry, when the file
   * exists, its CRC, magic, version, kind and key are right; else null (counted). The file is
   * mapped, not read onto the heap: the crossbars are decoded straight from the page cache.
   */
  private ByteBuffer read(Path file, HashCode key, int kind) {
    ByteBuffer b;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        return reject();
      }
      b = ch.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      misses.incrementAndGet();
      return null;
    }
    int length = b.capacity();
    if (length < HEADER_BYTES + 8) {
      return reject();
    }
    CRC32 crc = new CRC32();
    crc.update(b.duplicate().limit(length - 8));
    boolean valid =
        b.getLong(length - 8) == crc.getValue()
            && b.getLong() == MAGIC
            && b.getInt() == VERSION
            && b.getInt() == kind;
    if (valid) {
      byte[] k = new byte[16];
      b.get(k);
      valid = Arrays.equals(k, key.asBytes());
    }
    if (!valid) {
      return reject();
    }
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      // read-only store: the entry is still good, it just ages
    }
    return b.limit(length - 8).slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  private <T> T reject() {
    rejected.incrementAndGet();
    return null;
  }

  /** The bytes of a file being written, in order, with their CRC kept as they go. */
  static final class Out {
    private final FileChannel channel;
    private final CRC32 crc = new CRC32();
    private long written;

    private Out(FileChannel channel) {
      this.channel = channel;
    }

    /** Writes {@code b} from 0 to its position. */
    void put(ByteBuffer b) throws IOException {
      b.flip();
      crc.update(b.duplicate());
      while (b.hasRemaining()) {
        written += channel.write(b);
      }
    }

    /** Bytes written so far. */
    long written() {
      return written;
    }
  }

  /** The body of a file: writes it to {@link Out}; false when the entry is not to be kept. */
  @FunctionalInterface
  interface Body {
    boolean writeTo(Out out) throws IOException;
  }

  /**
   * Writes {@code body} and its CRC to {@code file} through a temporary file renamed into place,
   * then trims the directory; a failure, or a body that declines, leaves the store as it was (the
   * cache is only a cache).
   */
  private void write(Path file, Body body) {
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, ".tmp-", ".bin");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        Out out = new Out(ch);
        if (!body.writeTo(out)) {
          return;
        }
        ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        tail.putLong(out.crc.getValue()).flip();
        while (tail.hasRemaining()) {
          ch.write(tail);
        }
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
      trim();
    } catch (IOException | RuntimeException e) {
      // no room or no permission: the next run computes the entry again
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing more to do
        }
      }
    }
  }

  /** Removes the least recently used files while the directory holds more than MAX_BYTES. */
  private void trim() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.bin")) {
      for (Path p : s) {
        if (!p.getFileName().toString().startsWith(".")) {
          files.add(p);
        }
      }
    }
    long total = 0;
    for (Path p : files) {
      total += Files.size(p);
    }
    if (total <= MAX_BYTES) {
      return;
    }
    files.sort(Comparator.comparing(ChipBuildStore::modified));
    for (Path p : files) {
      if (total <= MAX_BYTES) {
        break;
      }
      long size = Files.size(p);
      Files.deleteIfExists(p);
      total -= size;
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
