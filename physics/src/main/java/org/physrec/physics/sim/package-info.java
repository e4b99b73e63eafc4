/**
 * Simulation and its gradient: {@link org.physrec.physics.sim.SimSettings} (substeps, smooth
 * ground contact, soft joint limits, torque limits, PD, root residual),
 * {@link org.physrec.physics.sim.Simulator} (one semi-implicit substep as a compiled tape),
 * {@link org.physrec.physics.sim.Rollout} (frames × substeps, states stored),
 * {@link org.physrec.physics.sim.RolloutAdjoint} (exact reverse-mode gradient of a
 * {@link org.physrec.physics.sim.FrameLoss} with respect to all controls and the initial
 * state) and {@link org.physrec.physics.sim.FiniteDifference} (oracle / fallback mode).
 */
package org.physrec.physics.sim;
