package org.legwatch.analysis.response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The cohort view for researchers: responder rate with a Wilson interval, the distribution of PLMI
 * changes, time to response, durability (Kaplan-Meier, because most responses are still on at the
 * last night), courses per patient and agreement between a patient's first and second course, and
 * the same by formulation and by course number.
 *
 * @param evaluable        courses with a responder call (enough valid nights)
 * @param changePerHour    Hodges-Lehmann PLMI change (/h) of the evaluable courses
 * @param changePercent    change of the PLMI median (%) of the evaluable courses
 * @param histogram        counts of {@code changePercent} in 10 % bins from -100 % ({@code [lo, lo + 10)}), the last bin open above
 * @param timeToResponse   days from infusion to onset, courses with an onset
 * @param durability       onset to loss, censored at the last night
 */
public record CohortSummary(int patients, int courses, int evaluable, Proportion responders, Proportion significantFalls,
                            Distribution changePerHour, Distribution changePercent, List<Bin> histogram,
                            Distribution timeToResponse, Durability durability,
                            SortedMap<Integer, Integer> coursesPerPatient, RepeatedCourses repeated,
                            List<Group> byFormulation, List<Group> byCourseNumber) {

    public record Bin(double fromPercent, double toPercent, int count) {
    }

    /**
     * @param medianDays  Kaplan-Meier median duration; {@code NaN} when more than half are still responding
     * @param lasting90   probability a response lasts beyond 90 days (likewise 180, 365)
     */
    public record Durability(int responses, int lossesObserved, double medianDays, double lasting90, double lasting180,
                             double lasting365) {
    }

    /** Patients with at least two evaluable courses: the first two compared. */
    public record RepeatedCourses(int patients, int bothResponded, int onlyFirstResponded, int onlySecondResponded, int neither) {
    }

    public record Group(String name, int courses, int evaluable, Proportion responders, double medianChangePercent,
                        double medianTimeToResponse) {
    }

    public static CohortSummary of(List<PatientResponse> patients, double confidence) {
        List<InfusionResponse> all = patients.stream().flatMap(p -> p.infusions().stream()).toList();
        List<InfusionResponse> evaluable = all.stream().filter(i -> i.responder() != null).toList();
        int responders = (int) evaluable.stream().filter(i -> i.responder()).count();
        int falls = (int) evaluable.stream().filter(InfusionResponse::significantFall).count();

        double[] percent = evaluable.stream().mapToDouble(i -> i.plmi().changePercent()).filter(Double::isFinite).toArray();
        double[] perHour = evaluable.stream().mapToDouble(i -> i.plmi().shift().shift()).toArray();
        double[] onset = all.stream().filter(i -> i.timing().onsetDay() != null).mapToDouble(i -> i.timing().onsetDay()).toArray();

        SortedMap<Integer, Integer> perPatient = new TreeMap<>();
        for (PatientResponse p : patients) {
            perPatient.merge(p.infusions().size(), 1, Integer::sum);
        }
        return new CohortSummary(patients.size(), all.size(), evaluable.size(),
                Proportion.wilson(responders, evaluable.size(), confidence),
                Proportion.wilson(falls, evaluable.size(), confidence),
                Distribution.of(perHour), Distribution.of(percent), histogram(percent), Distribution.of(onset),
                durability(all), perPatient, repeated(patients),
                groups(all, i -> i.course().formulation().code(), confidence),
                groups(all, i -> i.course().number() >= 3 ? "3+" : Integer.toString(i.course().number()), confidence));
    }

    private static List<Bin> histogram(double[] percent) {
        List<Bin> bins = new ArrayList<>();
        int[] counts = new int[21];
        for (double p : percent) {
            int bin = (int) Math.floor((p + 100) / 10);
            counts[Math.max(0, Math.min(20, bin))]++;
        }
        for (int i = 0; i < 21; i++) {
            bins.add(new Bin(-100 + 10 * i, i == 20 ? Double.POSITIVE_INFINITY : -90 + 10 * i, counts[i]));
        }
        return List.copyOf(bins);
    }

    private static Durability durability(List<InfusionResponse> all) {
        List<ResponseTiming> timed = all.stream().map(InfusionResponse::timing).filter(t -> t.durationDays() != null).toList();
        double[] days = timed.stream().mapToDouble(ResponseTiming::durationDays).toArray();
        boolean[] lost = new boolean[timed.size()];
        for (int i = 0; i < lost.length; i++) {
            lost[i] = !timed.get(i).durationCensored();
        }
        KaplanMeier km = KaplanMeier.estimate(days, lost);
        boolean any = days.length > 0;
        return new Durability(days.length, km.events(), any ? km.median() : Double.NaN,
                any ? km.survival(90) : Double.NaN, any ? km.survival(180) : Double.NaN, any ? km.survival(365) : Double.NaN);
    }

    private static RepeatedCourses repeated(List<PatientResponse> patients) {
        int count = 0;
        int both = 0;
        int first = 0;
        int second = 0;
        int neither = 0;
        for (PatientResponse p : patients) {
            List<InfusionResponse> evaluable = p.infusions().stream().filter(i -> i.responder() != null).toList();
            if (evaluable.size() < 2) {
                continue;
            }
            count++;
            boolean a = evaluable.get(0).responder();
            boolean b = evaluable.get(1).responder();
            if (a && b) {
                both++;
            } else if (a) {
                first++;
            } else if (b) {
                second++;
            } else {
                neither++;
            }
        }
        return new RepeatedCourses(count, both, first, second, neither);
    }

    private static List<Group> groups(List<InfusionResponse> all, Function<InfusionResponse, String> key, double confidence) {
        Map<String, List<InfusionResponse>> byKey = new LinkedHashMap<>();
        all.stream().sorted((a, b) -> key.apply(a).compareTo(key.apply(b)))
                .forEach(i -> byKey.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i));
        List<Group> groups = new ArrayList<>();
        byKey.forEach((name, members) -> {
            List<InfusionResponse> evaluable = members.stream().filter(i -> i.responder() != null).toList();
            int responders = (int) evaluable.stream().filter(InfusionResponse::responder).count();
            double[] percent = evaluable.stream().mapToDouble(i -> i.plmi().changePercent()).filter(Double::isFinite).toArray();
            double[] onset = members.stream().filter(i -> i.timing().onsetDay() != null).mapToDouble(i -> i.timing().onsetDay()).toArray();
            groups.add(new Group(name, members.size(), evaluable.size(), Proportion.wilson(responders, evaluable.size(), confidence),
                    Quantiles.median(percent), Quantiles.median(onset)));
        });
        return List.copyOf(groups);
    }
}
