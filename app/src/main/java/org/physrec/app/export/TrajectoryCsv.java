package org.physrec.app.export;

import org.physrec.datasets.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * CSV forms of a {@link Trajectory}: one wide row per frame ({@code frame, time_s}, then joints
 * {@code <name>_x_mm ...}, coordinates {@code q_<name>}, torques {@code tau_<name>_nm}, contact
 * forces {@code <name>_fx_n ...}), and one row per window and iteration of the losses.
 */
public final class TrajectoryCsv {

    private TrajectoryCsv() {
    }

    /** Writes the per-frame table. */
    public static void writeFrames(Path file, Trajectory t) throws IOException {
        StringBuilder sb = new StringBuilder("frame,time_s");
        for (String j : t.jointNames()) {
            for (char c : new char[] {'x', 'y', 'z'}) {
                sb.append(',').append(field(j + "_" + c + "_mm"));
            }
        }
        header(sb, "q_", t.coordinateNames(), "");
        header(sb, "tau_", t.torqueNames(), "_nm");
        for (String c : t.contactNames()) {
            for (String a : new String[] {"fx", "fy", "fz"}) {
                sb.append(',').append(field(c + "_" + a + "_n"));
            }
        }
        sb.append('\n');
        int nj = t.jointCount() * 3;
        int nq = t.coordinateNames().size();
        int nu = t.torqueNames().size();
        int nc = t.contactNames().size() * 3;
        for (int f = 0; f < t.frames(); f++) {
            sb.append(f).append(',').append(num(f / t.fps()));
            values(sb, t.jointPositions(), f * nj, nj);
            values(sb, t.q(), f * nq, nq);
            values(sb, t.torques(), f * nu, nu);
            values(sb, t.contactForces(), f * nc, nc);
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** Writes {@code window,start_frame,frames,iteration,loss}, one row per window and iteration. */
    public static void writeLosses(Path file, List<WindowLoss> losses) throws IOException {
        StringBuilder sb = new StringBuilder("window,start_frame,frames,iteration,loss\n");
        for (WindowLoss w : losses) {
            double[] l = w.lossPerIteration();
            for (int i = 0; i < l.length; i++) {
                sb.append(w.window()).append(',').append(w.startFrame()).append(',').append(w.frameCount()).append(',')
                        .append(i).append(',').append(num(l[i])).append('\n');
            }
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    private static void header(StringBuilder sb, String prefix, List<String> names, String suffix) {
        for (String n : names) {
            sb.append(',').append(field(prefix + n + suffix));
        }
    }

    private static void values(StringBuilder sb, double[] a, int from, int count) {
        for (int i = from; i < from + count; i++) {
            sb.append(',').append(num(a[i]));
        }
    }

    /** Shortest text that reads back to the same double. */
    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v).toLowerCase(Locale.ROOT);
    }

    private static String field(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
