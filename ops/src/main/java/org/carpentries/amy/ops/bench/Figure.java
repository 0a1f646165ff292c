package org.carpentries.amy.ops.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * One measured figure: the median of its rounds with their spread and unit, the limit measured in the same run that
 * it is compared with ({@code ratio = value / limit}), and the target with whether it is met.
 */
record Figure(String id, String label, Integer clients, String unit, double value, double min, double max,
              List<Double> samples, Limit limit, Double ratio, String target, Boolean met) {

    /** A figure another one is compared with: a raw PostgreSQL run, a static file. */
    record Limit(String id, String label, double value, String unit) {
    }

    /** What a figure should reach: at least {@code ratio} of its limit, or at most {@code value} in its unit. */
    record Target(String text, Double minRatio, Double maxValue) {

        static Target ratioAtLeast(double ratio) {
            return new Target("≥ " + trim(ratio) + " of the limit", ratio, null);
        }

        static Target atMost(double value, String unit) {
            return new Target("≤ " + trim(value) + " " + unit, null, value);
        }

        Boolean met(double value, Double ratio) {
            if (minRatio != null) {
                return ratio == null ? null : ratio >= minRatio;
            }
            return maxValue == null ? null : value <= maxValue;
        }

    }

    /** A whole number without its decimals; any other as Java prints it. */
    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static Figure of(String id, String label, Integer clients, String unit, Stats.Spread spread, Limit limit,
                     Target target) {
        Double ratio = ratio(spread.median(), limit);
        return new Figure(id, label, clients, unit, round(spread.median()), round(spread.min()), round(spread.max()),
                spread.samples().stream().map(Figure::round).toList(), limit, ratio,
                target == null ? null : target.text(), target == null ? null : target.met(spread.median(), ratio));
    }

    /** The limit a figure is compared with; none when that figure was not measured (a phase not run). */
    static Limit limit(Figure raw) {
        if (raw == null) {
            return null;
        }
        return new Limit(raw.id(), raw.label(), raw.value(), raw.unit());
    }

    private static Double ratio(double value, Limit limit) {
        return limit == null || limit.value() == 0 ? null : round(value / limit.value());
    }

    /** Four significant digits: more would be noise. */
    static double round(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(new MathContext(4)).doubleValue();
    }
}
