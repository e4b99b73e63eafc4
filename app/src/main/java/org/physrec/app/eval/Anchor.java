package org.physrec.app.eval;

/**
 * One published Human3.6M result (diffphy-spec §5.3), mm; {@code NaN} where the source gives none.
 *
 * @param method  method name
 * @param physics whether the method uses physics
 * @param mpjpe   root-aligned MPJPE
 * @param mpjpeG  global MPJPE
 * @param paMpjpe Procrustes-aligned MPJPE
 * @param other   other reported numbers, free text
 * @param source  where the numbers come from
 */
public record Anchor(String method, boolean physics, double mpjpe, double mpjpeG, double paMpjpe, String other,
        String source) {
}
