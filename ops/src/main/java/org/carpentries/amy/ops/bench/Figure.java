package org.carpentries.amy.ops.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * One measured figure for one engine (or for PostgreSQL alone): the median of its rounds with their spread, its
 * unit, and the raw limit it is compared with as {@code ratio = value / limit}. Append figures also carry the
 * durable limit (commit waits for the WAL flush) when the server itself commits asynchronously.
 */
record Figure(String id, String label, String engine, Integer clients, String readModel, String unit, double value,
              double min, double max, List<Double> samples, Limit limit, Double ratio, Limit durableLimit,
              Double durableRatio) {

    /** A raw PostgreSQL figure another figure is compared with. */
    record Limit(String id, String label, double value, String unit) {
    }

    static Figure of(String id, String label, String engine, Integer clients, String readModel, String unit,
                     Stats.Spread spread, Limit limit, Limit durableLimit) {
        return new Figure(id, label, engine, clients, readModel, unit, round(spread.median()), round(spread.min()),
                round(spread.max()), spread.samples().stream().map(Figure::round).toList(), limit,
                ratio(spread.median(), limit), durableLimit, ratio(spread.median(), durableLimit));
    }

    static Limit limit(Figure raw) {
        return new Limit(raw.id(), raw.label(), raw.value(), raw.unit());
    }

    /** Whether two figures' min-max ranges overlap: then their difference is within this run's noise. */
    boolean overlaps(Figure other) {
        return min <= other.max && other.min <= max;
    }

    private static Double ratio(double value, Limit limit) {
        return limit == null || limit.value() == 0 ? null : round(value / limit.value());
    }

    /** Four significant digits: more would be noise, fewer would hide small differences between engines. */
    static double round(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(new MathContext(4)).doubleValue();
    }
}
