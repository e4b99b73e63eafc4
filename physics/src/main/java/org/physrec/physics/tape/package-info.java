/**
 * A static scalar tape: the operations of one fixed computation (one simulation substep,
 * forward kinematics, ...) are recorded once by a {@link org.physrec.physics.tape.Tracer}
 * and compiled into a {@link org.physrec.physics.tape.Tape} that is replayed forward and in
 * reverse (exact vector-Jacobian products) over flat {@code double[]} arrays, with no
 * allocation. Value-dependent choices (contact on/off, limit active) live inside smooth
 * primitives (softplus, logistic), so the operation sequence never branches.
 */
package org.physrec.physics.tape;
