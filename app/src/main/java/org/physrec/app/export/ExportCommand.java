package org.physrec.app.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.physrec.app.eval.MotionMetrics;
import org.physrec.datasets.Camera;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.Skeleton;
import org.physrec.datasets.io.PhysrecJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code physrec export}: JSON, CSV, BVH, MP4 overlays and PNG plots of a reconstruction. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a reconstruction (a trajectory JSON, or the 3D estimate / ground truth of a",
            "sequence) as trajectory.json, frames.csv, losses.csv, motion.bvh, overlay_<camera>.mp4 (input 2D",
            "keypoints vs reprojection), stick.mp4 (3D view vs ground truth) and PNG plots."})
public final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--sequence"}, required = true,
            description = "sequence JSON: cameras, 2D keypoints, ground truth (and the 3D estimate)")
    Path sequenceFile;

    @Option(names = {"-t", "--trajectory"}, description = "trajectory JSON; without it the sequence's 3D estimate is used")
    Path trajectoryFile;

    @Option(names = "--use-ground-truth", description = "without --trajectory: export the ground truth instead")
    boolean useGroundTruth;

    @Option(names = {"-o", "--out"}, required = true, description = "output folder")
    Path out;

    @Option(names = "--cameras", split = ",", description = "cameras to render overlays for (default: all with 2D)")
    List<String> cameras;

    @Option(names = "--no-video", description = "skip the MP4 files")
    boolean noVideo;

    @Option(names = "--ground-z", defaultValue = "0", description = "ground plane height for the stick figure, mm")
    double groundZ;

    @Override
    public Integer call() throws Exception {
        PrintWriter log = spec.commandLine().getOut();
        Sequence seq = PhysrecJson.read(sequenceFile);
        Trajectory traj;
        if (trajectoryFile != null) {
            traj = TrajectoryJson.read(trajectoryFile);
            if (seq.fps() != traj.fps()) {
                seq = seq.resample(traj.fps());
            }
            if (seq.frames() != traj.frames() || seq.jointCount() != traj.jointCount()) {
                throw new IOException(trajectoryFile + ": " + traj.frames() + " frames x " + traj.jointCount()
                        + " joints, but " + sequenceFile + " has " + seq.frames() + " x " + seq.jointCount()
                        + " at " + traj.fps() + " fps");
            }
        } else {
            double[] joints = useGroundTruth ? seq.groundTruth() : seq.keypoints3d();
            traj = Trajectory.ofJoints(seq.fps(), seq.skeleton().jointNames(), joints);
        }
        TrajectoryJson.write(out.resolve("trajectory.json"), traj);
        TrajectoryCsv.writeFrames(out.resolve("frames.csv"), traj);
        log.println("wrote trajectory.json, frames.csv");
        if (!traj.windowLosses().isEmpty()) {
            TrajectoryCsv.writeLosses(out.resolve("losses.csv"), traj.windowLosses());
            Plots.lossCurves(out.resolve("loss.png"), traj.windowLosses());
            Plots.finalLossPerWindow(out.resolve("final_loss.png"), traj.windowLosses());
            log.println("wrote losses.csv, loss.png, final_loss.png");
        }
        if (!traj.contactNames().isEmpty()) {
            Plots.contactForces(out.resolve("contacts.png"), traj);
            log.println("wrote contacts.png");
        }
        if (seq.skeleton() == Skeleton.H36M_17) {
            H36mBvh.fromJoints(traj.fps(), traj.jointPositions(), traj.frames()).write(out.resolve("motion.bvh"), 6);
            log.println("wrote motion.bvh");
        } else {
            log.println("skipped motion.bvh: the BVH export needs the H36M-17 skeleton, got " + seq.skeleton().name());
        }
        boolean hasReference = seq.hasGroundTruth() && !(trajectoryFile == null && useGroundTruth);
        if (hasReference) {
            double[] perJoint = MotionMetrics.perJointMpjpe(traj.jointPositions(), seq.groundTruth(), traj.frames(),
                    traj.jointCount(), 0);
            Plots.perJointErrors(out.resolve("per_joint_mpjpe.png"), "MPJPE per joint (mm)", traj.jointNames(), perJoint);
            log.println("wrote per_joint_mpjpe.png");
        }
        if (!noVideo) {
            int[] parents = seq.skeleton().parents();
            OverlayVideo.stickFigure(out.resolve("stick.mp4"), 960, 720, traj.fps(), parents, traj.jointPositions(),
                    hasReference ? seq.groundTruth() : null, groundZ, -60, 15);
            log.println("wrote stick.mp4");
            for (int c = 0; c < seq.cameras().size(); c++) {
                Camera cam = seq.camera(c);
                if (!seq.hasKeypoints2d(c) || cameras != null && !cameras.contains(cam.name())) {
                    continue;
                }
                String file = "overlay_" + cam.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".mp4";
                OverlayVideo.cameraOverlay(out.resolve(file), CameraProjector.view(cam), traj.fps(), parents,
                        traj.jointPositions(), seq.keypoints2d(c), seq.confidences2d(c));
                log.println("wrote " + file);
            }
        }
        return 0;
    }
}
