package org.physrec.app.export;

import org.physrec.datasets.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A BVH motion file in memory: the joint hierarchy (names, parents, offsets, channels, end sites)
 * and the motion (one row of channel values per frame), with a reader, a writer and forward
 * kinematics. Channels are "Xposition", "Yposition", "Zposition", "Xrotation", "Yrotation",
 * "Zrotation" in any order; rotations compose in the listed order (R = R1 R2 R3), angles in degrees.
 * A joint's world position is parent position + parent world rotation * (offset + position channels).
 * Arrays are copied on construction; accessors return the internal arrays, which must not be modified.
 *
 * @param names        N joint names, parents before children (file order)
 * @param parents      (N) parent index, -1 for the root
 * @param offsets      (N x 3) offset of each joint in its parent's frame
 * @param channels     per joint, its channel names in file order
 * @param endSites     (N x 3) End Site offset of a joint, NaN where the joint has none
 * @param frameTime    seconds per frame
 * @param frames       T
 * @param motion       (T x total channels) values in file order
 */
public record BvhFile(List<String> names, int[] parents, double[] offsets, List<List<String>> channels,
        double[] endSites, double frameTime, int frames, double[] motion) {

    public BvhFile {
        int n = names.size();
        if (n == 0 || parents.length != n || offsets.length != 3 * n || channels.size() != n
                || endSites.length != 3 * n) {
            throw new IllegalArgumentException("BVH: inconsistent sizes for " + n + " joints");
        }
        if (!(frameTime > 0) || frames < 0) {
            throw new IllegalArgumentException("BVH: frame time must be > 0 and frames >= 0, got " + frameTime + ", "
                    + frames);
        }
        int total = 0;
        for (List<String> c : channels) {
            for (String ch : c) {
                channelAxis(ch);
            }
            total += c.size();
        }
        if (motion.length != (long) frames * total) {
            throw new IllegalArgumentException("BVH: motion has " + motion.length + " values, expected " + frames + " x "
                    + total);
        }
        names = List.copyOf(names);
        channels = channels.stream().map(List::copyOf).toList();
        parents = parents.clone();
        offsets = offsets.clone();
        endSites = endSites.clone();
        motion = motion.clone();
    }

    /** Total channels per frame. */
    public int channelCount() {
        int total = 0;
        for (List<String> c : channels) {
            total += c.size();
        }
        return total;
    }

    /** Index of the joint called {@code name}, or -1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    /** World positions of all N joints in frame {@code frame}, written to {@code out} (N x 3). */
    public void forwardKinematics(int frame, double[] out) {
        if (frame < 0 || frame >= frames) {
            throw new IllegalArgumentException("frame: " + frame + " outside 0.." + (frames - 1));
        }
        int n = names.size();
        double[] world = new double[9 * n];
        double[] local = new double[9];
        double[] e = new double[9];
        double[] tmp = new double[9];
        double[] p = new double[3];
        int k = frame * channelCount();
        for (int j = 0; j < n; j++) {
            double tx = offsets[3 * j], ty = offsets[3 * j + 1], tz = offsets[3 * j + 2];
            Rotations.identity(local);
            for (String ch : channels.get(j)) {
                double v = motion[k++];
                char axis = channelAxis(ch);
                if (ch.endsWith("position")) {
                    if (axis == 'X') {
                        tx += v;
                    } else if (axis == 'Y') {
                        ty += v;
                    } else {
                        tz += v;
                    }
                } else {
                    Rotations.elementary(axis, v, e);
                    Rotations.mul(local, e, tmp);
                    System.arraycopy(tmp, 0, local, 0, 9);
                }
            }
            int parent = parents[j];
            if (parent < 0) {
                out[3 * j] = tx;
                out[3 * j + 1] = ty;
                out[3 * j + 2] = tz;
                System.arraycopy(local, 0, world, 9 * j, 9);
            } else {
                double[] pw = java.util.Arrays.copyOfRange(world, 9 * parent, 9 * parent + 9);
                Rotations.mulVec(pw, tx, ty, tz, p);
                out[3 * j] = out[3 * parent] + p[0];
                out[3 * j + 1] = out[3 * parent + 1] + p[1];
                out[3 * j + 2] = out[3 * parent + 2] + p[2];
                Rotations.mul(pw, local, tmp);
                System.arraycopy(tmp, 0, world, 9 * j, 9);
            }
        }
    }

    /** Writes the file atomically; {@code decimals} digits after the point for every number. */
    public void write(Path file, int decimals) throws IOException {
        if (decimals < 1 || decimals > 15) {
            throw new IllegalArgumentException("decimals: expected 1..15, got " + decimals);
        }
        String fmt = "%." + decimals + "f";
        StringBuilder sb = new StringBuilder("HIERARCHY\n");
        int n = names.size();
        int[] depth = new int[n];
        List<Integer> open = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            depth[j] = parents[j] < 0 ? 0 : depth[parents[j]] + 1;
            while (!open.isEmpty() && open.get(open.size() - 1) >= depth[j]) {
                close(sb, open.remove(open.size() - 1));
            }
            String ind = "  ".repeat(depth[j]);
            sb.append(ind).append(parents[j] < 0 ? "ROOT " : "JOINT ").append(names.get(j)).append('\n');
            sb.append(ind).append("{\n");
            sb.append(ind).append("  OFFSET ").append(vec(fmt, offsets, j)).append('\n');
            sb.append(ind).append("  CHANNELS ").append(channels.get(j).size());
            for (String c : channels.get(j)) {
                sb.append(' ').append(c);
            }
            sb.append('\n');
            if (!Double.isNaN(endSites[3 * j])) {
                sb.append(ind).append("  End Site\n").append(ind).append("  {\n").append(ind).append("    OFFSET ")
                        .append(vec(fmt, endSites, j)).append('\n').append(ind).append("  }\n");
            }
            open.add(depth[j]);
        }
        while (!open.isEmpty()) {
            close(sb, open.remove(open.size() - 1));
        }
        sb.append("MOTION\nFrames: ").append(frames).append('\n');
        sb.append("Frame Time: ").append(String.format(Locale.ROOT, "%.9f", frameTime)).append('\n');
        int c = channelCount();
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < c; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(String.format(Locale.ROOT, fmt, motion[t * c + i] + 0.0));
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** Parses a BVH file; errors name the file and line. */
    public static BvhFile read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Parser p = new Parser(file, lines);
        return p.parse();
    }

    private static void close(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth)).append("}\n");
    }

    private static String vec(String fmt, double[] a, int j) {
        return String.format(Locale.ROOT, fmt + " " + fmt + " " + fmt, a[3 * j] + 0.0, a[3 * j + 1] + 0.0,
                a[3 * j + 2] + 0.0);
    }

    private static char channelAxis(String ch) {
        if (ch.length() == 9 && ch.endsWith("position") || ch.length() == 9 && ch.endsWith("rotation")) {
            char a = ch.charAt(0);
            if (a == 'X' || a == 'Y' || a == 'Z') {
                return a;
            }
        }
        throw new IllegalArgumentException("BVH: unknown channel " + ch);
    }

    /** Line-oriented recursive-descent parser of the HIERARCHY and MOTION sections. */
    private static final class Parser {
        private final Path file;
        private final List<String[]> tokens = new ArrayList<>();
        private final List<Integer> lineOf = new ArrayList<>();
        private int pos;
        private final List<String> names = new ArrayList<>();
        private final List<Integer> parents = new ArrayList<>();
        private final List<double[]> offsets = new ArrayList<>();
        private final List<List<String>> channels = new ArrayList<>();
        private final List<double[]> endSites = new ArrayList<>();

        Parser(Path file, List<String> lines) {
            this.file = file;
            for (int i = 0; i < lines.size(); i++) {
                String s = lines.get(i).trim();
                if (!s.isEmpty()) {
                    tokens.add(s.split("\\s+"));
                    lineOf.add(i + 1);
                }
            }
        }

        BvhFile parse() throws IOException {
            expect("HIERARCHY");
            pos++;
            String[] root = line();
            if (!root[0].equals("ROOT") || root.length < 2) {
                throw error("expected ROOT <name>");
            }
            joint(root[1], -1);
            expect("MOTION");
            pos++;
            String[] fr = line();
            if (!fr[0].equals("Frames:") || fr.length != 2) {
                throw error("expected 'Frames: <n>'");
            }
            int frames = parseInt(fr[1]);
            pos++;
            String[] ft = line();
            if (ft.length != 3 || !ft[0].equals("Frame") || !ft[1].equals("Time:")) {
                throw error("expected 'Frame Time: <seconds>'");
            }
            double frameTime = parseDouble(ft[2]);
            pos++;
            int total = channels.stream().mapToInt(List::size).sum();
            double[] motion = new double[frames * total];
            for (int t = 0; t < frames; t++) {
                if (pos >= tokens.size()) {
                    throw new IOException(file + ": MOTION has " + t + " frame rows, header says " + frames);
                }
                String[] row = line();
                if (row.length != total) {
                    throw error("frame " + t + " has " + row.length + " values, expected " + total);
                }
                for (int i = 0; i < total; i++) {
                    motion[t * total + i] = parseDouble(row[i]);
                }
                pos++;
            }
            int n = names.size();
            double[] off = new double[3 * n];
            double[] ends = new double[3 * n];
            int[] par = new int[n];
            for (int j = 0; j < n; j++) {
                System.arraycopy(offsets.get(j), 0, off, 3 * j, 3);
                System.arraycopy(endSites.get(j), 0, ends, 3 * j, 3);
                par[j] = parents.get(j);
            }
            try {
                return new BvhFile(names, par, off, channels, ends, frameTime, frames, motion);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }

        private void joint(String name, int parent) throws IOException {
            int self = names.size();
            names.add(name);
            parents.add(parent);
            endSites.add(new double[] {Double.NaN, Double.NaN, Double.NaN});
            pos++;
            expect("{");
            pos++;
            String[] off = line();
            if (!off[0].equals("OFFSET") || off.length != 4) {
                throw error("expected OFFSET x y z for joint " + name);
            }
            offsets.add(new double[] {parseDouble(off[1]), parseDouble(off[2]), parseDouble(off[3])});
            pos++;
            String[] ch = line();
            if (!ch[0].equals("CHANNELS") || ch.length < 2 || ch.length != 2 + parseInt(ch[1])) {
                throw error("expected CHANNELS <n> <names...> for joint " + name);
            }
            List<String> list = new ArrayList<>();
            for (int i = 2; i < ch.length; i++) {
                try {
                    channelAxis(ch[i]);
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage());
                }
                list.add(ch[i]);
            }
            channels.add(list);
            pos++;
            while (true) {
                String[] l = line();
                if (l[0].equals("}")) {
                    pos++;
                    return;
                }
                if (l[0].equals("JOINT") && l.length >= 2) {
                    joint(l[1], self);
                } else if (l[0].equals("End") && l.length == 2 && l[1].equals("Site")) {
                    pos++;
                    expect("{");
                    pos++;
                    String[] eo = line();
                    if (!eo[0].equals("OFFSET") || eo.length != 4) {
                        throw error("expected OFFSET x y z in End Site of " + name);
                    }
                    endSites.set(self, new double[] {parseDouble(eo[1]), parseDouble(eo[2]), parseDouble(eo[3])});
                    pos++;
                    expect("}");
                    pos++;
                } else {
                    throw error("expected JOINT, End Site or } in joint " + name);
                }
            }
        }

        private String[] line() throws IOException {
            if (pos >= tokens.size()) {
                throw new IOException(file + ": unexpected end of file");
            }
            return tokens.get(pos);
        }

        private void expect(String word) throws IOException {
            if (!line()[0].equals(word)) {
                throw error("expected " + word);
            }
        }

        private double parseDouble(String s) throws IOException {
            try {
                double v = Double.parseDouble(s);
                if (!Double.isFinite(v)) {
                    throw error("non-finite number " + s);
                }
                return v;
            } catch (NumberFormatException e) {
                throw error("not a number: " + s);
            }
        }

        private int parseInt(String s) throws IOException {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw error("not an integer: " + s);
            }
        }

        private IOException error(String what) {
            int line = pos < lineOf.size() ? lineOf.get(pos) : -1;
            return new IOException(file + ": line " + line + ": " + what);
        }
    }
}
