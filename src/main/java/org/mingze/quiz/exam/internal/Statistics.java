package org.mingze.quiz.exam.internal;

import java.util.Arrays;

/**
 * Moodle's per-question statistics ("Quiz statistics calculations", MoodleDocs), for one question over the attempts
 * analysed: x the scores on the question, X the scores on the rest of the test (total minus x).
 * <ul>
 *   <li>facility index F = 100 (mean(x) - min) / (max - min), with min = 0 and max the question's points;</li>
 *   <li>discrimination index D = 100 r(x, X), the Pearson correlation of x with the rest of the test;</li>
 *   <li>discriminative efficiency E = 100 C(x, X) / Cmax(x, X), where Cmax pairs x and X each sorted ascending.</li>
 * </ul>
 * D and E are null when fewer than two attempts or when x or X does not vary.
 */
public final class Statistics {

    public record Item(double facility, Double discrimination, Double efficiency) {
    }

    private Statistics() {
    }

    public static Item of(double[] x, double[] total, double maxPoints) {
        int n = x.length;
        if (n == 0) {
            return new Item(0, null, null);
        }
        double facility = maxPoints <= 0 ? 0 : 100 * mean(x) / maxPoints;
        double[] rest = new double[n];
        for (int i = 0; i < n; i++) {
            rest[i] = total[i] - x[i];
        }
        if (n < 2) {
            return new Item(facility, null, null);
        }
        double vx = covariance(x, x);
        double vr = covariance(rest, rest);
        if (vx <= 1e-12 || vr <= 1e-12) {
            return new Item(facility, null, null);
        }
        double c = covariance(x, rest);
        double d = 100 * c / Math.sqrt(vx * vr);
        double[] xs = x.clone();
        double[] rs = rest.clone();
        Arrays.sort(xs);
        Arrays.sort(rs);
        double cmax = covariance(xs, rs);
        Double e = cmax <= 1e-12 ? null : 100 * c / cmax;
        return new Item(facility, d, e);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    /** The sample covariance (n - 1). */
    static double covariance(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / (a.length - 1);
    }
}
