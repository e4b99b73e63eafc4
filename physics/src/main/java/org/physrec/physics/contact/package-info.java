/**
 * Read-only evaluation of the simulation's ground-contact model at a given state, in plain
 * Java: per contact sphere the normal force and the smoothed-Coulomb friction force, for
 * reports and export (the simulation itself evaluates the same model inside its traced step).
 */
package org.physrec.physics.contact;
