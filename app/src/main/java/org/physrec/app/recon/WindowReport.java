package org.physrec.app.recon;

/**
 * How the optimization of one window went.
 *
 * @param index         window number
 * @param start         first frame
 * @param length        frames
 * @param optimizer     optimizer that produced the kept result
 * @param iterations    iterations of the kept run
 * @param evaluations   objective evaluations of all attempts
 * @param initialLoss   loss at the initial controls
 * @param finalLoss     loss at the kept controls
 * @param status        optimizer status of the kept run
 * @param attempts      1 if the first run was kept; more if it diverged and was retried
 * @param note          what happened on retries (empty if none)
 * @param seconds       wall time of the window
 * @param lossPerIteration (iterations + 1) loss of the kept run before the first and after each iteration
 */
public record WindowReport(int index, int start, int length, String optimizer, int iterations, long evaluations,
                           double initialLoss, double finalLoss, String status, int attempts, String note,
                           double seconds, double[] lossPerIteration) {

    /** The same report with its wall time. */
    public WindowReport withSeconds(double s) {
        return new WindowReport(index, start, length, optimizer, iterations, evaluations, initialLoss, finalLoss, status,
                attempts, note, s, lossPerIteration);
    }
}
