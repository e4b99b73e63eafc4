package org.physrec.physics.tape;

/** Operation codes of the tape. Binary ops read slots a and b; unary ops read a only. */
final class Op {
    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int DIV = 3;
    static final int NEG = 4;
    static final int SQRT = 5;
    static final int SIN = 6;
    static final int COS = 7;
    /** Softplus b·log(1 + exp(a/b)), a smooth max(0, a) of width b (b a constant slot). */
    static final int SOFTPLUS = 8;
    /** sin(θ/2)/θ as a function of a = θ² (quaternion exponential). */
    static final int QEXP_S = 9;
    /** cos(θ/2) as a function of a = θ². */
    static final int QEXP_C = 10;
    /** 2·atan2(√a, b)/√a: rotation-vector scale of a quaternion with |vec|² = a, w = b. */
    static final int QLOG_S = 11;
    /** a·a. */
    static final int SQR = 12;
    /** Logistic 1/(1 + exp(-a/b)), the derivative of {@link #SOFTPLUS}. */
    static final int SIGMOID = 13;
    /** a·b + c (fused at compile time from a single-use product). */
    static final int FMA = 14;
    /** c − a·b. */
    static final int FNMA = 15;
    /** a·b − c. */
    static final int FMS = 16;

    private Op() {
    }
}
