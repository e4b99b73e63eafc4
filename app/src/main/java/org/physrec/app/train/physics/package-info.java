/**
 * Reconstruction windows as optimization problems: ground-truth motion files split by file into
 * training and held-out sets ({@link org.physrec.app.train.physics.WindowSplit}), turned into
 * synthetic inputs, fitted characters, IK references and window objectives
 * ({@link org.physrec.app.train.physics.ReconWindowSource}), served to benchmarks as a list and
 * to the PES meta-trainer as a {@link org.physrec.optim.meta.TaskFamily}
 * ({@link org.physrec.app.train.physics.PhysicsTaskFamily}); {@code train-physics} meta-trains on them,
 * optionally only some tensors ({@link org.physrec.optim.meta.TrainableSet}).
 */
package org.physrec.app.train.physics;
