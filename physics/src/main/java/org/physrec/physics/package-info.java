/**
 * Articulated-body dynamics of a human character, after Pinocchio's Model/Data split:
 * immutable {@link org.physrec.physics.Model} (depth-first numbered tree, inertias, geometry,
 * keypoints, limits), {@link org.physrec.physics.State} (q, v), per-thread
 * {@link org.physrec.physics.Workspace}, and static algorithms:
 * {@link org.physrec.physics.Kinematics}, {@link org.physrec.physics.ForwardDynamics},
 * {@link org.physrec.physics.InverseDynamics}, {@link org.physrec.physics.MassMatrix},
 * {@link org.physrec.physics.ConfigSpace}. The algorithms are written once, symbolically
 * ({@link org.physrec.physics.SymbolicDynamics}), and run as compiled tapes that also give
 * exact reverse-mode gradients; the articulated-body algorithm
 * ({@code ForwardDynamics.aba}) and body velocities are plain Java, forward only. SI units, z up.
 */
package org.physrec.physics;
