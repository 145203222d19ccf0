package org.legwatch.analysis.response;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One course of IV iron: a dose, or doses given days apart as one treatment (ferric carboxymaltose
 * 500 mg on day 0 and day 5, or 750 mg twice a week apart). Day 0 of the analysis is the first
 * dose.
 *
 * @param number the course's place among the patient's courses, from 1
 */
public record InfusionCourse(int number, List<TherapyEvent> doses) {
    public InfusionCourse {
        if (doses.isEmpty()) {
            throw new IllegalArgumentException("a course needs a dose");
        }
        doses = List.copyOf(doses);
    }

    public LocalDate date() {
        return doses.getFirst().date();
    }

    public LocalDate lastDoseDate() {
        return doses.getLast().date();
    }

    /** Total mg; {@code NaN} when a dose has no amount. */
    public double totalDoseMg() {
        double total = 0;
        for (TherapyEvent dose : doses) {
            total += dose.value();
        }
        return total;
    }

    /** The product as recorded (the first dose's; distinct products joined by " + "). */
    public String product() {
        return String.join(" + ", doses.stream().map(TherapyEvent::detail).distinct().toList());
    }

    public Formulation formulation() {
        return Formulation.of(doses.getFirst().detail());
    }

    /** Groups IV doses (in date order) into courses: a dose within {@code gapDays} of the previous joins its course. */
    public static List<InfusionCourse> group(List<TherapyEvent> ivDoses, int gapDays) {
        List<InfusionCourse> courses = new ArrayList<>();
        List<TherapyEvent> current = new ArrayList<>();
        for (TherapyEvent dose : ivDoses) {
            if (!current.isEmpty() && ChronoUnit.DAYS.between(current.getLast().date(), dose.date()) > gapDays) {
                courses.add(new InfusionCourse(courses.size() + 1, current));
                current = new ArrayList<>();
            }
            current.add(dose);
        }
        if (!current.isEmpty()) {
            courses.add(new InfusionCourse(courses.size() + 1, current));
        }
        return courses;
    }
}
