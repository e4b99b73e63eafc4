/**
 * Motion data: skeletons (H36M-17, COCO-17), cameras with projection Jacobians, the
 * {@code Sequence} type, readers for Human3.6M, AIST++, physrec JSON/CSV and OpenPose,
 * resampling and validation tables.
 */
package org.physrec.datasets;
