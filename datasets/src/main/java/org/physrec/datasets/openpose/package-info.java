/** OpenPose JSON output folders (one {@code *_keypoints.json} per frame; BODY_25 or COCO-18). */
package org.physrec.datasets.openpose;
