/**
 * AIST++ in its release layout: {@code keypoints3d/*.pkl}, {@code keypoints2d/*.pkl},
 * {@code cameras/setting*.json} and {@code cameras/mapping.txt} (COCO-17, cm, y up, 60 FPS),
 * read into physrec {@link org.physrec.datasets.Sequence}s in mm, z up.
 */
package org.physrec.datasets.aist;
