/**
 * Validation and test tables (configs/validation/*.yaml, shipped in the jar): which sequences,
 * cameras and frames an evaluation uses, and which of them a local dataset copy holds.
 */
package org.physrec.datasets.validation;
