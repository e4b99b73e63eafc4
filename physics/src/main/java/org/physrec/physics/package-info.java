/**
 * Differentiable physics of an articulated human: immutable {@code Model}, {@code State},
 * per-thread {@code Workspace}, forward and inverse dynamics, smooth ground contact,
 * integration, rollouts and their adjoint gradients, and a jbullet cross-check backend.
 */
package org.physrec.physics;
