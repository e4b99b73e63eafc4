package org.physrec.physics;

import org.physrec.physics.tape.TapeState;

/**
 * Per-thread scratch for the algorithms of one {@link Model}: every intermediate lives here,
 * allocated once, so the algorithms allocate nothing. Not thread-safe: one per thread.
 */
public final class Workspace {
    final Model model;
    final TapeState kinematics;
    final TapeState forward;
    final TapeState inverse;
    final TapeState mass;
    final TapeState energy;
    final ArticulatedBodyAlgorithm aba;

    Workspace(Model model) {
        this.model = model;
        Programs p = model.programs();
        kinematics = p.kinematics.newState();
        forward = p.forward.newState();
        inverse = p.inverse.newState();
        mass = p.mass.newState();
        energy = p.energy.newState();
        aba = new ArticulatedBodyAlgorithm(model);
    }

    void check(Model m) {
        if (m != model) {
            throw new IllegalArgumentException("ws: workspace belongs to another model");
        }
    }
}
