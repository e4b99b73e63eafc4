/**
 * Human3.6M: the original release ({@code S*}/MyPoseFeatures/D3_Positions and D2_Positions CDF
 * files, 32 joints) and VideoPose3D's {@code data_3d_h36m.npz} / {@code data_2d_h36m_*.npz},
 * the shipped camera calibration, action-name quirks, all read into H36M-17 sequences (mm, z up, 50 FPS).
 */
package org.physrec.datasets.h36m;
