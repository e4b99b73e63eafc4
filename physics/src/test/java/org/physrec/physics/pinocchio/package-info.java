/**
 * Golden values from Pinocchio (C++ rigid-body dynamics, run once from Python): the character
 * exported to JSON ({@link org.physrec.physics.pinocchio.ModelExport}), the generator script and
 * the stored results under src/test/resources/pinocchio, and the test comparing ours to them.
 */
package org.physrec.physics.pinocchio;
