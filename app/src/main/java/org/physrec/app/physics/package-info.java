/**
 * Physics commands: {@code physrec physics replay} (re-simulates a reconstruction's torques in
 * the independent jbullet engine and in ours, and reports how far each drifts from the
 * reconstructed joints) and {@code physrec bench physics} (speed of our dynamics, rollout and
 * adjoint gradient, the jbullet step for comparison, and the adjoint's finite-difference check).
 */
package org.physrec.app.physics;
