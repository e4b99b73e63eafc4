/**
 * An independent forward engine for cross-checks: the same {@link org.physrec.physics.Model}
 * built as a jbullet (Bullet 2.x, maximal coordinates, float32, impulse solver) ragdoll:
 * one rigid body per model body with its mass, inertia and geometry, point-to-point / hinge /
 * 6-DoF constraints at the joints, an optional static ground plane. Joint torques act as equal
 * and opposite moments on parent and child. Forward only (no gradients); a fresh world per
 * rollout, since jbullet cannot snapshot its contact caches. Deterministic for a fixed seed.
 */
package org.physrec.physics.bullet;
