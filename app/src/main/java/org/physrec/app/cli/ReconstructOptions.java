package org.physrec.app.cli;

import org.physrec.app.recon.OptimizerChoice;
import org.physrec.app.recon.ReconstructionSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Reconstruction options shared by reconstruct, evaluate and demo (a picocli mixin). */
public final class ReconstructOptions {

    @Option(names = "--config", description = "settings file (JSON, see configs/recon/default.json); options override it")
    java.nio.file.Path config;

    @Option(names = "--optimizer", description = "optimizer: lbfgs (default), bfgs, adam, momentum, gd, "
            + "optimus:functions, adafac_mlp:functions or a checkpoint .json")
    String optimizer;

    @Option(names = "--iterations", description = "optimizer iterations per window (default 30)")
    Integer iterations;

    @Option(names = "--window", description = "frames per optimization window (default 8)")
    Integer window;

    @Option(names = "--overlap", description = "frames shared by consecutive windows (default 2)")
    Integer overlap;

    @Option(names = "--mass", description = "body mass in kg (default 70)")
    Double mass;

    @Option(names = "--ground-z", description = "floor height in the input's frame, mm (default: estimated from the feet)")
    Double groundZ;

    @Option(names = "--weights", description = "loss weights w2d,w3d,wTorque,wSmooth,wLimit,wResidual "
            + "(default from docs/RECON.md)")
    String weights;

    @Option(names = "--ik-sigmas", description = "expected 3D (mm) and 2D (px) keypoint errors weighing the "
            + "kinematic initialization, s3,s2 (default 40,5)")
    String ikSigmas;

    @Option(names = "--reference-blend-3d", description = "β in [0,1]: the 3D loss term's target is β·(IK reference "
            + "keypoints) + (1 − β)·(3D input) (default: from the settings file)")
    Double referenceBlend3d;

    @Option(names = "--gains", description = "PD gains kp,kd towards the reference (N·m/rad, N·m·s/rad at a 300 N·m joint)")
    String gains;

    @Option(names = "--cameras", description = "2D keypoints to use: all (default), first, none, or names a,b")
    String cameras = "all";

    /**
     * The settings with these overrides.
     *
     * @throws CommandLine.ParameterException (exit 2) for invalid values or an unknown optimizer
     */
    ReconstructionSettings settings(CommandLine cl) throws java.io.IOException {
        ReconstructionSettings s = config != null ? org.physrec.app.recon.SettingsFile.read(config)
                : ReconstructionSettings.DEFAULTS;
        try {
            if (optimizer != null || iterations != null) {
                s = s.withOptimizer(optimizer != null ? optimizer : s.optimizer(),
                        iterations != null ? iterations : s.maxIterations());
            }
            if (window != null || overlap != null) {
                int w = window != null ? window : s.window();
                s = s.withWindow(w, overlap != null ? overlap : Math.min(s.overlap(), w - 1));
            }
            if (mass != null) {
                s = s.withMass(mass);
            }
            if (weights != null) {
                String[] p = weights.split(",");
                if (p.length != 6) {
                    throw new IllegalArgumentException("--weights: expected 6 comma-separated numbers, got '" + weights + "'");
                }
                double[] w = new double[6];
                for (int i = 0; i < 6; i++) {
                    try {
                        w[i] = Double.parseDouble(p[i].trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--weights: '" + p[i] + "' is not a number");
                    }
                }
                var d = s.weights();
                s = s.withWeights(new org.physrec.app.recon.LossWeights(w[0], w[1], w[2], w[3], w[4], w[5],
                        d.imageScalePx(), d.robustScalePx(), d.referenceBlend3d()));
            }
            if (referenceBlend3d != null) {
                s = s.withWeights(s.weights().withReferenceBlend3d(referenceBlend3d));
            }
            if (ikSigmas != null) {
                double[] v = numbers("--ik-sigmas", ikSigmas, 2);
                s = s.withIk(s.ik().withSigmas(v[0], v[1]));
            }
            if (gains != null) {
                double[] v = numbers("--gains", gains, 2);
                s = s.withGains(v[0], v[1]);
            }
            if (groundZ != null) {
                s = s.withGroundZmm(groundZ);
            }
            OptimizerChoice.resolve(s.optimizer());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        return s;
    }

    private static double[] numbers(String option, String text, int n) {
        String[] p = text.split(",");
        if (p.length != n) {
            throw new IllegalArgumentException(option + ": expected " + n + " comma-separated numbers, got '" + text + "'");
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                v[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": '" + p[i] + "' is not a number");
            }
        }
        return v;
    }
}
